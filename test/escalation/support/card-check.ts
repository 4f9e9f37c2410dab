// Card helpers for the escalation tests: the shared ones from test/cards (the official Adaptive
// Cards renderer under jsdom, JSON walking), plus what only escalation tests need.
import { adaptiveCardProblems, nodesOfType } from '../../cards/card-inspect';

export { nodesOfType, visibleTexts, walk } from '../../cards/card-inspect';
export type { JsonNode } from '../../cards/card-inspect';

/** Parse and validation events the official renderer reports ([] when clean). */
export const cardProblems = adaptiveCardProblems;

/** Every Action.Execute in the card: verb and data. */
export function executeActions(card: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  return nodesOfType(card, 'Action.Execute').map((n) => ({ verb: String(n.verb), title: String(n.title), data: n.data as Record<string, unknown> }));
}
