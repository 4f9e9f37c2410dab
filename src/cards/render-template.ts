// The one place cards are expanded. Templates live in `cards/<name>.json` (Adaptive Cards 1.5,
// `${...}` bindings, openable in the Designer); builders hand over a plain data object with every
// field the template names. Guarantees, whatever the data holds:
// - each template is parsed once and cached; a card is expanded once (no second pass that could
//   evaluate `${...}` that came in with the data);
// - `${` inside data stays literal text: it is swapped for a sentinel before expansion and back
//   after, so the leftover check below only ever sees bindings that came from the template;
// - a binding the data did not supply (adaptivecards-templating leaves it as the literal
//   `${field}`) throws UnresolvedBindingError instead of reaching a user;
// - every `text` and `title` in the result is a string.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CardError, UnresolvedBindingError } from './card-errors';

export type AdaptiveCardJson = {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
} & Record<string, unknown>;

/** Folder holding the templates: `<repo>/cards`, both from src/cards (tsx) and dist/cards (node). */
export const TEMPLATES_DIR = resolve(__dirname, '..', '..', 'cards');
export const CARD_SCHEMA_VERSION = '1.5';

const NAME_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
// Private-use code point standing in for `$` of a data-borne `${` during expansion.
const SENTINEL = '\uE000';
const cache = new Map<string, Template>();

/** Names of the templates present in cards/ (file name without .json). */
export function listTemplates(): string[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .filter((n) => NAME_PATTERN.test(n))
    .sort();
}

/** The template as written (a fresh copy), for tests and tools. */
export function readTemplateJson(name: string): AdaptiveCardJson {
  if (!NAME_PATTERN.test(name)) throw new CardError('unknown-template', `bad card template name "${name.slice(0, 80)}"`);
  let raw: string;
  try {
    raw = readFileSync(join(TEMPLATES_DIR, `${name}.json`), 'utf8');
  } catch {
    throw new CardError('unknown-template', `no card template "${name}" in ${TEMPLATES_DIR}`);
  }
  const json = JSON.parse(raw) as unknown;
  if (!isRecord(json) || json.type !== 'AdaptiveCard' || !Array.isArray(json.body)) {
    throw new CardError('invalid-template', `cards/${name}.json is not an AdaptiveCard`);
  }
  if (json.version !== CARD_SCHEMA_VERSION) {
    throw new CardError('invalid-template', `cards/${name}.json must declare version ${CARD_SCHEMA_VERSION}`);
  }
  return json as AdaptiveCardJson;
}

function templateFor(name: string): Template {
  let template = cache.get(name);
  if (!template) {
    template = new Template(readTemplateJson(name));
    cache.set(name, template);
  }
  return template;
}

/**
 * Expands `cards/<name>.json` with `data` and returns the card object. Throws CardError
 * (unknown-template, invalid-template) or UnresolvedBindingError.
 */
export function renderTemplate(name: string, data: Record<string, unknown>): AdaptiveCardJson {
  const template = templateFor(name);
  // copy-on-write: without a `${` (or a sentinel) anywhere in the data, `shielded` is `data` itself
  const shielded = mapStrings(data, shieldString);
  const expanded = template.expand({ $root: shielded }) as unknown;
  if (!isRecord(expanded) || expanded.type !== 'AdaptiveCard' || !Array.isArray(expanded.body)) {
    throw new CardError('invalid-template', `card template "${name}" did not expand to an AdaptiveCard`);
  }
  if (!isClean(expanded)) {
    // the slow walk with paths, only to say what is wrong
    const leftovers = new Set<string>();
    const badTexts: string[] = [];
    inspect(expanded, '', leftovers, badTexts);
    if (leftovers.size > 0) throw new UnresolvedBindingError(name, [...leftovers].slice(0, 10));
    throw new CardError('invalid-template', `card template "${name}" produced non-string text at ${badTexts.slice(0, 5).join(', ')}`);
  }
  // nothing was shielded: no sentinel can be in the card, so no second copy (the card may share
  // subtrees with `data`, which every builder makes fresh for each call)
  return (shielded === data ? expanded : mapStrings(expanded, unshieldString)) as AdaptiveCardJson;
}

/** inspect() without building paths: true when there is no leftover binding and every text is a string. */
function isClean(node: unknown): boolean {
  if (typeof node === 'string') return node.indexOf('${') < 0;
  if (Array.isArray(node)) {
    for (const item of node) if (!isClean(item)) return false;
    return true;
  }
  if (!isRecord(node)) return true;
  for (const key in node) {
    if (key === '$data' || key === '$when' || key === '$index') return false;
    const value = node[key];
    if (TEXT_KEYS.has(key) && typeof value !== 'string') return false;
    if (!isClean(value)) return false;
  }
  return true;
}

function shieldString(s: string): string {
  if (s.indexOf(SENTINEL) >= 0) s = s.split(SENTINEL).join('\uFFFD');
  return s.indexOf('${') >= 0 ? s.split('${').join(`${SENTINEL}{`) : s;
}

function unshieldString(s: string): string {
  return s.indexOf(SENTINEL) >= 0 ? s.split(`${SENTINEL}{`).join('${') : s;
}

const TEXT_KEYS = new Set(['text', 'title', 'altText', 'fallbackText', 'speak']);

function inspect(node: unknown, path: string, leftovers: Set<string>, badTexts: string[]): void {
  if (typeof node === 'string') {
    let from = node.indexOf('${');
    while (from >= 0) {
      const close = node.indexOf('}', from);
      leftovers.add(node.slice(from, close < 0 ? Math.min(node.length, from + 60) : Math.min(close + 1, from + 60)));
      from = node.indexOf('${', from + 2);
    }
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => inspect(item, `${path}[${i}]`, leftovers, badTexts));
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$data' || key === '$when' || key === '$index') leftovers.add(`${key} at ${path || 'root'}`);
    if (TEXT_KEYS.has(key) && typeof value !== 'string') {
      badTexts.push(`${path}.${key}`);
    }
    inspect(value, `${path}.${key}`, leftovers, badTexts);
  }
}

/** Maps every string (values only; keys are ours), copying only the objects and arrays that
 *  change (copy-on-write): an unchanged value comes back as the same reference. Drops functions
 *  and symbols (their holder counts as changed). */
function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const m = mapStrings(v, fn);
      if (m !== v && !out) out = value.slice(0, i);
      if (out) out.push(m);
    }
    return out ?? value;
  }
  if (isRecord(value)) {
    let out: Record<string, unknown> | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = value[k];
      const drop = typeof v === 'function' || typeof v === 'symbol';
      const m = drop ? undefined : mapStrings(v, fn);
      if ((drop || m !== v) && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = value[keys[j]!];
      }
      if (out && !drop) out[k] = m;
    }
    return out ?? value;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
