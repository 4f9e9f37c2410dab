import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFlagsOf, productionNodeFlags } from '../../src/bench/production-node-flags';

const ROOT = join(__dirname, '..', '..');

describe('production node flags (npm start, Dockerfile, bench)', () => {
  it('reads the flags between node and dist/main.js', () => {
    assert.deepEqual(nodeFlagsOf('npm run build --silent && node --max-old-space-size=160 --foo dist/main.js'), ['--max-old-space-size=160', '--foo']);
    assert.deepEqual(nodeFlagsOf('node dist/main.js'), []);
    assert.deepEqual(nodeFlagsOf('tsx src/main.ts'), []);
  });
  it('npm start caps the heap (peak RSS target), and the bench starts the bot with the same flags', () => {
    const flags = productionNodeFlags(join(ROOT, 'package.json'));
    assert.ok(flags.some((f) => /^--max-old-space-size=\d+$/.test(f)), `flags: ${flags.join(' ')}`);
    assert.deepEqual(productionNodeFlags(), flags);
  });
  it('the Dockerfile runs the bot with the flags of npm start', () => {
    const cmd = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split('\n').filter((l) => l.startsWith('CMD [')).pop() ?? '';
    const words = JSON.parse(cmd.slice(4)) as string[];
    assert.deepEqual(words, ['node', ...productionNodeFlags(join(ROOT, 'package.json')), 'dist/main.js']);
  });
});
