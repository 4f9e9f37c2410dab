// Languages the product speaks, and the tiny formatter every message goes through.
// Messages live next to the code that shows them, as { ja, en } pairs made with defineMessages;
// a test walks every catalogue to check both languages are present and placeholders match.

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

export interface LocalizedText {
  ja: string;
  en: string;
}

export type MessageCatalogue<K extends string = string> = Readonly<Record<K, LocalizedText>>;

/** Identity helper that keeps the keys typed: `const m = defineMessages({ hello: { ja, en } })`. */
export function defineMessages<K extends string>(messages: Record<K, LocalizedText>): MessageCatalogue<K> {
  return Object.freeze(messages);
}

/** Teams locale ("ja-JP", "ja", "en-US", undefined) → our language. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

const PLACEHOLDER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Walks a template once: `text` for each literal run, `name` for each well-formed `{name}`
 * (anything else in braces is literal text). The one scanner behind formatting and the
 * catalogue checks, so they can never disagree on what a placeholder is.
 */
function scanTemplate(template: string, text: (s: string) => void, name: (n: string, raw: string) => void): void {
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    text(template.slice(i, open));
    const inner = template.slice(open + 1, close);
    if (PLACEHOLDER_NAME.test(inner)) name(inner, template.slice(open, close + 1));
    else text(template.slice(open, close + 1));
    i = close + 1;
  }
  text(template.slice(i));
}

/** `{name}` placeholder names of a template, in order of appearance, without duplicates. */
export function placeholderNames(template: string): string[] {
  const names: string[] = [];
  scanTemplate(template, () => undefined, (n) => {
    if (!names.includes(n)) names.push(n);
  });
  return names;
}

/**
 * Fills `{name}` placeholders. Values are inserted as they are (no expression language), so a
 * host name containing `${...}` or `{x}` stays literal text; unknown placeholders stay visible
 * rather than silently disappearing.
 */
export function formatMessage(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  let out = '';
  scanTemplate(
    template,
    (s) => (out += s),
    (n, raw) => (out += Object.prototype.hasOwnProperty.call(params, n) ? String(params[n]) : raw),
  );
  return out;
}

/** The text of one message in one language, placeholders filled. */
export function t(message: LocalizedText, lang: Lang, params?: Readonly<Record<string, string | number>>): string {
  return formatMessage(message[lang], params);
}
