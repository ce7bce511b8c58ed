// How the merchant platform writes downloads: instants in Shanghai wall time for people, and the
// Content-Disposition of a file with a Chinese name.

/** Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant as a person in Shanghai reads it: `2026-11-24 10:00:00`. */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `attachment` with the file's name twice: plain ASCII for old clients, and the real (Chinese)
 * name in UTF-8 as RFC 5987 / RFC 6266 give it, percent-encoded.
 */
export function attachment(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
