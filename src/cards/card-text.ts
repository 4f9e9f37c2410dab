// Text from a log (hosts, error texts, evidence lines) goes into cards as data, never as markup:
// templates show it in TextRun (which Teams does not render as markdown). What is left to do
// here is to keep it readable and bounded: no control or bidi-override characters (they can
// hide or reorder text), and a length cap so one 10 000-character host cannot eat the card.

const ELLIPSIS = '…';

/** C0/C1 controls (except tab and newline) and the bidi embedding/override/isolate marks. */
function isUnsafeCodePoint(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a) return false;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return true;
  if (cp >= 0x202a && cp <= 0x202e) return true;
  if (cp >= 0x2066 && cp <= 0x2069) return true;
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return true;
  return false;
}

/**
 * Makes any value a single safe string of at most `max` code points (ellipsis included).
 * Non-strings become '' (arrays and objects from a hostile report are not rendered as JSON).
 */
export function cardText(value: unknown, max = 500): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else return '';
  let out = '';
  let count = 0;
  let truncated = false;
  for (const ch of s) {
    if (count >= max) {
      truncated = true;
      break;
    }
    const cp = ch.codePointAt(0) ?? 0xfffd;
    out += isUnsafeCodePoint(cp) ? '\uFFFD' : ch;
    count++;
  }
  if (!truncated) return out;
  // keep room for the ellipsis inside the budget
  const chars = Array.from(out);
  return chars.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
}

/** One-line variant: newlines and tabs become spaces (hosts, titles, button captions). */
export function cardLine(value: unknown, max = 200): string {
  const s = cardText(value, max);
  let out = '';
  for (const ch of s) out += ch === '\n' || ch === '\t' ? ' ' : ch;
  return out;
}

/** Only https links go on a card (catalogue links are trusted, but a typo must not open http). */
export function isSafeUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2000) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
