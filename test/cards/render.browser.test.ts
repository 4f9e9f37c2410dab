// Issue 7: every card rendered by the official Adaptive Cards JavaScript renderer in headless
// Chromium (Teams-like host config), at desktop width and at phone width, in Japanese and
// English. Fails on renderer errors or warnings, on anything wider than its box (a host name
// cut off, a button caption that does not fit), and when a text the reader needs (each failed
// host, each finding title) is not on screen. Skips, saying why, only when no browser exists.
import assert from 'node:assert/strict';
import { listTemplates } from '../../src/cards';
import { explainFindingGroup, findingTitle } from '../../src/i18n/findings';
import { SEVERITY_ORDER } from '../../src/cards/card-style';
import { SUMMARY_LIMITS } from '../../src/cards/summary-card';
import { findingGroupAt, findingSubjects, groupFindings, groupSubjects } from '../../src/cards/group-findings';
import { openCardBrowser, VIEWPORTS, type CardBrowser, type ViewportName } from '../support/render-card-in-browser';
import { endpointTarget } from '../../src/cards/describe-endpoint';
import { fixtureCardSamples, standaloneCardSamples, type CardSample } from './card-samples';

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Problems seen and handed to the owner of the template, printed instead of failing so the rest
 * of the suite stays useful. Each names the owner; remove the entry when fixed (an entry that no
 * longer matches anything fails the test, so the list cannot go stale).
 */
// Problems that are known and owned elsewhere: listed here they print instead of failing, and
// the test below fails once one no longer occurs, so the entry gets removed. None open now.
const KNOWN_PROBLEMS: readonly { owner: string; id: RegExp; problem: RegExp; note: string }[] = [];

/** What must be readable on the card, from the report it was made of (not from the card). */
export function requiredTexts(sample: CardSample): string[] {
  const out = [...sample.required];
  const report = sample.report;
  if (report && sample.template === 'summary') {
    const cap = SUMMARY_LIMITS[0]!;
    for (const verdict of ['failed', 'inconclusive'] as const) {
      out.push(...report.endpoints.filter((e) => e.verdict === verdict).slice(0, cap.endpointsPerGroup).map((e) => endpointTarget(e)));
    }
    // one row per problem: its title and the first hosts or proxy settings it affects
    const groups = groupFindings(report.findings);
    for (const severity of SEVERITY_ORDER) {
      for (const g of groups.filter((x) => x.severity === severity).slice(0, cap.findingsPerSeverity)) {
        out.push(findingTitle(report.findings[g.indices[0]!]!, sample.lang));
        out.push(...groupSubjects(report.findings, g.indices, sample.lang, cap.subjectsPerFinding).shown.map((x) => x.text));
      }
    }
  }
  if (report && sample.template === 'explanation') {
    const index = Number(/\/(\d+)-/.exec(sample.id)?.[1]);
    const members = findingGroupAt(report.findings, index).map((i) => report.findings[i]!);
    const finding = members[0];
    if (finding) {
      // listed as a group when at least two of them name an endpoint or proxy context
      const listed = members.filter((m) => findingSubjects(m, sample.lang).length > 0).length >= 2;
      const x = explainFindingGroup(listed ? members : [finding], sample.lang);
      out.push(x.title, ...x.steps);
      if (!listed) out.push(...finding.evidence.slice(0, 12).map((e) => e.text));
      else {
        // each affected endpoint (the first 15) with its first log lines (3 each, 24 in all)
        let left = 24;
        for (const m of members.slice(0, 15)) {
          out.push(...findingSubjects(m, sample.lang).map((x) => x.text));
          const lines = m.evidence.slice(0, Math.min(3, left));
          left -= lines.length;
          out.push(...lines.map((e) => e.text));
        }
      }
    }
  }
  return out.map(normalize).filter((s) => s !== '');
}

describe('cards rendered in Chromium (issue 7)', function () {
  this.timeout(300_000);
  let browser: CardBrowser | undefined;
  let samples: CardSample[] = [];

  before(async function () {
    const opened = await openCardBrowser();
    if ('unavailable' in opened) {
      console.log(`      skipped: ${opened.unavailable}`);
      this.skip();
      return;
    }
    browser = opened;
    samples = [...(await fixtureCardSamples()), ...standaloneCardSamples()];
  });

  after(async () => {
    await browser?.close();
  });

  it('every known problem still occurs (remove the ones that are fixed)', async function () {
    const b = browser;
    if (!b) return this.skip();
    const stale: string[] = [];
    for (const k of KNOWN_PROBLEMS) {
      let seen = false;
      for (const s of samples.filter((x) => k.id.test(x.id))) {
        for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
          const r = await b.render(s.card, viewport);
          if ([...r.problems.map((p) => `renderer: ${p}`), ...r.overflows.map((o) => `overflow: ${o}`)].some((p) => k.problem.test(p))) seen = true;
        }
      }
      if (!seen) stale.push(k.note);
    }
    assert.deepEqual(stale, []);
  });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    for (const template of listTemplates()) {
      it(`${template} cards at ${viewport} width (${VIEWPORTS[viewport].card}px)`, async function () {
        const mine = samples.filter((s) => s.template === template);
        if (mine.length === 0) this.skip();
        const failures: string[] = [];
        const known = new Map<(typeof KNOWN_PROBLEMS)[number], number>();
        const report = (id: string, problem: string): void => {
          const k = KNOWN_PROBLEMS.find((x) => x.id.test(id) && x.problem.test(problem));
          if (k) known.set(k, (known.get(k) ?? 0) + 1);
          else failures.push(`${id}: ${problem}`);
        };
        for (const s of mine) {
          const r = await browser!.render(s.card, viewport);
          for (const p of r.problems) report(s.id, `renderer: ${p}`);
          for (const o of r.overflows) report(s.id, `overflow: ${o}`);
          for (const text of requiredTexts(s)) {
            if (!r.text.includes(text)) report(s.id, `not on screen: "${text.slice(0, 80)}"`);
          }
        }
        for (const [k, n] of known) console.log(`      known (${k.owner}): ${k.note} [${n}×]`);
        assert.deepEqual(failures.slice(0, 30), [], `${failures.length} problem(s) in ${mine.length} card(s)`);
      });
    }
  }
});
