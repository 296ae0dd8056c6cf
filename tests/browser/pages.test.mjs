// The module's own screens in Chromium, at a 375 px phone and a 1280 px desktop: the simulator
// on the product and cart pages (no horizontal overflow, the legal notice visible, French
// amounts, labels, WCAG AA contrast), and the configuration page in the back office.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, launch, newPage, screenshot, plain, overflow, unlabelled, lowContrast, EURO, LEGAL, MOBILE, DESKTOP } from './support.mjs';

const s = setup();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Checks one simulator block as a person sees it; opens its offers. */
async function checkSimulator(page, where, label) {
  const block = page.locator(`section.sofinco-simulator--${where}`);
  await assert.doesNotReject(block.waitFor(), `no Sofinco simulator on the ${where} page (${label})`);
  assert.equal(plain(await block.locator('h3').innerText()), 'Payez en plusieurs fois avec Sofinco');
  const legal = block.locator('.sofinco-simulator__legal');
  assert.ok(await legal.isVisible(), `the legal notice is not visible (${where}, ${label})`);
  assert.equal(plain(await legal.innerText()), LEGAL);
  const from = await block.locator('.sofinco-simulator__monthly').innerText();
  assert.match(from.replace(/\/mois$/, ''), EURO, `"à partir de" amount is not French: ${JSON.stringify(from)}`);
  const summary = block.locator('summary');
  assert.match(plain(await summary.innerText()), /^Voir les offres pour 1 290,00 €$/);
  assert.match((await summary.innerText()).replace(/^Voir les offres pour /, '').trim(), EURO);
  await summary.click();
  const table = block.locator('table.sofinco-simulator__offers');
  assert.ok(await table.isVisible(), 'the offers do not open');
  const rows = await table.locator('tbody tr').all();
  assert.ok(rows.length >= 4, `only ${rows.length} offers for 1 290,00 €`);
  for (const row of rows) {
    const cells = await row.locator('td').allInnerTexts();
    const [monthly, taeg, total, cost] = cells.map((c) => c.split('\n')[0].trim());
    for (const amount of [monthly, total, cost]) assert.match(amount, EURO, `offer amount not in the French format: ${JSON.stringify(amount)}`);
    assert.match(taeg, /^\d+,\d{2}[ \u00a0\u202f]%$/, `TAEG not in the French format: ${JSON.stringify(taeg)}`);
  }
  if (label === '1280 px' && where === 'product') {
    // On a desktop the five columns fit the product column: no scrolling inside the block.
    const inner = await block.locator('.sofinco-simulator__scroll').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    assert.ok(inner.scroll <= inner.client, `the offers table scrolls inside the block at 1280 px: ${inner.scroll} > ${inner.client}`);
  }
  const { scrollWidth, innerWidth } = await overflow(page);
  assert.ok(scrollWidth <= innerWidth, `the ${where} page overflows horizontally at ${label}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
  assert.deepEqual(await unlabelled(page, `section.sofinco-simulator--${where}`), [], 'unlabelled fields or unnamed buttons in the simulator');
  const contrast = await lowContrast(page, `section.sofinco-simulator--${where}`);
  assert.ok(contrast.length >= 5, 'no text measured for contrast');
  const bad = contrast.filter((r) => r.ratio < r.needed);
  assert.deepEqual(bad, [], `simulator text under WCAG AA contrast (${where}, ${label})`);
  await block.scrollIntoViewIfNeeded();
}

for (const [label, viewport] of [['375 px', MOBILE], ['1280 px', DESKTOP]]) {
  describe(`the simulator at ${label}`, () => {
    let page;
    before(async () => { page = await newPage(browser, viewport); });
    after(async () => { await page?.context().close(); });

    it('on the product page', async () => {
      await page.goto(s.productUrl);
      await checkSimulator(page, 'product', label);
      await screenshot(page, `product-simulator-${viewport.width}`);
    });

    it('on the cart page', async () => {
      await page.locator('#add-to-cart-or-refresh button.add-to-cart').click();
      await page.locator('#blockcart-modal').waitFor();
      await page.goto(s.shopUrl + 'index.php?controller=cart&action=show');
      await checkSimulator(page, 'cart', label);
      await screenshot(page, `cart-simulator-${viewport.width}`);
    });
  });
}

describe('the configuration page (back office)', () => {
  it('shows the settings, tests the connection against the sandbox', async () => {
    const page = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(s.adminUrl + 'index.php?controller=AdminLogin');
    await page.locator('#email').fill(s.adminEmail);
    await page.locator('#passwd').fill(s.adminPass);
    await page.locator('#submit_login').click();
    await page.waitForURL((u) => !u.href.includes('AdminLogin'));
    // The Module Manager's "Configurer" link, with the back office's token: 8.x lands on a
    // page carrying it, 1.7.8 on the legacy dashboard, whose Module Manager link has it.
    let token = new URL(page.url()).searchParams.get('_token');
    if (!token) {
      const manager = page.locator('#subtab-AdminModulesSf > a').first();
      await manager.waitFor({ state: 'attached' });
      await page.goto(await manager.evaluate((a) => a.href));
      token = new URL(page.url()).searchParams.get('_token');
    }
    await page.goto(`${s.adminUrl}index.php/improve/modules/manage/action/configure/sofincosignature?_token=${token}`);
    await page.waitForURL(/configure=sofincosignature/);
    // PrestaShop's HelperForm writes its labels without for=: the fields are found by name.
    const form = page.locator('form', { has: page.locator('input[name=SOFINCO_MERCHANT_ID]') });
    await assert.doesNotReject(form.waitFor(), 'no configuration form');
    const text = plain(await form.innerText());
    for (const label of ['N° de commerçant Web', 'Nature de bien partenaire', 'Paramètre Q6', 'Paramètre X1', 'SecretId (production)', 'Mode test']) {
      assert.ok(text.includes(label), `no "${label}" on the configuration page`);
    }
    assert.equal(await form.locator('input[name=SOFINCO_MERCHANT_ID]').inputValue(), s.merchantId);
    assert.equal(await form.locator('input[name=SOFINCO_NATURE_BIEN]').inputValue(), s.nature);
    assert.equal(await form.locator('input[name=SOFINCO_SECRET_PROD]').inputValue(), '', 'a secret was sent back to the browser');
    await screenshot(page, 'admin-configuration');
    await Promise.all([page.waitForNavigation(), page.locator('button[name=submitSofincoTest]').click()]);
    const alert = plain(await page.locator('.alert-success, .alert-danger').first().innerText());
    assert.ok(await page.locator('.alert-success').count(), `"Tester la connexion" did not succeed: ${alert}`);
    await page.context().close();
  });
});
