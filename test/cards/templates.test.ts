// Every card the bot sends, for every fixture log and both languages: expands with no leftover
// ${...}, parses with the official renderer without errors or warnings, stays under the size
// budget, and carries only button data the bot's handlers accept.
import assert from 'node:assert/strict';
import { listTemplates } from '../../src/cards';
import { cardProblems } from './card-checks';
import { nodesOfType } from './card-inspect';
import { fixtureCardSamples, standaloneCardSamples, type CardSample } from './card-samples';
import { fixtureNames, fixtureReports } from './report-factory';

describe('cards for every fixture and language', function () {
  this.timeout(120_000);
  let samples: CardSample[] = [];

  before(async () => {
    samples = [...(await fixtureCardSamples()), ...standaloneCardSamples()];
    const fromExpected = (await fixtureReports()).filter((r) => r.from === 'expected').map((r) => r.name);
    if (fromExpected.length > 0) {
      console.log(`      (analyzer could not read ${fromExpected.length} fixture(s); their reports come from .expected.json: ${fromExpected.join(', ')})`);
    }
  });

  it('covers every fixture log in both languages', () => {
    for (const name of fixtureNames()) {
      for (const lang of ['ja', 'en']) {
        assert.ok(samples.some((s) => s.id.startsWith(`summary/${name}`) && s.lang === lang), `no summary card for ${name} (${lang})`);
      }
    }
  });

  it('renders every template in cards/ at least once', () => {
    const rendered = new Set(samples.map((s) => s.template));
    const missing = listTemplates().filter((t) => !rendered.has(t));
    assert.deepEqual(missing, [], `templates with no sample (add data in cards/samples/<name>.json): ${missing.join(', ')}`);
  });

  // one test per feature, so a failure names the owner of the template
  for (const [group, pick] of [
    ['report and command cards', (s: CardSample) => !s.template.startsWith('escalation-')],
    ['escalation cards', (s: CardSample) => s.template.startsWith('escalation-')],
  ] as const) {
    it(`${group} pass the structural checks (no \${, renderer-clean, size, verbs, data)`, async () => {
      const failures: string[] = [];
      for (const s of samples.filter(pick)) {
        for (const p of await cardProblems(s.card)) failures.push(`${s.id}: ${p}`);
      }
      assert.deepEqual(failures.slice(0, 40), [], `${failures.length} problem(s)`);
    });
  }

  it('every card speaks the language it was asked for (button captions come from the catalogues)', () => {
    const wrong: string[] = [];
    for (const s of samples) {
      for (const action of [...nodesOfType(s.card, 'Action.Execute'), ...nodesOfType(s.card, 'Action.Submit')]) {
        const title = String(action.title);
        if (action.verb === 'setLanguage') continue; // the switch names the other language
        const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/.test(title);
        if (japanese !== (s.lang === 'ja')) wrong.push(`${s.id}: "${title}"`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
