// Which groups of lower-case ASCII phrases occur in a string, case-insensitively, in one pass over
// it (Aho–Corasick). For each group it answers exactly what
// `group.some((p) => s.toLowerCase().includes(p))` answers, overlapping and nested phrases included,
// for the price of one scan instead of a lower-case copy and one search per phrase: the web error
// classifier asks about ~60 phrases per message.
//
// Case folding as toLowerCase does it, for ASCII patterns: A–Z → a–z, U+212A KELVIN SIGN → k,
// U+0130 → "i" followed by U+0307 (which no phrase contains); every other character lower-cases
// to something that is not ASCII, so no phrase can match across it.

/** column marker for U+0130, which lower-cases to two characters */
const DOTTED_I = 255;

export class PhraseScanner {
  /** UTF-16 code unit → column in the transition table; 0 = no phrase uses it */
  private readonly column = new Uint8Array(65536);
  private readonly shift: number;
  /** state × column → next state (a complete automaton: failures already folded in) */
  private readonly next: Uint16Array;
  /** bit g set when a phrase of group g ends in this state (through the failure links too) */
  private readonly groupsAt: Int32Array;
  /** the column of 'i' (0 when no phrase has one) */
  private readonly iColumn: number;

  /** `groups[g]` is a list of phrases; at most 31 groups. */
  constructor(groups: ReadonlyArray<readonly string[]>) {
    if (groups.length > 31) throw new Error('at most 31 phrase groups');
    let width = 1;
    for (const group of groups) {
      for (const p of group) {
        if (p.length === 0) throw new Error('empty phrase');
        for (let i = 0; i < p.length; i++) {
          const c = p.charCodeAt(i);
          if (c >= 128 || (c >= 0x41 && c <= 0x5a)) throw new Error(`phrase must be lower-case ASCII: ${p}`);
          if (this.column[c] === 0) this.column[c] = width++;
        }
      }
    }
    if (width >= DOTTED_I) throw new Error('too many distinct characters');
    for (let c = 0x41; c <= 0x5a; c++) this.column[c] = this.column[c + 0x20] as number;
    this.column[0x212a] = this.column[0x6b] as number;
    this.column[0x130] = DOTTED_I;
    this.iColumn = this.column[0x69] as number;
    let shift = 0;
    while (1 << shift < width) shift++;
    this.shift = shift;
    width = 1 << shift;
    // the trie of all phrases
    const children: number[][] = [new Array<number>(width).fill(0)];
    const ends: number[] = [0];
    groups.forEach((group, g) => {
      for (const p of group) {
        let s = 0;
        for (let i = 0; i < p.length; i++) {
          const col = this.column[p.charCodeAt(i)] as number;
          let n = (children[s] as number[])[col] as number;
          if (n === 0) {
            n = children.length;
            children.push(new Array<number>(width).fill(0));
            ends.push(0);
            (children[s] as number[])[col] = n;
          }
          s = n;
        }
        ends[s] = (ends[s] as number) | (1 << g);
      }
    });
    if (children.length > 0xffff) throw new Error('too many phrases');
    // breadth first: failure links, complete transitions, group masks
    const fail = new Array<number>(children.length).fill(0);
    const groupsAt = Int32Array.from(ends);
    const next = new Uint16Array(children.length << shift);
    const queue: number[] = [];
    for (let col = 1; col < width; col++) {
      const n = (children[0] as number[])[col] as number;
      next[col] = n;
      if (n !== 0) queue.push(n);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q] as number;
      const f = fail[s] as number;
      groupsAt[s] = (groupsAt[s] as number) | (groupsAt[f] as number);
      for (let col = 1; col < width; col++) {
        const n = (children[s] as number[])[col] as number;
        if (n !== 0) {
          fail[n] = next[(f << shift) + col] as number;
          next[(s << shift) + col] = n;
          queue.push(n);
        } else {
          next[(s << shift) + col] = next[(f << shift) + col] as number;
        }
      }
    }
    this.next = next;
    this.groupsAt = groupsAt;
  }

  /** The automaton's state where the last scan ended (to go on from there: see scanRange). */
  state = 0;

  /** Bit g is set when some phrase of group g occurs in `s.toLowerCase()`. */
  scan(s: string): number {
    return this.scanRange(s, 0, s.length, 0);
  }

  /**
   * The groups of the phrases that end in s[from, to) when the scan starts there in `state` (0: the
   * start; else a `this.state` left by an earlier scan of the text before `from`). The automaton
   * is deterministic: going on from the state a scan of a prefix left gives exactly what a scan of
   * the whole string gives, with the prefix's groups added.
   */
  scanRange(s: string, from: number, to: number, state: number): number {
    const { column, next, shift, groupsAt } = this;
    let found = 0;
    for (let i = from; i < to; i++) {
      // column 0 (a character no phrase uses) leads every state back to the root
      const col = column[s.charCodeAt(i)] as number;
      if (col === DOTTED_I) {
        state = next[(state << shift) + this.iColumn] as number;
        found |= groupsAt[state] as number;
        state = 0; // U+0307 follows
        continue;
      }
      state = next[(state << shift) + col] as number;
      found |= groupsAt[state] as number;
    }
    this.state = state;
    return found;
  }
}
