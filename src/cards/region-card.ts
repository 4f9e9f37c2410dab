// `region <name>`: the FQDNs and ports a machine must reach for a vault in that region, grouped
// by service, with how to test them.
import type { RegionEntry, RequiredEndpoint } from '../analyzer';
import { t, type Lang } from '../i18n/lang';
import { serviceName } from '../i18n/terms';
import { CardTooLargeError } from './card-errors';
import { CARD_MESSAGES as M } from './card-messages';
import { CARD_BYTE_BUDGET, cardBytes } from './card-size';
import { cardLine } from './card-text';
import { endpointTarget } from './describe-endpoint';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

const CAPS = [60, 30, 10];

export function buildRegionCard(region: RegionEntry, endpoints: readonly RequiredEndpoint[], lang: Lang): AdaptiveCardJson {
  let bytes = 0;
  for (const cap of CAPS) {
    const card = renderTemplate('region', regionCardData(region, endpoints, lang, cap));
    bytes = cardBytes(card);
    if (bytes <= CARD_BYTE_BUDGET) return card;
  }
  throw new CardTooLargeError('region', bytes, CARD_BYTE_BUDGET);
}

function noteText(note: string | undefined, lang: Lang): string {
  if (note === 'sovereign-cloud') return t(M.regionNoteSovereign, lang);
  if (note === 'suffix-unconfirmed') return t(M.regionNoteUnconfirmed, lang);
  return '';
}

export function regionCardData(
  region: RegionEntry,
  endpoints: readonly RequiredEndpoint[],
  lang: Lang,
  cap = CAPS[0] as number,
): Record<string, unknown> {
  const name = `${cardLine(region.displayName, 80)} (${cardLine(region.id, 60)})`;
  const shown = endpoints.slice(0, cap);
  const groups: { service: string; title: string; items: Record<string, unknown>[] }[] = [];
  for (const e of shown) {
    const item = { target: endpointTarget(e), hasPurpose: noteText(e.note, lang) !== '', purpose: noteText(e.note, lang) };
    const group = groups.find((g) => g.service === e.service);
    if (group) group.items.push(item);
    else groups.push({ service: e.service, title: serviceName(e.service, lang), items: [item] });
  }
  const title = t(M.regionTitle, lang, { region: name });
  const hidden = endpoints.length - shown.length;
  return {
    lang,
    fallbackText: t(M.fallbackRegion, lang),
    title,
    intro: t(M.regionIntro, lang),
    empty: endpoints.length === 0,
    emptyText: t(M.regionNone, lang),
    groups,
    more: { show: hidden > 0, text: t(M.regionMore, lang, { count: String(hidden) }) },
    howToTest: t(M.regionHowToTest, lang),
  };
}
