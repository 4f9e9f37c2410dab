// The text of a Teams message as a person wrote it: HTML turned into lines, entities decoded,
// @mentions of the bot removed. Linear-time scanning (indexOf), no regex over user data.
import type { Activity } from 'botbuilder';

const BLOCK_END_TAGS = new Set(['p', 'div', 'li', 'tr', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'codeblock']);
const DROP_CONTENT_TAGS = new Set(['at', 'script', 'style', 'attachment']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

export function decodeEntities(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) break;
    out += text.slice(i, amp);
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 10) {
      out += '&';
      i = amp + 1;
      continue;
    }
    const name = text.slice(amp + 1, semi);
    let decoded: string | undefined = NAMED_ENTITIES[name.toLowerCase()];
    if (decoded === undefined && name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) decoded = String.fromCodePoint(code);
    }
    if (decoded === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += decoded;
      i = semi + 1;
    }
  }
  return out + text.slice(i);
}

function tagName(inner: string): { name: string; closing: boolean; selfClosing: boolean } {
  let s = inner.trim();
  const closing = s.startsWith('/');
  if (closing) s = s.slice(1).trimStart();
  let end = 0;
  while (end < s.length && /[A-Za-z0-9]/.test(s[end]!)) end++;
  return { name: s.slice(0, end).toLowerCase(), closing, selfClosing: s.endsWith('/') };
}

/** HTML → plain text with line breaks kept; content of <at>, <script>, <style> dropped. */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  let dropDepth = 0;
  let dropName = '';
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      if (dropDepth === 0) out += html.slice(i);
      break;
    }
    if (dropDepth === 0) out += html.slice(i, lt);
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      if (dropDepth === 0) out += html.slice(lt);
      break;
    }
    const tag = tagName(html.slice(lt + 1, gt));
    if (dropDepth > 0) {
      if (tag.name === dropName) dropDepth += tag.closing ? -1 : tag.selfClosing ? 0 : 1;
    } else if (DROP_CONTENT_TAGS.has(tag.name) && !tag.closing && !tag.selfClosing) {
      dropDepth = 1;
      dropName = tag.name;
    } else if (tag.name === 'br' || (tag.closing && BLOCK_END_TAGS.has(tag.name))) {
      out += '\n';
    }
    i = gt + 1;
  }
  return decodeEntities(out);
}

/** Removes <at>…</at> mentions from a plain (non-HTML) activity text. */
export function removeMentions(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('<at', i);
    if (open < 0) break;
    const close = text.indexOf('</at>', open);
    if (close < 0) break;
    out += text.slice(i, open);
    i = close + '</at>'.length;
  }
  return out + text.slice(i);
}

function looksLikeHtml(text: string): boolean {
  const lower = text.slice(0, 2000).toLowerCase();
  return lower.includes('<p>') || lower.includes('<div') || lower.includes('<br') || lower.includes('<pre') || lower.includes('<span');
}

/** Trims each line's trailing spaces and the whole text; normalizes CRLF. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

/**
 * The message body as text. Teams puts the formatted body in a `text/html` attachment; when it is
 * there it is the most faithful copy (line breaks survive), otherwise activity.text is used.
 */
export function messageText(activity: Partial<Activity>): string {
  const html = (activity.attachments ?? []).find((a) => a.contentType === 'text/html' && typeof a.content === 'string');
  if (html) return tidy(htmlToText(html.content as string));
  const text = typeof activity.text === 'string' ? activity.text : '';
  return tidy(looksLikeHtml(text) ? htmlToText(text) : decodeEntities(removeMentions(text)));
}

/** True when the message body references files Teams did not hand to the bot (channels, group chats). */
export function mentionsAttachedFiles(activity: Partial<Activity>): boolean {
  const htmls = (activity.attachments ?? []).filter((a) => a.contentType === 'text/html' && typeof a.content === 'string');
  const bodies = [...htmls.map((a) => a.content as string), typeof activity.text === 'string' ? activity.text : ''];
  return bodies.some((b) => b.includes('<attachment '));
}
