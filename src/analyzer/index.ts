// Public API of the analyzer. Pure: bytes or text in, report out. No botbuilder, no network,
// no disk, no process globals: the bot, the CLI and the benchmarks all come through here.
export * from './report';
export { analyzeText } from './analyze-text';
export type { TextMeta } from './analyze-text';
export { analyzeBytes } from './input/analyze-bytes';
export type { InputLimits, AnalyzeBytesOptions } from './input/analyze-bytes';
export { storageErrorParts } from './parse/web-error';
export { findRegion, findRegionNamedIn, listRegions, requiredEndpointsForRegion } from './region/regions';
export type { RegionEntry, RequiredEndpoint } from './region/regions';
