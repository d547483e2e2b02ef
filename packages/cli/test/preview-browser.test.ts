/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
// The exporter's browser tests launch Debian's chromium this way; the preview's tests share it.
import { chromiumMissing, launchChromium } from '../../exporter/test/support/chromium.js';
import { rawGet, startPreview, type LongRunningQadocs } from './support/preview-process.js';
import { cleanDocument, writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

const PSEUDO_CITATION = 'A preset is a named set of rule severities¹(https://example.com/presets).';

describe.skipIf(chromiumMissing !== null)('qadocs preview in headless Chromium', () => {
  let dir: string;
  let preview: LongRunningQadocs & { url: string };
  let browser: Browser;

  beforeAll(async () => {
    dir = path.join(makeTempFolder('preview-browser'), 'project');
    writeFiles(dir, { 'content/how-to/configure.md': `${cleanDocument()}\n${PSEUDO_CITATION}\n`, 'package.json': '{"name":"secret-project"}\n' });
    preview = await startPreview([], dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it('shows the pseudo-citation problem on the page, and reloads without it when the fixed file is saved', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${preview.url}how-to/configure.html`);
    await page.waitForSelector('html[data-qadocs-preview="live"]');

    const panel = page.locator('aside.preview-problems');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('1 error in how-to/configure.md');
    const item = panel.locator('li#problem-1');
    expect(await item.locator('.problem-rule').textContent()).toBe('citation/malformed');
    expect(await item.locator('.problem-message').textContent()).toContain('Unexpected pseudo-citation `¹(https://example.com/presets)`');
    // The problem is marked on the paragraph that holds it, and the panel links there.
    const marked = page.locator('.qadocs-problem');
    expect(await marked.count()).toBe(1);
    expect(await marked.textContent()).toContain('A preset is a named set of rule severities¹');
    await item.locator('a.problem-position').click();
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent ?? null)).toContain('A preset is a named set of rule severities');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.qadocs-problem')!).outlineStyle)).toBe('dashed');

    // Save the fixed document: the page reloads by itself and the problem is gone.
    const reloaded = page.waitForEvent('load');
    writeFileSync(path.join(dir, 'content/how-to/configure.md'), cleanDocument());
    await reloaded;
    await page.waitForSelector('html[data-qadocs-preview="live"]');
    expect(await panel.locator('h2').textContent()).toBe('No problems in how-to/configure.md');
    expect(await page.locator('.qadocs-problem').count()).toBe(0);
    expect(await page.locator('article').textContent()).not.toContain('A preset is a named set');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('counts problems on the index, and the index reloads too', async () => {
    writeFileSync(path.join(dir, 'content/how-to/configure.md'), `${cleanDocument()}\n${PSEUDO_CITATION}\n`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(preview.url);
    await page.waitForSelector('html[data-qadocs-preview="live"]');
    await expect.poll(async () => page.locator('#qadocs-problem-total').textContent(), { timeout: 30_000 }).toBe('1 error in 1 document');
    const reloaded = page.waitForEvent('load');
    writeFileSync(path.join(dir, 'content/how-to/configure.md'), cleanDocument());
    await reloaded;
    await expect.poll(async () => page.locator('#qadocs-problem-total').textContent(), { timeout: 30_000 }).toBe('No problems');
    await context.close();
  });

  it('answers /../package.json with 404 (sent raw: the browser would normalise the path)', async () => {
    const response = await rawGet(preview.url, '/../package.json');
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('secret-project');
    // What the browser itself sends for that address is /package.json: not served either.
    const context = await browser.newContext();
    const page = await context.newPage();
    const normalised = await page.goto(`${preview.url}../package.json`);
    expect(normalised?.status()).toBe(404);
    await context.close();
  });
});
