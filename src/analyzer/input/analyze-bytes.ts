// PLACEHOLDER owned by the input/CLI helper: decoding, zip, refusals.
import type { AnalysisOutcome } from '../report';

export interface InputLimits {
  maxBytes: number;
  maxZipEntries: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
}

export interface AnalyzeBytesOptions {
  fileName?: string;
  limits?: Partial<InputLimits>;
}

export async function analyzeBytes(_bytes: Uint8Array, _options: AnalyzeBytesOptions = {}): Promise<AnalysisOutcome> {
  throw new Error('analyzeBytes: not implemented yet');
}
