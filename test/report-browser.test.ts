/**
 * The report in a real browser: Debian's chromium driven by playwright-core (never a downloaded
 * browser). Skipped, with a message, only where no chromium is installed.
 * `UPDATE_DOCS=1` also writes the README's screenshots to docs/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { extract, renderReport } from '../src/index.js';
import { ROOT } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_BROWSER = existsSync(CHROMIUM);
if (!HAVE_BROWSER) console.warn(`report-browser: skipped, no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const FIXTURES = path.join(ROOT, 'fixtures', 'report');
const records = readdirSync(FIXTURES)
  .sort()
  .map((name) => extract(readFileSync(path.join(FIXTURES, name), 'utf8'), { file: `fixtures/report/${name}`, includeText: true }));

/** Share of non-white pixels and number of distinct colours (in 4-bit buckets) of a PNG, measured by the browser. */
async function inkOf(page: Page, png: Buffer): Promise<{ ink: number; colours: number; width: number; height: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) ink++;
      colours.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
    }
    return { ink: ink / (data.length / 4), colours: colours.size, width: img.width, height: img.height };
  }, png.toString('base64'));
}

describe.skipIf(!HAVE_BROWSER)('report in chromium', () => {
  let tmp: string;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  const requests: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    tmp = mkdtempSync(path.join(tmpdir(), 'zonefacts-browser-'));
    const file = path.join(tmp, 'report.html');
    writeFileSync(file, renderReport(records));
    url = pathToFileURL(file).href;
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
  });

  afterAll(async () => {
    await context?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('loads nothing but the page itself', () => {
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('highlights every figure and lets each take the focus, showing its parse', async () => {
    const total = records.reduce((n, r) => n + r.metrics.length, 0);
    const marks = page.locator('.article mark.fig');
    expect(await marks.count()).toBe(total);
    const styles = await marks.evaluateAll((els) =>
      els.map((el) => ({ bg: getComputedStyle(el).backgroundColor, tab: (el as HTMLElement).tabIndex, letter: getComputedStyle(el, '::before').content })),
    );
    for (const s of styles) {
      expect(s.bg).not.toBe('rgba(0, 0, 0, 0)');
      expect(s.tab).toBe(0);
      expect(s.letter).not.toBe('none');
    }
    const first = marks.first();
    await first.focus();
    const tip = first.locator('.tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/value[\s\S]*unit[\s\S]*rule/);
  });

  it('lists the inconsistent check first, beside the paragraph whose figures it marks', async () => {
    const section = page.locator('#a0');
    const firstFinding = section.locator('.finding').first();
    expect(await firstFinding.getAttribute('data-status')).toBe('inconsistent');
    expect(await firstFinding.innerText()).toMatch(/Inconsistent[\s\S]*expected[\s\S]*stated/);
    expect(await section.locator('.finding-list li').first().getAttribute('class')).toBe('st-inconsistent');
    const check = records[0]!.checks.find((c) => c.status === 'inconsistent')!;
    const row = firstFinding.locator('xpath=ancestor::div[contains(@class,"row")]');
    for (const i of check.metrics) {
      const mark = page.locator(`#a0-m${i}`);
      expect(await mark.getAttribute('class')).toContain('flag');
      expect(await row.locator(`#a0-m${i}`).count()).toBe(1);
    }
    const text = (await row.locator('.text').boundingBox())!;
    const card = (await firstFinding.boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(text.x + text.width);
    expect(card.y).toBeLessThan(text.y + text.height);
  });

  it('moves between findings with j and k, and opens the folded ones from the keyboard', async () => {
    await page.goto(url);
    // findings in page order: the inconsistent one first, whatever its index among the checks
    const order = await page.locator('#a0 .finding').evaluateAll((els) => els.map((e) => e.id));
    const first = `a0-c${records[0]!.checks.findIndex((c) => c.status === 'inconsistent')}`;
    expect(order[0]).toBe(first);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(first);
    await page.locator('#a0 details.agree summary').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#a0 details.agree').first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('j');
    const next = await page.evaluate(() => document.activeElement?.id);
    expect(next).not.toBe(first);
    expect(order).toContain(next);
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(first);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
  });

  it('sorts the corpus table by a column from the keyboard', async () => {
    const button = page.locator('table.summary th button[data-col="3"]');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.locator('..').getAttribute('aria-sort')).toBe('ascending');
    const periods = await page.locator('table.summary tbody tr td:nth-child(4)').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-sort') ?? ''));
    expect(periods).toEqual([...periods].sort((a, b) => a.localeCompare(b, 'zh')));
  });

  it('keeps text contrast at WCAG AA (4.5:1) against its background', async () => {
    await page.goto(url);
    const low = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || c[3]! > 0) return c;
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        if (el.closest('svg') || !(el as HTMLElement).offsetParent) continue;
        if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
        const a = lum(rgb(getComputedStyle(el).color));
        const b = lum(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) out.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(low).toEqual([]);
  });

  it('keeps the findings visible in print, the folded consistent ones too', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#a0 .finding').first().isVisible()).toBe(true);
    expect(await page.locator('#a0 details.agree .finding').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('draws the article and corpus views (screenshots compared loosely)', async () => {
    await page.goto(url);
    const article = page.locator('#a0');
    await page.locator('#a0-m0').focus();
    const articleShot = await article.screenshot();
    const corpusShot = await page.locator('#corpus').screenshot();
    const probe = await context.newPage();
    for (const shot of [articleShot, corpusShot]) {
      const m = await inkOf(probe, shot);
      expect(m.width).toBeGreaterThan(800);
      expect(m.height).toBeGreaterThan(300);
      expect(m.ink).toBeGreaterThan(0.03); // not blank
      expect(m.colours).toBeGreaterThan(20); // highlights and badges, not one flat colour
    }
    await probe.close();
    expect(await page.locator('#corpus svg').count()).toBeGreaterThan(0);
    if (process.env.UPDATE_DOCS) {
      // the README's pictures: one article as `report ARTICLE` shows it, then the corpus index
      const one = path.join(tmp, 'one.html');
      writeFileSync(one, renderReport([records[0]!]));
      await page.goto(pathToFileURL(one).href);
      await page.setViewportSize({ width: 1280, height: 820 });
      await page.locator('#a0-m0').focus();
      writeFileSync(path.join(ROOT, 'docs', 'report-article.png'), await page.screenshot());
      await page.goto(url);
      await page.setViewportSize({ width: 1280, height: 1100 });
      await page.evaluate(() => window.scrollTo(0, 0));
      writeFileSync(path.join(ROOT, 'docs', 'report-corpus.png'), await page.screenshot());
    }
  });
});
