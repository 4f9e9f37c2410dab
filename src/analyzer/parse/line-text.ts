// One trimmed log line, with case-insensitive checks that answer exactly what the same check on
// `t.toLowerCase()` answers, without making that lower-case copy when the line allows it: on a
// 100 MB log, lower-casing every line costs more than decoding the whole file.
//
// Why it is exact: only two characters lower-case to ASCII or change length, U+0130 (İ → "i̇")
// and U+212A (KELVIN SIGN → "k"). On a line without them, `t.toLowerCase()` has the same length,
// and an ASCII pattern matches it at index i exactly where it matches `t` ASCII-case-insensitively
// at index i (which a non-unicode /i regular expression finds: it never folds non-ASCII into ASCII).
// A line with one of them uses the real lower-case copy, so even its shifted indices stay the same.
//
// Patterns given to these methods must be lower-case ASCII. A parser keeps one LineText and
// `reset`s it per line (no object per line).

const PLAIN_UNKNOWN = 0;
const PLAIN = 1;
const EXOTIC = 2;

interface Search {
  re: RegExp;
  /** the pattern has an ASCII letter (a line without letters cannot hold it) */
  letter: boolean;
}

/** Case-insensitive searches by pattern; the patterns are the parsers' constants, so this stays small. */
const SEARCHES = new Map<string, Search>();

function searchFor(p: string): Search {
  let s = SEARCHES.get(p);
  if (s === undefined) {
    s = { re: new RegExp(p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'gi'), letter: /[a-z]/.test(p) };
    SEARCHES.set(p, s);
  }
  return s;
}

/** After this many regex searches on one line, one lower-case copy and native searches are cheaper. */
const SEARCHES_BEFORE_COPY = 3;

/**
 * Where one lower-case ASCII word occurs in a whole text, ASCII-case-insensitively, found by one
 * forward scan while the lines are read in order. For a word asked about on most lines of a log
 * ('statuscode' on every web-request line), one pass over the text instead of a search per line.
 * Each character is scanned about once, as long as the lines are asked about in increasing order.
 */
export class WordIndex {
  private readonly re: RegExp;
  /** start of the first occurrence at or after the last line asked about (text.length + 1: none) */
  private at = -1;

  constructor(
    private readonly text: string,
    readonly word: string,
  ) {
    this.re = new RegExp(searchFor(word).re.source, 'gi');
  }

  /** Index in `text.slice(start, end)` of the word's first occurrence, or -1. */
  within(start: number, end: number): number {
    if (this.at < start) {
      this.re.lastIndex = start;
      this.at = this.re.test(this.text) ? this.re.lastIndex - this.word.length : this.text.length + 1;
    }
    return this.at + this.word.length <= end ? this.at - start : -1;
  }
}

export class LineText {
  /** the trimmed line */
  t = '';
  private l: string | undefined = undefined;
  private plain = PLAIN_UNKNOWN;
  private searches = 0;
  /** set by the parser for a separator line ('-----', '====='): it has no letters */
  private letterless = false;
  /** where `t` starts in the text the word indexes cover (-1: not known) */
  private start = -1;
  private indexes: readonly WordIndex[] = [];

  constructor(t = '') {
    this.t = t;
  }

  /** Word indexes over the text the lines come from (see `reset`'s `start`). */
  useIndexes(indexes: readonly WordIndex[]): void {
    this.indexes = indexes;
  }

  /** Points this object at another line; `start` is where it sits in the indexed text, if any. */
  reset(t: string, start = -1): this {
    this.t = t;
    this.l = undefined;
    this.plain = PLAIN_UNKNOWN;
    this.searches = 0;
    this.letterless = false;
    this.start = start;
    return this;
  }

  /** The caller knows the line is made of '-' and '=' only: searches for words end at once. */
  markLetterless(): void {
    this.letterless = true;
  }

  /** `t.toLowerCase()`, made once. */
  lower(): string {
    if (this.l === undefined) this.l = this.t.toLowerCase();
    return this.l;
  }

  /**
   * First code of `lower()` (NaN for an empty line): U+0130 → 'i', U+212A → 'k'. A check
   * `startsWith(p)` can only hold when this is `p`'s first character, so readers dispatch on it.
   */
  lowerFirst(): number {
    const c = this.t.charCodeAt(0);
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    if (c === 0x130) return 0x69;
    return c === 0x212a ? 0x6b : c;
  }

  /** `lower().length` */
  lowerLength(): number {
    if (this.l !== undefined) return this.l.length;
    return this.isPlain() ? this.t.length : this.lower().length;
  }

  /** No U+0130 / U+212A: `lower()` has the same length, and the same indices. */
  isPlain(): boolean {
    if (this.plain === PLAIN_UNKNOWN) {
      const t = this.t;
      this.plain = t.indexOf('\u0130') === -1 && t.indexOf('\u212a') === -1 ? PLAIN : EXOTIC;
    }
    return this.plain === PLAIN;
  }

  /** `lower().startsWith(p)` */
  startsWith(p: string): boolean {
    if (this.l !== undefined) return this.l.startsWith(p);
    const t = this.t;
    // lower() is only longer than t through U+0130, whose "\u0307" an ASCII pattern never matches
    if (p.length > t.length) return false;
    for (let i = 0; i < p.length; i++) {
      let c = t.charCodeAt(i);
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      else if (c >= 0x80) {
        if (c === 0x130 || c === 0x212a) return this.lower().startsWith(p);
        return false; // lower-cases to a non-ASCII character
      }
      if (c !== p.charCodeAt(i)) return false;
    }
    return true;
  }

  /** `lower().startsWith(p, at)` */
  startsWithAt(p: string, at: number): boolean {
    if (at <= 0) return this.startsWith(p);
    if (this.l !== undefined || !this.isPlain()) return this.lower().startsWith(p, at);
    const t = this.t;
    if (at + p.length > t.length) return false;
    for (let i = 0; i < p.length; i++) {
      let c = t.charCodeAt(at + i);
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== p.charCodeAt(i)) return false; // a non-ASCII character never equals an ASCII one here
    }
    return true;
  }

  /** `lower() === p` */
  equals(p: string): boolean {
    if (this.l !== undefined) return this.l === p;
    if (this.t.length !== p.length && this.isPlain()) return false;
    return this.startsWith(p) && this.lowerLength() === p.length;
  }

  /** `lower().indexOf(p, from)` */
  indexOf(p: string, from = 0): number {
    if (this.letterless && searchFor(p).letter) return -1;
    if (from === 0 && this.start >= 0 && this.l === undefined) {
      for (let i = 0; i < this.indexes.length; i++) {
        const index = this.indexes[i] as WordIndex;
        if (index.word === p && this.isPlain()) return index.within(this.start, this.start + this.t.length);
      }
    }
    if (this.l === undefined && this.searches < SEARCHES_BEFORE_COPY && this.isPlain()) {
      this.searches++;
      const { re } = searchFor(p);
      re.lastIndex = from < 0 ? 0 : from;
      // test() makes no match object; a match of a literal ASCII pattern is p.length long
      return re.test(this.t) ? re.lastIndex - p.length : -1;
    }
    return this.lower().indexOf(p, from);
  }

  /** `lower().includes(p)` */
  includes(p: string): boolean {
    return this.indexOf(p) !== -1;
  }

  /** `lower().lastIndexOf(p, from)` */
  lastIndexOf(p: string, from?: number): number {
    return this.lower().lastIndexOf(p, from);
  }
}
