// One typed failure for every delivery path (Bot Connector via botbuilder, webhook via fetch):
// retryable or not, the HTTP status when there was one, and the server's Retry-After.
import { parseRetryAfter } from './retry-policy';

export class DeliveryFailure extends Error {
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** short machine-readable reason kept on the outbox item and in the dead letters */
  readonly reason: string;

  constructor(reason: string, options: { retryable: boolean; status?: number; retryAfterMs?: number; cause?: unknown }) {
    super(reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryFailure';
    this.reason = reason;
    this.retryable = options.retryable;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Statuses worth retrying: throttling, precondition races, timeouts and server errors. */
export function isRetryableStatus(status: number): boolean {
  if (status === 429 || status === 412 || status === 408) return true;
  return status >= 500 && status !== 501 && status !== 505;
}

export function failureFromStatus(status: number, retryAfterHeader: string | null | undefined, now: number, what: string): DeliveryFailure {
  const retryable = isRetryableStatus(status);
  const retryAfterMs = retryable ? parseRetryAfter(retryAfterHeader, now) : undefined;
  return new DeliveryFailure(`${what}: HTTP ${status}`, { retryable, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'REQUEST_SEND_ERROR',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  status?: unknown;
  permanent?: unknown;
  message?: unknown;
  cause?: unknown;
  response?: { headers?: { get?: (name: string) => string | null | undefined } };
}

function asErrorLike(err: unknown): ErrorLike | undefined {
  return typeof err === 'object' && err !== null ? (err) : undefined;
}

function networkCode(err: ErrorLike | undefined, depth = 0): string | undefined {
  if (!err || depth > 3) return undefined;
  if (typeof err.code === 'string' && NETWORK_CODES.has(err.code)) return err.code;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return 'TIMEOUT';
  return networkCode(asErrorLike(err.cause), depth + 1);
}

/**
 * Any thrown value → DeliveryFailure. botbuilder's RestError carries `statusCode` and the
 * response headers; fetch failures carry a network `code` in `cause`. An error that says it is
 * `permanent` (the service-URL allow-list refusing a send) is never retried.
 */
export function classifyDeliveryError(err: unknown, now: number, what: string): DeliveryFailure {
  if (err instanceof DeliveryFailure) return err;
  const e = asErrorLike(err);
  // the service-URL allow-list (src/bot/security) refuses before any I/O: never worth retrying
  if (e?.permanent === true || e?.name === 'ServiceUrlRefusedError') {
    return new DeliveryFailure(`${what}: refused (${typeof e.message === 'string' ? e.message : 'permanent'})`, { retryable: false, cause: err });
  }
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status !== undefined) {
    const header = e?.response?.headers?.get?.('retry-after');
    const failure = failureFromStatus(status, header, now, what);
    return new DeliveryFailure(failure.reason, {
      retryable: failure.retryable,
      status,
      ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
      cause: err,
    });
  }
  const code = networkCode(e);
  if (code !== undefined) return new DeliveryFailure(`${what}: network ${code}`, { retryable: true, cause: err });
  // Unknown failure (storage hiccup, bug): retry, bounded by maxAttempts, and keep the text.
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryFailure(`${what}: ${message.slice(0, 200)}`, { retryable: true, cause: err });
}
