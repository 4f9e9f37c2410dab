// Start times as the logs print them, to an ISO-like local time without zone (2023-11-04T15:52:10).
import { isDigit, tokens } from './text';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function iso(y: number, mo: number, d: number, h: number, mi: number, s: number): string | undefined {
  if (y < 1990 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  return `${y}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** `20231104155210` (transcript Start time) → 2023-11-04T15:52:10. */
export function parseTranscriptStamp(v: string): string | undefined {
  const s = v.trim();
  if (s.length < 14 || !allDigits(s.slice(0, 14))) return undefined;
  const n = (a: number, b: number): number => Number(s.slice(a, b));
  return iso(n(0, 4), n(4, 6), n(6, 8), n(8, 10), n(10, 12), n(12, 14));
}

function parseClock(tok: string): [number, number, number] | undefined {
  const parts = tok.split(':');
  if (parts.length < 2 || parts.length > 3) return undefined;
  if (!parts.every((p) => allDigits(p) && p.length <= 2)) return undefined;
  return [Number(parts[0]), Number(parts[1]), parts.length === 3 ? Number(parts[2]) : 0];
}

/**
 * Loose date: `Thu Aug 20 18:45:01 JST 2022` (date(1), C locale), `2022年 8月 20日 土曜日 18:45:01 JST`
 * (ja_JP locale), `11/04/2023 15:52:10` (PowerShell invariant), `2024/06/03 9:05:11`, `2022-08-20 18:45:01`.
 */
export function parseLooseDate(v: string): string | undefined {
  const s = v.length > 200 ? v.slice(0, 200) : v;
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let clock: [number, number, number] | undefined;
  // Japanese 年月日
  const yi = s.indexOf('年');
  const mi = s.indexOf('月');
  const di = s.indexOf('日');
  if (yi > 0 && mi > yi && di > mi) {
    const num = (a: number, b: number): number | undefined => {
      const t = s.slice(a, b).trim();
      return allDigits(t) ? Number(t) : undefined;
    };
    y = num(0, yi) ?? num(Math.max(0, yi - 4), yi);
    mo = num(yi + 1, mi);
    d = num(mi + 1, di);
  }
  for (const tok of tokens(s, 16)) {
    const low = tok.toLowerCase();
    if (clock === undefined && tok.includes(':')) {
      const c = parseClock(tok);
      if (c) {
        clock = c;
        continue;
      }
    }
    if (mo === undefined) {
      const m = MONTHS.indexOf(low.slice(0, 3));
      if (m !== -1 && /^[a-z]+\.?,?$/.test(low)) {
        mo = m + 1;
        continue;
      }
    }
    const sep = tok.includes('/') ? '/' : tok.includes('-') ? '-' : '';
    if (sep && y === undefined) {
      const parts = tok.split(sep);
      if (parts.length === 3 && parts.every((p) => allDigits(p))) {
        const [a, b, c] = parts.map(Number) as [number, number, number];
        if ((parts[0] as string).length === 4) {
          y = a; mo = b; d = c;
        } else {
          mo = a; d = b; y = c; // MM/dd/yyyy (invariant culture)
        }
        continue;
      }
    }
    if (allDigits(tok)) {
      const n = Number(tok);
      if (tok.length === 4 && y === undefined) y = n;
      else if (tok.length <= 2 && d === undefined) d = n;
    }
  }
  if (y === undefined || mo === undefined || d === undefined || clock === undefined) return undefined;
  return iso(y, mo, d, clock[0], clock[1], clock[2]);
}
