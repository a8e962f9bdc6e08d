import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { checkWebhookUrl, RefusedUrlError, type AllowList, type Resolver } from '@anchorwatch/webhooks';

/** The outcome of one HTTP attempt, as the delivery log records it. */
export interface SendResult {
  ok: boolean;
  /** null when no response came (refused address, timeout, connection error). */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  /** From a 429/503 `Retry-After` in seconds: the endpoint asked us to hold off this long. */
  retryAfterMs: number | null;
}

export interface SendOptions {
  timeoutMs: number;
  allow: AllowList;
  resolve?: Resolver;
}

/** Connects only to the addresses that were checked, so a DNS answer that changes after the check is never used. */
const pinnedLookup = (addresses: string[]): LookupFunction => (_host, options, callback) => {
  const all = addresses.map((address) => ({ address, family: isIP(address) }));
  if (options.all) callback(null, all);
  else callback(null, all[0]!.address, all[0]!.family);
};

/**
 * POSTs a JSON body to a webhook URL: the host is resolved and checked against SSRF rules at this moment, the
 * socket goes to a checked address, redirects are not followed, and the whole exchange is bounded by the timeout.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let addresses: string[];
  try {
    addresses = await checkWebhookUrl(url, options.allow, options.resolve);
  } catch (err) {
    const message = err instanceof RefusedUrlError ? `refused: ${err.message}` : `cannot check the URL: ${(err as Error).message}`;
    return { ok: false, statusCode: null, latencyMs: elapsed(), error: message, retryAfterMs: null };
  }
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null, retryAfterMs: number | null = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({ ok, statusCode, latencyMs: elapsed(), error: ok ? null : (error ?? `HTTP ${statusCode}`), retryAfterMs });
    };
    const request = client.request(
      {
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Anchorwatch-Webhooks/0.1',
          ...headers,
        },
        lookup: pinnedLookup(addresses),
        agent: false,
      },
      (response) => {
        // The body is not used; read it to the end so the status is final and the socket closes cleanly.
        response.resume();
        response.on('end', () => finish(response.statusCode ?? null, null, retryAfterOf(response)));
        response.on('error', (err) => finish(response.statusCode ?? null, err.message));
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`no complete response within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('error', (err) => finish(null, err.message));
    request.end(body);
  });
}

function retryAfterOf(response: http.IncomingMessage): number | null {
  if (response.statusCode !== 429 && response.statusCode !== 503) return null;
  const seconds = Number(response.headers['retry-after']);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : null;
}
