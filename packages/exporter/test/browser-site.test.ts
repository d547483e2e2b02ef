/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Manifest } from '@qadocs/schema';
import { chromiumMissing, launchChromium } from './support/chromium.js';
import { exportSite, pagePath, type ExportedSite } from './support/exported-site.js';
import { serveFolder, type StaticServer } from './support/static-server.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(chromiumMissing !== null)('the exported site in headless Chromium', () => {
  let site: ExportedSite;
  let server: StaticServer;
  let browser: Browser;
  let manifest: Manifest;

  beforeAll(async () => {
    site = await exportSite();
    server = await serveFolder(site.outDir);
    browser = await launchChromium();
    manifest = JSON.parse(readFileSync(`${site.outDir}/json/index.json`, 'utf8')) as Manifest;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) rmSync(site.outDir, { recursive: true, force: true });
  });

  async function openPage(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 900, height: 500 }, ...options });
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it('every footnote call and back-link points at an element, and clicking scrolls it into view', async () => {
    let scrolled = 0;
    let links = 0;
    for (const parsed of site.content.filter((candidate) => candidate.record.citations.length > 0)) {
      const page = await openPage(pagePath(parsed.record.id));
      const selector = 'a[data-footnote-ref], a[data-footnote-backref]';
      const count = await page.locator(selector).count();
      expect(count, parsed.record.id).toBeGreaterThan(0);
      for (let index = 0; index < count; index++) {
        const link = page.locator(selector).nth(index);
        const href = (await link.getAttribute('href'))!;
        const targetInView = () =>
          page.evaluate((fragment) => {
            const target = document.getElementById(decodeURIComponent(fragment.slice(1)));
            if (!target) return null;
            const box = target.getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight;
          }, href);
        // Start from the link itself in view (as a reader would), so the click has to move the page.
        await link.scrollIntoViewIfNeeded();
        const before = await targetInView();
        expect(before, `${href} on ${parsed.record.id} has no target`).not.toBeNull();
        await link.click();
        expect(await page.evaluate(() => location.hash)).toBe(href);
        expect(await targetInView(), `${href} on ${parsed.record.id} is not in view after the click`).toBe(true);
        if (before === false) scrolled++;
        links++;
      }
      await page.context().close();
    }
    expect(links).toBeGreaterThan(20);
    // The small viewport puts footnotes off screen: most clicks had to scroll.
    expect(scrolled).toBeGreaterThan(links / 2);
  });

  it('every in-page and cross-page link of the documents resolves', async () => {
    for (const parsed of site.content) {
      const page = await openPage(pagePath(parsed.record.id));
      const missing = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((link) => link.getAttribute('href')!).filter((href) => !document.getElementById(decodeURIComponent(href.slice(1)))),
      );
      expect(missing, parsed.record.id).toEqual([]);
      const local = await page.evaluate((origin) => [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((link) => link.href).filter((href) => href.startsWith(origin) && !href.includes('#')), server.origin);
      for (const href of local) expect((await page.request.get(href)).status(), `${href} from ${parsed.record.id}`).toBe(200);
      const crossPage = await page.evaluate((origin) => [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((link) => link.href).filter((href) => href.startsWith(origin) && /\.html#./.test(href)), server.origin);
      for (const href of crossPage) {
        const target = await page.context().newPage();
        await target.goto(href);
        expect(await target.evaluate(() => !!document.getElementById(decodeURIComponent(location.hash.slice(1)))), href).toBe(true);
        await target.close();
      }
      await page.context().close();
    }
  });

  it('the index links to every exported page, grouped by category with counts, and each link resolves', async () => {
    const page = await openPage('/html/index.html');
    const links = await page.$$eval('a.document-link', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect([...links].sort()).toEqual(manifest.documents.map((entry) => `${server.origin}${pagePath(entry.id)}`).sort());
    for (const href of links) expect((await page.request.get(href)).status(), href).toBe(200);
    const groups = await page.$$eval('section.category', (sections) =>
      sections.map((section) => [section.id, section.querySelectorAll('a.document-link').length, section.querySelector('h2 .count')?.textContent]),
    );
    const expected = ['tutorial', 'how-to', 'reference', 'explanation', 'uncategorized']
      .map((id) => [id, manifest.documents.filter((entry) => (entry.category ?? 'uncategorized') === id).length] as const)
      .filter(([, count]) => count > 0)
      .map(([id, count]) => [id, count, `${count} document${count === 1 ? '' : 's'}`]);
    expect(groups).toEqual(expected);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('axe-core finds no serious or critical violation on the index and document pages (%s scheme)', async (colorScheme) => {
    const paths = ['/html/index.html', ...['azure/compute-gallery-vs-container-registry', 'how-to/install-the-cli', 'faq/export', 'tutorial/first-export', 'explanation/why-cite-sources'].map(pagePath)];
    for (const path of paths) {
      // The pages forbid scripts; the test's own script (axe) is let in by bypassing the policy.
      const page = await openPage(path, { bypassCSP: true, colorScheme });
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run(document);
        return results.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
      });
      expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'), path).toEqual([]);
      await page.context().close();
    }
  });

  it('loads its stylesheet under its own Content-Security-Policy, with no script and no policy violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await page.goto(`${server.origin}${pagePath('how-to/install-the-cli')}`);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.badge')!).borderTopLeftRadius)).toBe('999px');
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(messages.filter((message) => /Content Security Policy/i.test(message))).toEqual([]);
    await context.close();
  });
});
