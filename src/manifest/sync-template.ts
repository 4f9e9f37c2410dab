// Writes the bot's current command list into the committed manifest/manifest.json and
// manifest/ja-jp.json, so the files people read match what `npm run package` ships (a test
// fails when they drift). Run: npx tsx src/manifest/sync-template.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, withCommandKeys } from './build-package';
import { manifestCommandLists } from './manifest-commands';
import { MANIFEST_DIR } from './validate-manifest';

export function syncTemplate(): void {
  const manifest = readJson('manifest.json');
  const bots = manifest.bots as Record<string, unknown>[];
  if (bots[0]) bots[0].commandLists = manifestCommandLists();
  writeFileSync(join(MANIFEST_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(MANIFEST_DIR, 'ja-jp.json'), `${JSON.stringify(withCommandKeys(readJson('ja-jp.json')), null, 2)}\n`);
}

if (require.main === module) syncTemplate();
