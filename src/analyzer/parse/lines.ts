// Line splitting for decoded logs. CRLF, LF and a lone CR each end a line (as editors count them),
// so the 1-based numbers we report are the ones an engineer sees when jumping to a line.
// Streaming: no array of lines is built, so a 100 MB log costs one pass and no per-line objects.

/** Called once per line with its 1-based number and its text (without the line break); `true` stops. */
export type LineVisitor = (lineNo: number, line: string) => boolean | void;

/** Called once per line with its 1-based number and where it sits in the text: `text.slice(start, end)`. */
export type LineRangeVisitor = (lineNo: number, start: number, end: number) => boolean | void;

/**
 * Visits every line of `text` as a range, so a caller that looks at most lines only through
 * `charCodeAt` needs no string per line. A trailing line break does not start an extra empty line;
 * an empty text has no lines. Returns the number of lines visited. Linear time: each break is
 * found once with indexOf.
 */
export function forEachLineRange(text: string, visit: LineRangeVisitor): number {
  const n = text.length;
  if (n === 0) return 0;
  let pos = 0;
  let lineNo = 0;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  while (pos < n) {
    if (nextLf !== -1 && nextLf < pos) nextLf = text.indexOf('\n', pos);
    if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf('\r', pos);
    let end: number;
    let next: number;
    if (nextCr !== -1 && (nextLf === -1 || nextCr < nextLf)) {
      end = nextCr;
      next = nextLf === nextCr + 1 ? nextCr + 2 : nextCr + 1;
    } else if (nextLf !== -1) {
      end = nextLf;
      next = nextLf + 1;
    } else {
      end = n;
      next = n;
    }
    lineNo++;
    if (visit(lineNo, pos, end) === true) return lineNo;
    pos = next;
  }
  return lineNo;
}

/**
 * Visits every line of `text` (see forEachLineRange). Returns the number of lines visited.
 */
export function forEachLine(text: string, visit: LineVisitor): number {
  return forEachLineRange(text, (lineNo, start, end) => visit(lineNo, text.slice(start, end)));
}

/** Number of lines `forEachLine` would visit. */
export function countLines(text: string): number {
  return forEachLineRange(text, () => undefined);
}
