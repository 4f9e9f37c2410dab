// An HTML page instead of a log: Teams on iOS shares a link whose download is the sharing page.

const HEAD_CHARS = 4096;

/** True when the text is an HTML document (checked on its first few KB). */
export function looksLikeHtml(text: string): boolean {
  let start = 0;
  while (start < text.length && start < HEAD_CHARS) {
    const c = text.charCodeAt(start);
    // skip whitespace and a BOM left in the text
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfeff) start++;
    else break;
  }
  if (text.charCodeAt(start) !== 0x3c /* < */) return false;
  const head = text.slice(start, start + HEAD_CHARS).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return head.includes('<html') || head.includes('<head>') || head.includes('<body');
}
