// Parses a card with the official Adaptive Cards renderer (jsdom supplies the DOM it expects)
// and walks card JSON. Kept here so escalation tests do not depend on another area's helpers.
// jsdom ships no types (and @types/jsdom is not installed): the one constructor used, typed here
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: unknown } };

type AdaptiveCardsModule = typeof import('adaptivecards');
let acModule: Promise<AdaptiveCardsModule> | undefined;

function loadAdaptiveCards(): Promise<AdaptiveCardsModule> {
  if (!acModule) {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'HTMLButtonElement', 'HTMLInputElement', 'Node']) {
      if (g[key] === undefined) g[key] = (dom.window as Record<string, unknown>)[key];
    }
    acModule = import('adaptivecards');
  }
  return acModule;
}

/** Parse and validation events the official renderer reports ([] when clean). */
export async function cardProblems(card: unknown): Promise<string[]> {
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

export function walk(node: unknown, visit: (obj: JsonNode) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as JsonNode);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

export function nodesOfType(card: unknown, type: string): JsonNode[] {
  const out: JsonNode[] = [];
  walk(card, (n) => {
    if (n.type === type) out.push(n);
  });
  return out;
}

/** Every Action.Execute in the card: verb and data. */
export function executeActions(card: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  return nodesOfType(card, 'Action.Execute').map((n) => ({ verb: String(n.verb), title: String(n.title), data: n.data as Record<string, unknown> }));
}

/** Text a reader sees: TextRun/TextBlock texts and action titles. */
export function visibleTexts(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if ((n.type === 'TextRun' || n.type === 'TextBlock') && typeof n.text === 'string') out.push(n.text);
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string') out.push(n.title);
  });
  return out;
}
