// Button data goes through the same zod schema the bot validates clicks with, so a card can
// never carry data its handler would reject (a bad reportId fails here, loudly, not on click).
import { actionDataSchema, type ActionData } from './actions';
import { CardError } from './card-errors';

export function makeActionData<T extends ActionData>(data: T): T {
  const result = actionDataSchema.safeParse(data);
  if (!result.success) {
    throw new CardError('invalid-template', `button data for "${data.verb}" breaks the action contract: ${result.error.message.slice(0, 300)}`);
  }
  return data;
}
