// `npm run cards:render`: renders every card (each fixture's summary, endpoints and explanations,
// help, refusals, regions, escalation cards …) in Japanese and English, at desktop and phone
// width, with the official Adaptive Cards renderer in headless Chromium, and writes PNGs:
//   build/cards/<viewport>/<card>.png   every card (not committed; look at them)
//   docs/cards/*.png                    the few the README shows (committed)
// `-- --docs` writes only docs/cards.
// Prints renderer problems and overflows as it goes; exits 1 when there are any.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cardBytes } from '../src/cards';
import { fixtureCardSamples, standaloneCardSamples, type CardSample } from '../test/cards/card-samples';
import { openCardBrowser, VIEWPORTS, type CardBrowser, type ViewportName } from '../test/support/render-card-in-browser';

const ROOT = resolve(__dirname, '..');
const ALL_DIR = join(ROOT, 'build', 'cards');
const DOCS_DIR = join(ROOT, 'docs', 'cards');

/** The cards the README shows: [sample id, viewport, file name in docs/cards]. */
const DOC_CARDS: readonly [string, ViewportName, string][] = [
  ['summary/win-en-system-proxy.log/ja', 'desktop', 'summary-ja.png'],
  ['summary/win-en-system-proxy.log/en', 'desktop', 'summary-en.png'],
  // the log where three Entra ID hosts fail: one row per problem, its hosts under it
  ['summary/win-en-system-proxy.log/ja', 'phone', 'summary-ja-phone.png'],
  ['explanation/win-en-system-proxy.log/0-TCP_CONNECT_FAILED/ja', 'desktop', 'explanation-ja.png'],
];

function fileNameFor(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]+/g, '__')}.png`;
}

async function main(): Promise<void> {
  const opened = await openCardBrowser();
  if ('unavailable' in opened) {
    console.error(`cannot render: ${opened.unavailable}`);
    process.exitCode = 1;
    return;
  }
  const browser: CardBrowser = opened;
  let problems = 0;
  try {
    const samples: CardSample[] = [...(await fixtureCardSamples()), ...standaloneCardSamples()];
    const docsOnly = process.argv.includes('--docs');
    for (const viewport of docsOnly ? [] : (Object.keys(VIEWPORTS) as ViewportName[])) {
      mkdirSync(join(ALL_DIR, viewport), { recursive: true });
      for (const s of samples) {
        const r = await browser.render(s.card, viewport, join(ALL_DIR, viewport, fileNameFor(s.id)));
        for (const p of [...r.problems, ...r.overflows]) {
          problems++;
          console.log(`${viewport} ${s.id}: ${p}`);
        }
      }
    }
    mkdirSync(DOCS_DIR, { recursive: true });
    for (const [id, viewport, file] of DOC_CARDS) {
      const s = samples.find((x) => x.id === id);
      if (!s) {
        // the fixture's findings changed: fall back to the first card of that kind
        console.log(`no card ${id}; see ${ALL_DIR} for what there is`);
        problems++;
        continue;
      }
      const r = await browser.render(s.card, viewport, join(DOCS_DIR, file));
      console.log(`docs/cards/${file}: ${id} at ${viewport} width, ${r.height}px tall, card JSON ${cardBytes(s.card)} bytes`);
    }
    if (!docsOnly) console.log(`${samples.length} cards × ${Object.keys(VIEWPORTS).length} widths written to ${ALL_DIR}; ${problems} problem(s)`);
  } finally {
    await browser.close();
  }
  if (problems > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
