// Shared by the browser checks: the setup tests/browser/run.sh made (shop, sandbox,
// customers), headless Debian Chromium through playwright-core, screenshots, DOM checks.
import { readFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function setup() {
  const file = process.env.BROWSER_SETUP;
  if (!file) throw new Error('BROWSER_SETUP is not set: run the checks with make test-browser (tests/browser/run.sh)');
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Runs tests/browser/shop.php inside the shop with the shop's PHP (SHOP_PHP: a command, default
 * php; a chroot's PHP through scripts/matrix/chroot-php.sh); returns its JSON answer.
 */
export function shop(...args) {
  const phpArgs = (process.env.SHOP_PHP_ARGS || '').split(/\s+/).filter(Boolean);
  const [php, ...phpPrefix] = (process.env.SHOP_PHP || 'php').split(/\s+/).filter(Boolean);
  const out = execFileSync(php, [...phpPrefix, ...phpArgs, path.join(root, 'tests/browser/shop.php'), ...args], { encoding: 'utf8' });
  return JSON.parse(out);
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless Debian Chromium (never a downloaded browser), fresh profile. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const MOBILE = { width: 375, height: 740 };

export async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', deviceScaleFactor: 1 });
  context.setDefaultTimeout(20000);
  context.setDefaultNavigationTimeout(45000);
  const page = await context.newPage();
  return page;
}

/** Saves a viewport-sized PNG as <SCREENSHOT_DIR>/<name>.png (docs/screenshots for make screenshots). */
export async function screenshot(page, name) {
  const dir = process.env.SCREENSHOT_DIR || path.join(root, '.work/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/** Text with every kind of space (PrestaShop's narrow and normal no-break spaces) made a plain space. */
export function plain(text) {
  return String(text).replace(/[\s\u00a0\u202f\u2007\u2009]+/g, ' ').trim();
}

/** A French euro amount: 1 290,00 € with a space, a no-break or a narrow no-break space. */
export const EURO = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})*,\d{2}[ \u00a0\u202f]€$/;

export const LEGAL = 'Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.';

/** The page is not wider than the viewport: no horizontal scrolling. */
export async function overflow(page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/**
 * Form fields without an accessible label and buttons without an accessible name, inside
 * `scope` (a CSS selector): label[for], a wrapping label, aria-label or aria-labelledby.
 */
export async function unlabelled(page, scope = 'body') {
  return page.evaluate((scope) => {
    const problems = [];
    const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.name ? '[name=' + el.name + ']' : ''}`;
    const byIds = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean);
    // Elements not rendered (display: none, hidden forms) are not in the accessibility tree.
    const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    for (const root of document.querySelectorAll(scope)) {
      for (const el of root.querySelectorAll('input, select, textarea')) {
        if (!rendered(el) && !el.closest('label, .custom-radio, .custom-checkbox')) continue;
        const type = (el.getAttribute('type') || '').toLowerCase();
        if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
        const ok = (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent.trim())
          || el.closest('label')?.textContent.trim()
          || el.getAttribute('aria-label')?.trim()
          || (el.getAttribute('aria-labelledby') && byIds(el.getAttribute('aria-labelledby')).some((l) => l.textContent.trim()));
        if (!ok) problems.push(`field ${describe(el)} has no label`);
      }
      for (const el of root.querySelectorAll('button, input[type=submit], input[type=button], [role=button]')) {
        if (!rendered(el)) continue;
        const name = el.getAttribute('aria-label')?.trim()
          || (el.getAttribute('aria-labelledby') && byIds(el.getAttribute('aria-labelledby')).map((l) => l.textContent).join('').trim())
          || (el.tagName === 'INPUT' ? el.value?.trim() : el.textContent.trim())
          || el.getAttribute('title')?.trim()
          || el.querySelector('img[alt]')?.getAttribute('alt')?.trim();
        if (!name) problems.push(`button ${describe(el)} has no accessible name`);
      }
    }
    return problems;
  }, scope);
}

/**
 * WCAG contrast of every visible text inside `scope`, from getComputedStyle: the text colour
 * against the first opaque background up the tree. Returns those under 4.5 (3 for large text).
 */
export async function lowContrast(page, scope) {
  return page.evaluate((scope) => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[,\s/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a >= 0.99) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const results = [];
    for (const root of document.querySelectorAll(scope)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const seen = new Set();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent.trim() || seen.has(el)) continue;
        seen.add(el);
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        if (style.visibility === 'hidden' || style.display === 'none' || rect.width <= 1 || rect.height <= 1) continue;
        const fg = parse(style.color);
        const bg = background(el);
        // A translucent text colour is blended over its background.
        const mixed = { r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a) };
        const [l1, l2] = [lum(mixed), lum(bg)].sort((a, b) => b - a);
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const needed = large ? 3 : 4.5;
        results.push({ text: n.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, needed, color: style.color, background: `rgb(${bg.r}, ${bg.g}, ${bg.b})` });
      }
    }
    return results;
  }, scope);
}
