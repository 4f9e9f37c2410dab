// Renders Adaptive Cards with the official JavaScript renderer (adaptivecards' browser bundle) in
// headless Chromium, with a Teams-like host config, and reports what a person would notice: the
// renderer's errors and warnings, anything wider than its box (cut-off host names, buttons whose
// caption does not fit), and the text actually on screen. Used by test/cards/render.browser.test.ts
// and scripts/render-cards.ts. One browser, one page per width, many cards.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian (and most distros) put Chromium; CHROMIUM_PATH wins. */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
}

/** Widths of the card itself (not the window): Teams desktop with a full-width card, and a phone. */
export const VIEWPORTS = {
  desktop: { name: 'desktop', window: 760, card: 600 },
  phone: { name: 'phone', window: 360, card: 340 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Teams light theme, approximately (fonts, sizes, spacing and colours as Teams shows them). */
export const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', 'Noto Sans CJK JP', 'Noto Sans JP', 'Helvetica Neue', sans-serif",
  fontTypes: {
    default: {
      fontFamily: "'Segoe UI', 'Noto Sans CJK JP', 'Noto Sans JP', 'Helvetica Neue', sans-serif",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: "Consolas, 'Noto Sans Mono CJK JP', 'DejaVu Sans Mono', monospace",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
  },
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#252423', subtle: '#484644' },
        light: { default: '#FFFFFF', subtle: '#F3F2F1' },
        accent: { default: '#5B5FC7', subtle: '#4F52B2' },
        good: { default: '#237B4B', subtle: '#1F6E43' },
        warning: { default: '#8A5A00', subtle: '#7A4F00' },
        attention: { default: '#C4314B', subtle: '#A52C41' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#4F52B2' },
        good: { default: '#237B4B', subtle: '#1F6E43' },
        warning: { default: '#8A5A00', subtle: '#7A4F00' },
        attention: { default: '#C4314B', subtle: '#A52C41' },
      },
    },
    accent: { backgroundColor: '#E8EBFA', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    good: { backgroundColor: '#E7F2DA', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    attention: { backgroundColor: '#FCF4F6', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    warning: { backgroundColor: '#FBF6D9', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
    iconSize: 16,
  },
  adaptiveCard: { allowCustomStyle: true },
  textBlock: { headingLevel: 2 },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 8,
  },
} as const;

export interface RenderResult {
  /** renderer parse/validation events and page errors */
  problems: string[];
  /** elements wider than their box or sticking out of the card */
  overflows: string[];
  /** the card's visible text (innerText, whitespace collapsed) */
  text: string;
  height: number;
}

export interface CardBrowser {
  render(card: unknown, viewport: ViewportName, screenshotPath?: string): Promise<RenderResult>;
  close(): Promise<void>;
}

const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 10px; background: #F5F5F5; font-family: 'Segoe UI', 'Noto Sans CJK JP', sans-serif; }
  #card { background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px; overflow: hidden; }
  /* Teams breaks a word that does not fit the line (long host names, registry paths) instead of
     letting it run out of the card; buttons do not wrap (their captions are cut: we test that). */
  #card .ac-adaptiveCard { word-break: break-word; }
</style></head><body><div id="card"></div></body></html>`;

// Runs in the page (plain JavaScript: code the test runner transpiles would carry its helpers
// along). Parses and renders with the official renderer, then measures every element.
const RENDER_SCRIPT = `
window.renderCardForTest = function (payload, hostConfig) {
  var AC = window.AdaptiveCards;
  var host = document.getElementById('card');
  host.innerHTML = '';
  var problems = [];
  var card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(hostConfig);
  var context = new AC.SerializationContext();
  card.parse(payload, context);
  for (var i = 0; i < context.eventCount; i++) {
    var e = context.getEventAt(i);
    problems.push('parse ' + AC.ValidationEvent[e.event] + ': ' + e.message);
  }
  card.validateProperties().validationEvents.forEach(function (v) {
    problems.push('validate ' + AC.ValidationEvent[v.event] + ': ' + v.message);
  });
  var element = card.render();
  if (!element) return { problems: problems.concat(['render returned nothing']), overflows: [], text: '', height: 0 };
  host.appendChild(element);
  var rootRect = element.getBoundingClientRect();
  var overflows = [];
  function describe(el) {
    var text = (el.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
    return '<' + el.tagName.toLowerCase() + ' class="' + el.className + '"> "' + text + '"';
  }
  Array.prototype.forEach.call(element.querySelectorAll('*'), function (el) {
    var style = getComputedStyle(el);
    if (style.display === 'none' || style.display === 'inline' || style.visibility === 'hidden') return;
    var r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    if (r.right > rootRect.right + 1 || r.left < rootRect.left - 1) {
      overflows.push('sticks out of the card by ' + Math.round(Math.max(r.right - rootRect.right, rootRect.left - r.left)) + 'px: ' + describe(el));
    } else if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      overflows.push('content ' + el.scrollWidth + 'px wide in a ' + el.clientWidth + 'px box: ' + describe(el));
    }
  });
  return { problems: problems, overflows: overflows, text: element.innerText.replace(/\\s+/g, ' ').trim(), height: Math.round(rootRect.height) };
};
`;

/** Opens Chromium, or says why it cannot (so a test can skip with that reason). */
export async function openCardBrowser(): Promise<CardBrowser | { unavailable: string }> {
  const executablePath = findChromium();
  if (!executablePath) return { unavailable: 'no Chromium found (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)' };
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--font-render-hinting=none'],
    });
  } catch (e) {
    return { unavailable: `Chromium at ${executablePath} did not start: ${(e as Error).message.split('\n')[0] ?? ''}` };
  }
  const bundle = join(dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.min.js');
  const css = join(dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.css');
  const pages = new Map<ViewportName, Page>();

  async function pageFor(viewport: ViewportName): Promise<Page> {
    let page = pages.get(viewport);
    if (!page) {
      const v = VIEWPORTS[viewport];
      page = await browser.newPage({ viewport: { width: v.window, height: 900 }, deviceScaleFactor: 1 });
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(PAGE_HTML);
      await page.addStyleTag({ path: css });
      await page.addScriptTag({ path: bundle });
      await page.addScriptTag({ content: RENDER_SCRIPT });
      await page.evaluate(`document.getElementById('card').style.width = '${v.card}px'`);
      pages.set(viewport, page);
    }
    return page;
  }

  return {
    async render(card, viewport, screenshotPath) {
      const page = await pageFor(viewport);
      const pageErrors: string[] = [];
      const onError = (e: Error): void => {
        pageErrors.push(`page error: ${e.message}`);
      };
      page.on('pageerror', onError);
      const result = await page.evaluate(
        ({ card: payload, hostConfig }) =>
          (globalThis as unknown as { renderCardForTest: (c: unknown, h: unknown) => RenderResult }).renderCardForTest(payload, hostConfig),
        { card, hostConfig: TEAMS_HOST_CONFIG },
      );
      if (screenshotPath) await page.locator('#card').screenshot({ path: screenshotPath });
      page.off('pageerror', onError);
      return { ...result, problems: [...result.problems, ...pageErrors] };
    },
    async close() {
      await browser.close();
    },
  };
}
