/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchChromium } from './support/chromium.js';
import { exportSite, pagePath, type ExportedSite } from './support/exported-site.js';
import { expectedPageTitle } from './support/fixture-documents.js';
import { serveFolder, type StaticServer } from './support/static-server.js';

/** URL schemes a link or source may keep (GitHub's list); anything else would be active or unexpected. */
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:', 'irc:', 'ircs:', 'xmpp:'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background', 'ping', 'cite', 'longdesc', 'data', 'srcdoc'];

/** What the payloads in the hostile documents would leave behind if any of them ran. */
interface Evidence {
  dialogs: string[];
  unexpectedRequests: string[];
  navigations: string[];
  popups: number;
}

describe.skipIf(chromiumMissing !== null)('hostile Markdown, rendered and run in headless Chromium', () => {
  let site: ExportedSite;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await exportSite();
    server = await serveFolder(site.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) rmSync(site.outDir, { recursive: true, force: true });
  });

  it('exports every hostile document', () => {
    expect(site.summary.diagnostics).toEqual([]);
    expect(site.hostile.map((parsed) => parsed.record.id)).toEqual(['hostile/dangerous-urls', 'hostile/event-handlers', 'hostile/markup-tricks', 'hostile/raw-elements']);
  });

  describe.each([
    ['the sanitizer alone (page policy bypassed)', true],
    ['the sanitizer and the page policy', false],
  ])('with %s', (_layers, bypassCSP) => {
    it.each(['hostile/dangerous-urls', 'hostile/event-handlers', 'hostile/markup-tricks', 'hostile/raw-elements', 'index'])('%s has no active content', async (id) => {
      const parsed = site.hostile.find((candidate) => candidate.record.id === id);
      const expectedTitle = parsed ? expectedPageTitle(parsed) : 'Questions and answers';
      const url = `${server.origin}${id === 'index' ? '/html/index.html' : pagePath(id)}`;
      const context = await browser.newContext({ bypassCSP, viewport: { width: 900, height: 700 } });
      const page = await context.newPage();
      const evidence: Evidence = { dialogs: [], unexpectedRequests: [], navigations: [], popups: 0 };
      await context.route('**/*', (route) => {
        const requested = new URL(route.request().url());
        if (requested.origin !== server.origin || requested.pathname.includes('pwned')) {
          evidence.unexpectedRequests.push(requested.href);
          return route.abort();
        }
        return route.continue();
      });
      page.on('dialog', (dialog) => {
        evidence.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('popup', () => evidence.popups++);
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) evidence.navigations.push(frame.url());
      });

      await page.goto(url, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      // Give handlers every chance: hover, focus and fire events on everything that is not a link
      // (links are checked by URL below instead of being followed).
      await page.mouse.move(200, 200);
      await page.mouse.move(450, 350);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.evaluate(() => {
        for (const element of document.querySelectorAll('body *')) {
          if (element.closest('a, area')) continue;
          for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'error', 'load', 'toggle', 'animationstart', 'begin']) element.dispatchEvent(new Event(type, { bubbles: true }));
        }
      });
      await page.waitForLoadState('networkidle');

      const state = await page.evaluate(
        ({ safeProtocols, urlAttributes }) => {
          const problems: string[] = [];
          const forbidden = 'script, iframe, frame, frameset, object, embed, applet, form, base, style, noscript, template, textarea, select, svg, math, portal, body meta, head meta[http-equiv]:not([http-equiv="Content-Security-Policy"])';
          for (const element of document.querySelectorAll(forbidden)) problems.push(`element <${element.localName}>`);
          const links = document.querySelectorAll('link');
          if (links.length !== 1 || !/assets\/style\.css$/.test(links[0]!.getAttribute('href') ?? '')) problems.push(`links: ${[...links].map((link) => link.outerHTML).join(' ')}`);
          for (const input of document.querySelectorAll('input')) if (input.type !== 'checkbox' || !input.disabled) problems.push(`active input ${input.outerHTML}`);
          for (const element of document.querySelectorAll('*')) {
            for (const attribute of element.attributes) {
              if (/^on/i.test(attribute.name)) problems.push(`${element.localName}[${attribute.name}]`);
              if (attribute.name === 'style') problems.push(`${element.localName}[style]`);
              if (urlAttributes.includes(attribute.name.toLowerCase())) {
                // The browser's own URL parser decides what the value means: entities, tabs and case are its business.
                const protocol = new URL(attribute.value, document.baseURI).protocol;
                if (!safeProtocols.includes(protocol)) problems.push(`${element.localName}[${attribute.name}] -> ${protocol}`);
              }
            }
          }
          return {
            problems,
            pwned: (window as unknown as { __qadocsPwned?: unknown }).__qadocsPwned ?? null,
            title: document.title,
            baseURI: document.baseURI,
            location: location.href,
          };
        },
        { safeProtocols: SAFE_PROTOCOLS, urlAttributes: URL_ATTRIBUTES },
      );

      expect(evidence.dialogs, 'dialogs opened').toEqual([]);
      expect(state.pwned, 'a payload set the global flag').toBeNull();
      expect(state.title).toBe(expectedTitle);
      expect(state.location).toBe(url);
      expect(state.baseURI).toBe(url);
      expect(evidence.navigations).toEqual([url]);
      expect(evidence.popups).toBe(0);
      expect(evidence.unexpectedRequests, 'requests to unexpected URLs').toEqual([]);
      expect(state.problems).toEqual([]);
      await context.close();
    });
  });

  it('the payloads are really in the input, so the checks above would catch them', () => {
    const sources = site.hostile.map((parsed) => parsed.source).join('\n');
    for (const payload of ['<script>', 'onerror=', 'javascript:', '&#106;avascript:', 'javascript&colon;', 'vbscript:', 'data:text/html', '<iframe', '<form', 'http-equiv="refresh"', '<base', '<style>', '<svg', '<math>', '<noscript><p title="</noscript>', '```js&#x20;', '</script>']) {
      expect(sources).toContain(payload);
    }
  });
});
