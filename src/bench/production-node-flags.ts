// The node flags the bot runs with in production, read from `npm start` (package.json), so the bench
// measures the bot as it is started — a heap flag changes peak RSS and cannot be set from inside
// the process (V8 reads heap sizes only at start). The Dockerfile's CMD repeats them (a test checks).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** `node --a --b dist/main.js` in a script → ['--a', '--b']. */
export function nodeFlagsOf(script: string): string[] {
  const words = script.split(/\s+/);
  const main = words.indexOf('dist/main.js');
  if (main === -1) return [];
  let nodeAt = main - 1;
  while (nodeAt >= 0 && words[nodeAt]!.startsWith('--')) nodeAt--;
  return words[nodeAt] === 'node' ? words.slice(nodeAt + 1, main) : [];
}

export function productionNodeFlags(packageJsonPath = resolve(__dirname, '..', '..', 'package.json')): string[] {
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: { start?: string } };
  return nodeFlagsOf(pkg.scripts?.start ?? '');
}
