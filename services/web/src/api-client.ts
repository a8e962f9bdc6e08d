import type { ErrorBody } from '@anchorwatch/schemas';

/** An API answer other than 2xx, with the typed error code when the body carries one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the Anchorwatch API of the page's own origin with the signed-in key (sent as a header, never in a URL). */
export class ApiClient {
  constructor(private readonly key: string) {}

  /** The Authorization header value for requests the client does not make itself (the feed stream). */
  get authorization(): string {
    return `Bearer ${this.key}`;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.raw(method, path, body);
    const text = await res.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Like request, but returns the response (for binary bodies such as the evidence clip). */
  async raw(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: this.authorization };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) {
      let code = 'http_error';
      let message = `HTTP ${res.status}`;
      try {
        const parsed = (await res.json()) as ErrorBody;
        code = parsed.error.code;
        message = parsed.error.message;
      } catch {
        // not a JSON error body: keep the status line
      }
      throw new ApiError(res.status, code, message);
    }
    return res;
  }
}
