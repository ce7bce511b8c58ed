// The one way the web app calls the API: same origin, the session cookie, the CSRF token on unsafe
// methods, an Idempotency-Key on the POSTs that take one, and errors as ApiError with the API's
// code, message and the field it names.

export type ApiErrorBody = {
  readonly code: string;
  readonly message: string;
  readonly param?: string;
  readonly requestId?: string;
  readonly [more: string]: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get code(): string {
    return this.body.code;
  }

  get param(): string | undefined {
    return this.body.param;
  }
}

let csrfToken: string | undefined;
let language = 'zh-CN';

/** The API answers its messages in the caller's language (Accept-Language). */
export function setApiLanguage(next: string): void {
  language = next;
}

/** Kept from the sign-in answer or GET /v1/session; sent on every unsafe request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export type CallOptions = {
  readonly body?: unknown;
  readonly query?: Query;
  /** Sends an Idempotency-Key: the same key for the retries of one user action. */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
};

export function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
  };
  if (options.body !== undefined && !(options.body instanceof FormData)) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.body instanceof FormData) init.body = options.body;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const response = await fetch(urlOf(path, options.query), init);
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : safeJson(text);
  if (!response.ok) {
    const body =
      parsed && typeof parsed === 'object' && 'code' in parsed
        ? (parsed as ApiErrorBody)
        : { code: 'http_error', message: `${response.status} ${response.statusText}` };
    throw new ApiError(response.status, body);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => call<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, options: Omit<CallOptions, 'body'> = {}) =>
    call<T>('POST', path, { ...options, body: body ?? {} }),
  delete: <T>(path: string) => call<T>('DELETE', path),
};

/** A fresh key for one user action (a form submit); kept while that action is retried. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
