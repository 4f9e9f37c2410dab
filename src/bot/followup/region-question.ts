// "東日本リージョンで必要な通信要件は?", "which endpoints does Japan East need?": a question that
// names a region and asks about regions or requirements gets that region's card, as the
// `region <name>` command gives it. Pure: text in, region out.
import { findRegionNamedIn, type RegionEntry } from '../../analyzer';
import { containsWord } from './match-question';

/** lower-case; ASCII words match on word boundaries, others as substrings */
const REGION_WORDS = ['region', 'regions', 'リージョン', '地域', '通信要件', '宛先', 'endpoints', 'fqdn', 'fqdns', 'requirements', 'urls'];

export function regionAskedAbout(text: string): RegionEntry | undefined {
  if (text.length > 500) return undefined;
  const lower = text.normalize('NFKC').toLowerCase();
  if (!REGION_WORDS.some((w) => containsWord(lower, w))) return undefined;
  return findRegionNamedIn(text);
}
