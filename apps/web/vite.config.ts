// The web app (merchant portal, ops console, virtual POS, applicant pages): one Vite build into
// dist/, served by the server on the API's port. `npm run dev -w @shoudan/web` proxies the API.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API = process.env.SHOUDAN_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  server: { proxy: { '/v1': API, '/health': API, '/status': API } },
});
