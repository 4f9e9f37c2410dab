// When to try a failed delivery again: exponential backoff with jitter, Retry-After honoured but
// capped (a server asking for an hour must not park an escalation for an hour), and a floor so a
// "Retry-After: 0" can never become a hot loop.

export interface RetryPolicy {
  /** attempts before an item goes to the dead letters */
  maxAttempts: number;
  /** first backoff step */
  baseDelayMs: number;
  /** largest backoff step */
  maxDelayMs: number;
  /** largest wait a Retry-After header can impose */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 12,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  retryAfterCapMs: 5 * 60_000,
};

const MAX_SECONDS_DIGITS = 9; // 31 years: anything longer is capped anyway

/**
 * Retry-After value → milliseconds from `now`. Accepts delay-seconds ("120") and an HTTP-date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"); a date in the past means 0. Anything else → undefined.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (isDigits(text)) {
    if (text.length > MAX_SECONDS_DIGITS) return Number.MAX_SAFE_INTEGER;
    return Number(text) * 1000;
  }
  // HTTP-date always names a weekday and a zone; refuse bare numbers-with-signs and the like.
  if (!/^[A-Za-z]{3},/.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now);
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Backoff before attempt `attempt + 1`, after `attempt` failures (1-based): an exponential step
 * with "equal jitter" (half fixed, half random), so retries spread out but never collapse to 0.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}

/** The wait before the next attempt, Retry-After taking precedence over backoff. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  if (retryAfterMs === undefined) return backoffDelay(attempt, policy, random);
  const floor = Math.min(policy.baseDelayMs, policy.retryAfterCapMs);
  const wanted = Math.min(Math.max(retryAfterMs, floor), policy.retryAfterCapMs);
  // a little jitter (≤ 10 %, ≤ 1 s) so many items told "retry in 10 s" do not return together
  const jitter = random() * Math.min(wanted * 0.1, 1000);
  return Math.min(Math.round(wanted + jitter), policy.retryAfterCapMs);
}
