import {
  alert,
  contract,
  createdSession,
  product,
  session,
  type Alert,
  type Contract,
  type CreateContractBody,
  type CreateProductBody,
  type CreateSessionBody,
  type Product,
  type Session,
} from '@anchorwatch/schemas';
import { z } from 'zod';

export type CreatedSession = z.infer<typeof createdSession>;

/** Thrown when the API answers with an unexpected status; carries the API's own error text. */
export class ApiError extends Error {}

/** The few API calls the demo makes, each response checked against the published schema. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** `POST /v1/products`. */
  createProduct(body: CreateProductBody): Promise<Product> {
    return this.call('POST', '/v1/products', 201, product, body);
  }

  /** `POST /v1/contracts`. */
  createContract(body: CreateContractBody): Promise<Contract> {
    return this.call('POST', '/v1/contracts', 201, contract, body);
  }

  /** `POST /v1/sessions`: the response holds the ingest token, shown only this once. */
  createSession(body: CreateSessionBody): Promise<CreatedSession> {
    return this.call('POST', '/v1/sessions', 201, createdSession, body);
  }

  /** `POST /v1/sessions/:id/end`. */
  endSession(id: string): Promise<Session> {
    return this.call('POST', `/v1/sessions/${id}/end`, 200, session);
  }

  /** `GET /v1/alerts`: a session's alerts created after `since` (exclusive), newest first. */
  listAlerts(sessionId: string, since?: string): Promise<Alert[]> {
    const query = new URLSearchParams({ sessionId, limit: '1000' });
    if (since) query.set('since', since);
    return this.call('GET', `/v1/alerts?${query}`, 200, z.array(alert));
  }

  /** `GET /v1/alerts/feed`: the live feed's server-sent-event body, to read until `signal` aborts. */
  async openFeed(query: URLSearchParams, signal: AbortSignal): Promise<AsyncIterable<Uint8Array>> {
    const res = await fetch(`${this.baseUrl}/v1/alerts/feed?${query}`, {
      headers: { authorization: `Bearer ${this.apiKey}`, accept: 'text/event-stream' },
      signal,
    });
    if (res.status !== 200 || !res.body) throw new ApiError(`GET /v1/alerts/feed answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return res.body;
  }

  /** The `GET /v1/alerts` URL of a session, for the reader to call later. */
  alertsUrl(sessionId: string): string {
    return `${this.baseUrl}/v1/alerts?sessionId=${sessionId}`;
  }

  private async call<T>(method: string, path: string, expected: number, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (res.status !== expected) throw new ApiError(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return schema.parse(JSON.parse(text));
  }
}
