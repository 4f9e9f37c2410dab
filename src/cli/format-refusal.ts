// A refused input (empty, binary, zip bomb …) as text for the terminal and as the JSON object
// `--json` prints instead of a report.
import type { Refusal } from '../analyzer/report';
import { t, type Lang } from '../i18n/lang';
import { explainRefusal } from '../i18n/refusals';
import { clean } from './format-text';
import { CLI_MESSAGES as M } from './messages';

export interface RefusalJson {
  refused: true;
  reason: Refusal['reason'];
  /** the localized explanation (one or two sentences) */
  message: string;
  title: string;
  whatToSend: string;
  fileName?: string;
  params: Record<string, string>;
}

export function refusalJson(refusal: Refusal, lang: Lang): RefusalJson {
  const x = explainRefusal(refusal, lang);
  const out: RefusalJson = {
    refused: true,
    reason: refusal.reason,
    message: x.detail !== '' ? x.detail : x.title,
    title: x.title,
    whatToSend: x.whatToSend,
    params: { ...(refusal.params ?? {}) },
  };
  if (refusal.fileName !== undefined) out.fileName = refusal.fileName;
  return out;
}

export function formatRefusalText(refusal: Refusal, lang: Lang): string {
  const x = explainRefusal(refusal, lang);
  const head = refusal.fileName !== undefined ? `${t(M.refusedTitle, lang)}: ${clean(refusal.fileName)}` : t(M.refusedTitle, lang);
  const out = [head, '', clean(x.title)];
  if (x.detail !== '') out.push(clean(x.detail));
  if (x.whatToSend !== '') out.push('', t(M.whatToSend, lang), `  ${clean(x.whatToSend)}`);
  return out.join('\n') + '\n';
}
