// The structural checks every card must pass (used by the template, injection and size tests).
import { ACTION_VERBS, CARD_BYTE_BUDGET, actionDataSchema, cardBytes } from '../../src/cards';
import { adaptiveCardProblems, nodesOfType, walk } from './card-inspect';

const VERBS = new Set<string>(ACTION_VERBS);

/** Problems of one expanded card: leftovers, renderer events, size, action data, text types. */
export async function cardProblems(card: unknown, options: { literalInData?: readonly string[] } = {}): Promise<string[]> {
  const problems: string[] = [];
  // `${` the data itself carried (hostile-log tests) is expected to stay, literally
  let json = JSON.stringify(card);
  for (const literal of options.literalInData ?? []) json = json.split(JSON.stringify(literal).slice(1, -1)).join('');
  if (json.includes('${')) problems.push('a ${ remains after expansion');
  for (const p of await adaptiveCardProblems(card)) problems.push(`renderer ${p}`);
  const bytes = cardBytes(card);
  if (bytes > CARD_BYTE_BUDGET) problems.push(`${bytes} bytes, over the ${CARD_BYTE_BUDGET}-byte budget`);
  for (const action of nodesOfType(card, 'Action.Execute')) {
    const verb = String(action.verb);
    if (!VERBS.has(verb)) problems.push(`verb "${verb}" is not in ACTION_VERBS`);
    const parsed = actionDataSchema.safeParse(action.data);
    if (!parsed.success) problems.push(`data of "${verb}" breaks the action contract: ${parsed.error.message.slice(0, 200)}`);
    else if (parsed.data.verb !== verb) problems.push(`data.verb "${parsed.data.verb}" differs from verb "${verb}"`);
    if (typeof action.title !== 'string' || action.title.trim() === '') problems.push(`action "${verb}" has no title`);
  }
  walk(card, (n, path) => {
    for (const key of ['text', 'title', 'fallbackText', 'altText']) {
      if (key in n && typeof n[key] !== 'string') problems.push(`${path}.${key} is not a string`);
    }
    if (n.type === 'TextRun' && typeof n.text === 'string' && n.text === '') problems.push(`${path} is an empty TextRun`);
    if (n.type === 'Action.OpenUrl' && !(typeof n.url === 'string' && n.url.startsWith('https://'))) problems.push(`${path} opens a non-https URL`);
  });
  return problems;
}
