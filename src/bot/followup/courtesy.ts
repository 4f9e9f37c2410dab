// "ありがとう", "thanks!": a short acknowledgement, not the "no matching explanation" card with
// every finding again. Only a message that is nothing but thanks (a question with a thank-you
// in it is still a question). Pure.
import { containsWord } from './match-question';

const THANKS = ['ありがとう', 'ありがとうございます', 'ありがとうございました', '有難う', '助かりました', '感謝', 'thanks', 'thank you', 'thx', 'ty', 'cheers', 'great', 'perfect'];
/** longest first, so "ありがとうございます" is taken whole before "ありがとう" */
const THANKS_LONGEST_FIRST = [...THANKS].sort((a, b) => b.length - a.length);
/** what may stand around the thanks in such a message */
const FILLER = /[\s!！。、,.~〜♪☺🙏👍]+/gu;

export function isOnlyThanks(text: string): boolean {
  if (text.length > 60) return false;
  const lower = text.normalize('NFKC').toLowerCase();
  if (!THANKS.some((w) => containsWord(lower, w))) return false;
  let rest = lower;
  for (const w of THANKS_LONGEST_FIRST) rest = rest.split(w).join(' ');
  for (const w of ['very much', 'so much', 'a lot', 'どうも', '本当に', 'ほんとに', 'です', 'ok', 'okay']) rest = rest.split(w).join(' ');
  return rest.replace(FILLER, '') === '';
}
