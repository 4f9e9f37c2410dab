// Checks any catalogue made with defineMessages can be run through, so every area's messages are
// held to the same rules. assertCatalogueComplete lists every problem at once instead of stopping
// at the first, so fixing a catalogue takes one run.
//
// Usage (in any test):
//   import { assertCatalogueComplete } from '../i18n/catalogue-check';
//   it('messages are complete', () => assertCatalogueComplete(MY_MESSAGES));
import assert from 'node:assert/strict';
import { placeholderNames, type LocalizedText } from '../../src/i18n/lang';

export interface CatalogueCheckOptions {
  /** keys whose ja and en may be the same text (product names, "WinHTTP"); `true` allows all */
  allowIdentical?: true | readonly string[];
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/u;
// Kana and kanji only: punctuation (、。「」) may touch ASCII without a space.
const KANA_KANJI = '\\u3040-\\u309f\\u30a0-\\u30ff\\u3400-\\u9fff';
const ASCII_THEN_JA = new RegExp(`[A-Za-z0-9}][${KANA_KANJI}]`, 'u');
const JA_THEN_ASCII = new RegExp(`[${KANA_KANJI}][A-Za-z0-9{]`, 'u');
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u;
const HALF_WIDTH_KATAKANA = /[\uff66-\uff9f]/u;

/**
 * Katakana compounds Microsoft Japanese style writes with a half-width space (プロキシ サーバー),
 * and the long-vowel forms it dropped (サーバ → サーバー). Written joined, they read as
 * machine translation or as a different vendor's text.
 */
const JOINED_COMPOUNDS = [
  'プロキシサーバー',
  'バイパスリスト',
  'プライベートエンドポイント',
  'ログファイル',
  'サポートエンジニア',
  'ステータスコード',
  'ルートテーブル',
  'サービスタグ',
  'レジストリキー',
  'ワークロードバックアップ',
  'バックアップエージェント',
  'バックアップジョブ',
  'バックアップデータ',
  'セキュリティグループ',
  'セキュリティポリシー',
  'ダウンロードリンク',
  'グループチャット',
  'リモートホスト',
  'サービスアカウント',
  'ネットワークセキュリティ',
  'エージェントコンソール',
];
const OLD_LONG_VOWEL = [/サーバ(?!ー)/u, /ユーザ(?!ー)/u, /コンピュータ(?!ー)/u, /フォルダ(?!ー)/u, /ブラウザ(?!ー)/u];

/** `{name}` placeholders of a template, sorted, without duplicates. */
export function placeholdersOf(template: string): string[] {
  return placeholderNames(template).sort();
}

/** Braces that are not a well-formed `{name}`: a typo such as `{host` or `{ host }`. */
function malformedBraces(template: string): string[] {
  const problems: string[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const strayClose = template.indexOf('}', i);
    if (strayClose >= 0 && (open < 0 || strayClose < open)) {
      problems.push(`stray "}" at ${strayClose}`);
      i = strayClose + 1;
      continue;
    }
    if (open < 0) break;
    const close = template.indexOf('}', open + 1);
    const name = close < 0 ? '' : template.slice(open + 1, close);
    if (close < 0 || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
      problems.push(`malformed placeholder at ${open}`);
      i = open + 1;
      continue;
    }
    i = close + 1;
  }
  return problems;
}

/** Problems of one Japanese text against Microsoft Japanese style (spacing, width, katakana). */
export function japaneseStyleProblems(ja: string): string[] {
  const problems: string[] = [];
  const spacing = ASCII_THEN_JA.exec(ja) ?? JA_THEN_ASCII.exec(ja);
  if (spacing) problems.push(`needs a half-width space between Japanese and ASCII near "${spacing[0]}"`);
  if (FULL_WIDTH_ALNUM.test(ja)) problems.push('full-width letters or digits (use half-width)');
  if (HALF_WIDTH_KATAKANA.test(ja)) problems.push('half-width katakana');
  if (/[（）]/u.test(ja)) problems.push('full-width parentheses (Microsoft style uses half-width " (…)")');
  for (const compound of JOINED_COMPOUNDS) {
    if (ja.includes(compound)) problems.push(`"${compound}" should be written with a half-width space`);
  }
  for (const re of OLD_LONG_VOWEL) {
    const m = re.exec(ja);
    if (m) problems.push(`"${m[0]}" should end with ー (Microsoft long-vowel rule)`);
  }
  return problems;
}

const POLITE_ENDING = /(です|ます|ません|ください|でした|ました|でしょう|ましょう)$/u;

/**
 * Problems of a Japanese text made of full sentences: each sentence ends with 。, ends in a
 * です/ます form, and has Japanese in it (an English sentence left untranslated fails).
 */
export function politeSentenceProblems(ja: string): string[] {
  const problems: string[] = [];
  if (!ja.endsWith('。')) problems.push('does not end with 。');
  const sentences = ja
    .split('。')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const sentence of sentences) {
    const withoutPlaceholders = sentence.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/gu, '');
    if (!JAPANESE.test(withoutPlaceholders)) problems.push(`sentence without Japanese: "${sentence}"`);
    const ending = sentence.replace(/[」』)\s]+$/u, '');
    if (!POLITE_ENDING.test(ending)) problems.push(`sentence not in です/ます form: "${sentence}"`);
  }
  return problems;
}

