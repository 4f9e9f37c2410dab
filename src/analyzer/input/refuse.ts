// Builds the typed refusal the bot and the CLI turn into a localized message. Params are plain
// strings; `limit`, `entry` and the refusal's fileName are the ones the message catalogue
// (src/i18n/refusals.ts) fills in, the others are for logs and finer wording:
//   too-large:            limit ("20 MB"), limitMb, sizeMb (absent when the reader stopped at the cap)
//   binary:               category (executable|image|pdf|office|archive|event-log|database|media|data), format
//   zip-encrypted:        entry
//   zip-bomb:             limit ("50 MB", "200 MB" or "100:1"), limitKind (entry-size|total-size|ratio),
//                         limitMb, ratio, entry, format (zip|gzip)
//   zip-too-many-entries: limit (entry count), count
//   zip-nested:           entry, format (zip|gzip)
//   zip-corrupt:          detail (unreadable|size-mismatch|crc|unsupported-method|truncated), entry?, format
//   zip-no-logs:          entries (first names, comma separated), scriptsOnly (true|false), count
import type { Refusal, RefusalReason } from '../report';

export function refuse(reason: RefusalReason, params: Record<string, string> = {}, fileName?: string): Refusal {
  const refusal: Refusal = { refused: true, reason, params };
  if (fileName !== undefined) refusal.fileName = fileName;
  return refusal;
}
