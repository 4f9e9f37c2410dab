// PLACEHOLDER owned by the analyzer-core helper: replaced by the real parser + rules.
import type { Report, TextEncoding } from './report';

export interface TextMeta {
  encoding: TextEncoding;
  fileName?: string;
  archive?: string;
  archiveEntry?: string;
}

export function analyzeText(_text: string, _meta: TextMeta): Report {
  throw new Error('analyzeText: not implemented yet');
}