/** Problems of an English text made of full sentences. */
export function englishSentenceProblems(en: string): string[] {
  const problems: string[] = [];
  if (!/[.!?]["'”)]?$/u.test(en)) problems.push('does not end with a full stop');
  // A sentence may start with a product name written in lower case first (iSCSI, macOS).
  if (!/^["'“(<{]?([A-Z0-9{<]|[a-z]+[A-Z])/u.test(en)) problems.push('does not start with a capital letter or placeholder');
  return problems;
}

/** Problems of a title (one line, no closing full stop). */
export function titleProblems(text: LocalizedText): string[] {
  const problems: string[] = [];
  for (const lang of ['ja', 'en'] as const) {
    const s = text[lang];
    if (/[\r\n]/u.test(s)) problems.push(`${lang} title spans lines`);
    if (/[。.]$/u.test(s)) problems.push(`${lang} title ends with a full stop`);
  }
  if (text.ja.length > 40) problems.push('ja title longer than 40 characters');
  if (text.en.length > 70) problems.push('en title longer than 70 characters');
  return problems;
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ja?: unknown }).ja === 'string' &&
    typeof (value as { en?: unknown }).en === 'string'
  );
}

/** Every problem of one message, described; [] when it is fine. */
export function messageProblems(message: unknown, allowIdentical = false): string[] {
  if (!isLocalizedText(message)) return ['not a { ja, en } pair of strings'];
  const problems: string[] = [];
  for (const lang of ['ja', 'en'] as const) {
    const text = message[lang];
    if (text.trim() === '') problems.push(`${lang} is empty`);
    else if (text !== text.trim()) problems.push(`${lang} has leading or trailing whitespace`);
    for (const p of malformedBraces(text)) problems.push(`${lang}: ${p}`);
    if (text.includes('${')) problems.push(`${lang} contains "\${" (template or card binding syntax)`);
    if (text.includes('undefined') || text.includes('[object')) problems.push(`${lang} contains a JavaScript leftover`);
  }
  const jaNames = placeholdersOf(message.ja).join(',');
  const enNames = placeholdersOf(message.en).join(',');
  if (jaNames !== enNames) problems.push(`placeholders differ: ja {${jaNames}} vs en {${enNames}}`);
  if (JAPANESE.test(message.en.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/gu, ''))) problems.push('en contains Japanese');
  problems.push(...japaneseStyleProblems(message.ja).map((p) => `ja: ${p}`));
  if (!allowIdentical && message.ja === message.en && message.ja.trim() !== '') {
    problems.push('ja and en are identical (untranslated?)');
  }
  return problems;
}

/**
 * Asserts that every message of a catalogue has non-empty ja and en, the same placeholders in
 * both, well-formed braces, no `${`, no Japanese in en, Microsoft Japanese spacing and katakana
 * conventions in ja, and (unless allowed) a ja text that differs from the en one.
 */
export function assertCatalogueComplete(
  catalogue: Readonly<Record<string, unknown>>,
  options: CatalogueCheckOptions = {},
): void {
  const keys = Object.keys(catalogue);
  assert.ok(keys.length > 0, 'catalogue is empty');
  const problems: string[] = [];
  for (const key of keys) {
    const allowed =
      options.allowIdentical === true || (options.allowIdentical?.includes(key) ?? false);
    for (const p of messageProblems(catalogue[key], allowed)) problems.push(`${key}: ${p}`);
  }
  assert.deepEqual(problems, [], `catalogue problems:\n  ${problems.join('\n  ')}`);
}

export interface CatalogueStyleOptions {
  /** keys of one-line titles (default: keys starting with "title") */
  titles?: RegExp;
  /** keys of texts made of full sentences (default: meaning…, why…, step…, detail…, whatToSend…) */
  sentences?: RegExp;
}

/**
 * Asserts, by key naming convention, that titles are one line without a full stop and that
 * sentence texts are polite Japanese (です/ます, 。) and punctuated English. Keys matching
 * neither pattern (link titles, fragments, labels) are not checked here.
 */
export function assertCatalogueStyle(
  catalogue: Readonly<Record<string, LocalizedText>>,
  options: CatalogueStyleOptions = {},
): void {
  const titles = options.titles ?? /^title/;
  const sentences = options.sentences ?? /^(meaning|why|step|detail|whatToSend)/;
  const problems: string[] = [];
  for (const [key, message] of Object.entries(catalogue)) {
    if (titles.test(key)) {
      for (const p of titleProblems(message)) problems.push(`${key}: ${p}`);
    } else if (sentences.test(key)) {
      for (const p of politeSentenceProblems(message.ja)) problems.push(`${key} ja: ${p}`);
      for (const p of englishSentenceProblems(message.en)) problems.push(`${key} en: ${p}`);
    }
  }
  assert.deepEqual(problems, [], `style problems:\n  ${problems.join('\n  ')}`);
}
