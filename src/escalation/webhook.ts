// The optional webhook: each escalation and state change POSTed as JSON for ticket systems or
// Power Automate. The raw body is signed (`X-Signature-256: sha256=<hex HMAC-SHA256>`) with
// ESCALATION_WEBHOOK_SECRET; the body carries `sentAt` (so the time is covered by the signature)
// and the timestamp header repeats it for receivers that reject stale deliveries.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryFailure, classifyDeliveryError, failureFromStatus } from './delivery-failure';

export const SIGNATURE_HEADER = 'X-Signature-256';
export const TIMESTAMP_HEADER = 'X-Signature-Timestamp';
export const DELIVERY_HEADER = 'X-Escalation-Delivery';
export const EVENT_HEADER = 'X-Escalation-Event';

export interface WebhookConfig {
  url: string;
  secret: string;
  timeoutMs: number;
}

export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** For receivers and tests: constant-time check of a signature header against the raw body. */
export function verifyWebhookSignature(rawBody: string | Buffer, secret: string, header: string | null | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface WebhookDelivery {
  /** stable per outbox item, so a receiver can drop a repeat */
  deliveryId: string;
  event: string;
  /** epoch ms, written into the body as `sentAt` */
  sentAt: number;
  payload: Record<string, unknown>;
}

export interface WebhookDeps {
  fetch: typeof fetch;
  now: () => number;
}

/** POSTs one delivery; resolves with the status on 2xx, throws DeliveryFailure otherwise. */
export async function postWebhook(config: WebhookConfig, delivery: WebhookDelivery, deps: WebhookDeps): Promise<{ status: number }> {
  const body = JSON.stringify({
    event: delivery.event,
    deliveryId: delivery.deliveryId,
    sentAt: new Date(delivery.sentAt).toISOString(),
    ...delivery.payload,
  });
  let response: Response;
  try {
    response = await deps.fetch(config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'nwcheck-escalation/1',
        [SIGNATURE_HEADER]: signWebhookBody(body, config.secret),
        [TIMESTAMP_HEADER]: String(Math.floor(delivery.sentAt / 1000)),
        [DELIVERY_HEADER]: delivery.deliveryId,
        [EVENT_HEADER]: delivery.event,
      },
      body,
      // a redirect could carry the signed body somewhere else: treat it as a failure instead
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    throw classifyDeliveryError(err, deps.now(), 'webhook');
  }
  // free the socket; the receiver's body is of no interest
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) return { status: response.status };
  if (response.status >= 300 && response.status < 400) {
    throw new DeliveryFailure(`webhook: HTTP ${response.status} redirect not followed`, { retryable: false, status: response.status });
  }
  throw failureFromStatus(response.status, response.headers.get('retry-after'), deps.now(), 'webhook');
}
