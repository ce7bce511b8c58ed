// Downloads (CSV, PDF) are plain links to the API with the session cookie: the browser saves the
// file itself, and nothing of it passes through JavaScript.
import { urlOf, type Query } from '../api/client.ts';

export function downloadHref(path: string, query?: Query): string {
  return urlOf(path, query);
}
