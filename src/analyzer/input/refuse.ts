// Builds the typed refusal the bot and the CLI turn into a localized message. Params are plain
// strings named for the message catalogue (src/i18n/refusals.ts):
//   too-large:            limitMb, sizeMb (sizeMb absent when the reader stopped at the cap)
//   binary:               category (executable|image|pdf|office|archive|event-log|database|media|data), format
//   zip-encrypted:        entry
//   zip-bomb:             limit (entry-size|total-size|ratio), limitMb (that size cap; for ratio the grace
//                         size), ratio, entry, format (zip|gzip)
//   zip-too-many-entries: count, limit
//   zip-nested:           entry, format (zip|gzip)
//   zip-corrupt:          detail (unreadable|size-mismatch|crc|unsupported-method|truncated), entry?, format
//   zip-no-logs:          entries (first names, comma separated), scriptsOnly (true|false), count
import type { Refusal, RefusalReason } from '../report';

export function refuse(reason: RefusalReason, params: Record<string, string> = {}, fileName?: string): Refusal {
  const refusal: Refusal = { refused: true, reason, params };
  if (fileName !== undefined) refusal.fileName = fileName;
  return refusal;
}
