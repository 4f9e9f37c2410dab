// B10 ReDoS: every regular expression in src/ is checked with recheck (automaton analysis, with
// fuzzing where the automaton cannot decide) and must be `safe`: no exponential and no polynomial
// backtracking. The regexes are found with the TypeScript parser (test/security/support/
// find-regexes.ts): regex literals and `new RegExp('literal', 'flags')`. A RegExp built from a
// computed string cannot be checked statically; each one is listed in REVIEWED below with the
// reason it is safe, and a new one fails this test until someone reviews it.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { scanSource, scanTree, type FoundRegex } from './support/find-regexes';

// recheck ships CommonJS without an ESM-friendly default; its types come with the package
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { check } = require('recheck') as typeof import('recheck');

const REPO = join(__dirname, '..', '..');
// generous: the native checker answers in milliseconds, but CI shares 2 cores with other suites
const CHECK_BUDGET_MS = 30_000;

/** Computed RegExp sources, reviewed: key (file + call as written) → why it is linear. */
const REVIEWED: Record<string, string> = {
  "src/analyzer/parse/line-text.ts: new RegExp(p.replace(/[.*+?^${}()|[\\]\\\\/]/g, '\\\\$&'), 'gi')":
    'every metacharacter of the parser constant is escaped: a plain substring search (linear); the escaping regex itself is a checked literal',
  "src/analyzer/parse/line-text.ts: new RegExp(searchFor(word).re.source, 'gi')":
    'a copy (own lastIndex) of the escaped substring search above: linear',
};

/** Regexes that are vulnerable today and wait for a fix outside this area (none). */
const PENDING: Record<string, string> = {};

async function verdict(r: Pick<FoundRegex, 'source' | 'flags'>): Promise<{ status: string; detail: string }> {
  const d = await check(r.source, r.flags, { timeout: CHECK_BUDGET_MS });
  if (d.status === 'safe') return { status: 'safe', detail: d.complexity.summary };
  if (d.status === 'vulnerable') return { status: 'vulnerable', detail: `${d.complexity.summary}; attack ${d.attack.pattern}` };
  return { status: 'unknown', detail: JSON.stringify(d.error) };
}

describe('security/redos (B10): every regex in src/ is safe by recheck', function () {
  this.timeout(CHECK_BUDGET_MS * 2);
  const scan = scanTree(join(REPO, 'src'), REPO);
  // one check per distinct regex; the test title names every place it is used
  const distinct = new Map<string, { regex: FoundRegex; where: string[] }>();
  for (const r of scan.literals) {
    const key = `/${r.source}/${r.flags}`;
    const entry = distinct.get(key);
    if (entry) entry.where.push(r.where);
    else distinct.set(key, { regex: r, where: [r.where] });
  }

  it('the scanner finds literals, RegExp calls with literal sources, and computed ones', async () => {
    const found = scanSource(
      'x.ts',
      [
        'const a = /^(a+)+$/;',
        "const b = new RegExp('x\\\\d+', 'g');",
        "const c = RegExp(`y`);",
        'const d = new RegExp(userText);',
        "const e = new RegExp('z', flags);",
        "const f = '/not a regex/';",
        '// /nor this/',
      ].join('\n'),
    );
    assert.deepEqual(
      found.literals.map((r) => [r.source, r.flags, r.where]),
      [
        ['^(a+)+$', '', 'x.ts:1'],
        ['x\\d+', 'g', 'x.ts:2'],
        ['y', '', 'x.ts:3'],
      ],
    );
    assert.deepEqual(found.dynamic.map((d) => d.key), ['x.ts: new RegExp(userText)', "x.ts: new RegExp('z', flags)"]);
    // and recheck does flag the classic exponential and polynomial shapes (this check can fail)
    assert.equal((await verdict({ source: '^(a+)+$', flags: '' })).status, 'vulnerable');
    assert.equal((await verdict({ source: '\\/.*$', flags: '' })).status, 'vulnerable');
  });

  it(`src/ has regexes to check (${scan.literals.length} uses, ${distinct.size} distinct)`, () => {
    assert.ok(distinct.size >= 20, `only ${distinct.size} regexes found: is the scanner pointed at src/?`);
  });

  it('computed RegExp sources are exactly the reviewed ones', () => {
    const found = scan.dynamic.map((d) => d.key).sort();
    const unreviewed = found.filter((k) => !(k in REVIEWED));
    const gone = Object.keys(REVIEWED).filter((k) => !found.includes(k));
    assert.deepEqual(unreviewed, [], `review these (are they linear for any input?) and add them to REVIEWED:\n${unreviewed.join('\n')}`);
    assert.deepEqual(gone, [], 'no longer in src/: remove from REVIEWED');
  });

  for (const [key, { regex, where }] of distinct) {
    const title = `${key}  (${where.join(', ')})`;
    const pending = PENDING[key];
    if (pending !== undefined) {
      it.skip(`${title} — pending: ${pending}`);
      continue;
    }
    it(title, async () => {
      const v = await verdict(regex);
      assert.equal(v.status, 'safe', `${key} at ${where.join(', ')}: ${v.status} (${v.detail})`);
    });
  }
});
