// Test helpers: parse a card with the official Adaptive Cards renderer (jsdom gives it the DOM it
// expects at load time) and walk card JSON.
// jsdom ships no types (and @types/jsdom is not installed): the one constructor used, typed here
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: unknown } };

type AdaptiveCardsModule = typeof import('adaptivecards');
let acModule: Promise<AdaptiveCardsModule> | undefined;

function loadAdaptiveCards(): Promise<AdaptiveCardsModule> {
  if (!acModule) {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    // the renderer touches window/document (and HTML* constructors when rendering) at load time
    for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'HTMLButtonElement', 'HTMLInputElement', 'Node']) {
      if (g[key] === undefined) g[key] = (dom.window as Record<string, unknown>)[key];
    }
    acModule = import('adaptivecards');
  }
  return acModule;
}

/** Parse + property-validation events the official renderer reports for `card` ([] when clean). */
export async function adaptiveCardProblems(card: unknown): Promise<string[]> {
  const AC = await loadAdaptiveCards();
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptiveCard.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  for (const e of adaptiveCard.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  return problems;
}

export type JsonNode = Record<string, unknown>;

/** Every object in the card, with its JSON path. */
export function walk(node: unknown, visit: (obj: JsonNode, path: string) => void, path = '$'): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(n, visit, `${path}[${i}]`));
  } else if (node && typeof node === 'object') {
    visit(node as JsonNode, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}.${k}`);
  }
}

export function nodesOfType(card: unknown, type: string): JsonNode[] {
  const out: JsonNode[] = [];
  walk(card, (n) => {
    if (n.type === type) out.push(n);
  });
  return out;
}

/** Every string value in the card (keys excluded). */
export function allStrings(node: unknown): string[] {
  const out: string[] = [];
  const rec = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(rec);
    else if (v && typeof v === 'object') Object.values(v).forEach(rec);
  };
  rec(node);
  return out;
}

/** All text a reader sees: TextRun/TextBlock texts and action titles. */
export function visibleTexts(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if ((n.type === 'TextRun' || n.type === 'TextBlock') && typeof n.text === 'string') out.push(n.text);
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string') out.push(n.title);
  });
  return out;
}
