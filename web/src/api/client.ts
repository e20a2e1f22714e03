// The one place that talks HTTP to the portal. Every call goes through
// ApiClient.request, which
//   - sends and parses JSON,
//   - adds the session's CSRF token to every non-GET request,
//   - turns every failure into an ApiError {status, code, message, field}
//     (the API's {"error":{...}} body, or "network"/"http_NNN" when there is
//     none),
//   - tells the application when the session is gone (401 → log in again)
//     and when the operating rules must be accepted first (403
//     rules_not_accepted → rules page).
// The session cookie itself is HttpOnly: the browser sends it, we never see it.
import type { ErrorBody } from './types.ts';

export type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue>;

/** A failed API call. `field` names the input at fault, e.g. "title" or "indicators[3].value". */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The API's whole error object, for details beyond the message (e.g. YARA diagnostics). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True for the error of a request that reached nothing it may see. */
  get notFound(): boolean {
    return this.code === 'not_found';
  }
}

export interface ClientHooks {
  /** A request was refused because nobody is logged in (401). */
  unauthenticated?: () => void;
  /** A request was refused because the current operating rules are not accepted. */
  rulesNotAccepted?: () => void;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** false for calls whose 401 is an answer, not a lost session (logging in). */
  authHooks?: boolean;
  signal?: AbortSignal;
}

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** "/api/v1/events" + {level: "RED", q: ""} → "/api/v1/events?level=RED"; empty values are left out. */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export class ApiClient {
  private csrfToken = '';
  private readonly fetchFn: FetchFn;
  hooks: ClientHooks;

  constructor(options: { fetch?: FetchFn; hooks?: ClientHooks } = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.hooks = options.hooks ?? {};
  }

  /** The token every non-GET request of this session must carry (from POST/GET /api/v1/session). */
  setCsrfToken(token: string | undefined): void {
    this.csrfToken = token ?? '';
  }

  /** The session's CSRF token, for requests not made by `request` (uploads). */
  csrf(): string {
    return this.csrfToken;
  }

  get(path: string, query?: Query): Promise<unknown> {
    return this.request('GET', path, { query });
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (options.signal) init.signal = options.signal;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (!SAFE_METHODS.has(method) && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;

    let response: Response;
    try {
      response = await this.fetchFn(buildUrl(path, options.query), init);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
    }
    const text = response.status === 204 ? '' : await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (response.ok) return body;

    const error = toApiError(response.status, body);
    if (options.authHooks !== false) {
      if (error.status === 401) this.hooks.unauthenticated?.();
      else if (error.code === 'rules_not_accepted') this.hooks.rulesNotAccepted?.();
    }
    throw error;
  }
}

/**
 * Sends a file as the raw body of a POST (sample uploads) with
 * XMLHttpRequest, whose upload events report progress (fetch has none).
 * Same CSRF header, error shape and session hooks as ApiClient.request.
 */
export function uploadFile(
  client: ApiClient,
  path: string,
  query: Query,
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, query));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    const token = client.csrf();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'upload failed'));
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, body });
        return;
      }
      const error = toApiError(xhr.status, body);
      if (error.status === 401) client.hooks.unauthenticated?.();
      else if (error.code === 'rules_not_accepted') client.hooks.rulesNotAccepted?.();
      reject(error);
    };
    xhr.send(file);
  });
}

function toApiError(status: number, body: unknown): ApiError {
  const e = (body as Partial<ErrorBody> | undefined)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string')
    return new ApiError(status, e.code, e.message, typeof e.field === 'string' ? e.field : undefined, e);
  return new ApiError(status, `http_${status}`, `HTTP ${status}`);
}
