// Where the browser tests build the web app and serve it from.
import { join } from 'node:path';

export const E2E_WEB_ROOT = join(import.meta.dirname, '.web-dist');
