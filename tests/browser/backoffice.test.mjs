// The merchant's back office at 1280 × 800, as a person uses it (issue 22): "Tester la
// connexion" with wrong then right values (three French answers, nothing saved), every module
// page without sideways scrolling and with named actions, both funding buttons asking first
// and answering where the merchant looks, a failed cron run in red and in French, an order
// moved by hand saying so, a test order marked TEST in the Orders list.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, shop, launch, newPage, screenshot, plain, overflow, unlabelled } from './support.mjs';

const s = setup();
const SCREEN = { width: 1280, height: 800 };
let browser;
let page;

before(async () => {
  browser = await launch();
  page = await newPage(browser, SCREEN);
  await page.goto(s.adminUrl + 'index.php?controller=AdminLogin');
  await page.locator('#email').fill(s.adminEmail);
  await page.locator('#passwd').fill(s.adminPass);
  await page.locator('#submit_login').click();
  await page.waitForURL((u) => !u.href.includes('AdminLogin'));
});
after(async () => { await browser?.close(); });

/** The module's configuration page, through the Module Manager's "Configurer" route. */
async function configurationPage() {
  const token = new URL(page.url()).searchParams.get('_token') || await page.evaluate(() => window.prestashop?.security?.token ?? null);
  if (token) {
    await page.goto(`${s.adminUrl}index.php/improve/modules/manage/action/configure/sofincosignature?_token=${token}`);
  } else {
    await follow('#subtab-AdminModulesSf > a');
    const t = new URL(page.url()).searchParams.get('_token');
    await page.goto(`${s.adminUrl}index.php/improve/modules/manage/action/configure/sofincosignature?_token=${t}`);
  }
  await page.waitForURL(/configure=sofincosignature/);
  await page.locator('input[name=SOFINCO_MERCHANT_ID]').waitFor();
}

/** Follows a back-office menu link (the sidebar opens submenus on hover). */
async function follow(selector) {
  const link = page.locator(selector).first();
  await link.waitFor({ state: 'attached' });
  await page.goto(await link.evaluate((a) => a.href));
}

async function dossiersTab() {
  await page.goto(s.adminUrl + 'index.php?controller=AdminDashboard');
  await follow('#subtab-AdminParentOrders #subtab-AdminSofincoDossiers > a');
  await page.locator('table.orders').waitFor();
}

async function orderPage(order) {
  await page.goto(s.adminUrl + 'index.php?controller=AdminDashboard');
  await follow('#subtab-AdminOrders > a');
  await page.locator('#order_grid_table tbody tr', { hasText: order.reference }).locator('td.column-reference').click();
  await page.waitForURL(/\/view|vieworder/);
  await page.locator('#sofinco-order-panel').waitFor();
}

/**
 * The element is inside the viewport now and not covered (by the back office's fixed header):
 * the merchant sees it without scrolling.
 */
async function inView(locator) {
  const box = await locator.boundingBox();
  if (box === null || box.y < 0 || box.y + Math.min(box.height, 40) > SCREEN.height || box.x < 0 || box.x + box.width > SCREEN.width) return false;
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
    return top !== null && (el === top || el.contains(top));
  });
}

/** Every visible button and link of `scope` lies within the page's width: reachable without sideways scrolling. */
async function offScreen(scope) {
  return page.evaluate((scope) => [...document.querySelectorAll(`${scope} a, ${scope} button`)]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
    .map((el) => (el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)), scope);
}

describe('"Tester la connexion" tests what was typed and saves nothing', () => {
  it('wrong secret, wrong merchant number, right values: three French answers, settings unchanged', async () => {
    const before = shop('config');
    await configurationPage();
    const result = async () => {
      await page.locator('.alert-success, .alert-danger').first().waitFor();
      return plain(await page.locator('.alert-success, .alert-danger').first().innerText()).replace(/^×\s*/, '');
    };
    const test = async () => Promise.all([page.waitForNavigation(), page.locator('button[name=submitSofincoTest]').click()]);

    await page.locator('input[name=SOFINCO_SECRET_PROD]').fill('not-the-secret');
    await test();
    const wrongSecret = await result();
    assert.match(wrongSecret, /Sofinco refuse le ClientId ou le SecretId du mode production/, `wrong secret: ${wrongSecret}`);
    assert.ok(!wrongSecret.includes('not-the-secret'), 'the typed secret is shown back');

    await page.locator('input[name=SOFINCO_MERCHANT_ID]').fill('99999999999');
    await test();
    const wrongMerchant = await result();
    assert.match(wrongMerchant, /Sofinco refuse les identifiants commerçant \(N° de commerçant Web/, `wrong merchant number: ${wrongMerchant}`);
    assert.equal(await page.locator('input[name=SOFINCO_MERCHANT_ID]').inputValue(), '99999999999', 'the tested value is not kept on the form');

    await page.locator('input[name=SOFINCO_MERCHANT_ID]').fill(s.merchantId);
    await test();
    const right = await result();
    assert.match(right, /^Connexion réussie avec 127\.0\.0\.1 en mode production : Sofinco a donné un jeton et répondu à une simulation \(\d+ offres pour 1 000,00 €\)\. Rien n'a été enregistré\./, `right values: ${right}`);
    assert.ok(await page.locator('.alert-success').count(), 'the right values are not a success');
    assert.equal(new Set([wrongSecret, wrongMerchant, right].map((t) => t.replace(/\(\d+ ms\)/, ''))).size, 3, 'the three answers are not different');
    for (const text of [wrongSecret, wrongMerchant, right]) {
      assert.ok(!/token|simulation OK|connected to|Réglages enregistrés/.test(text), `English or a save in: ${text}`);
    }
    assert.deepEqual(shop('config'), before, 'testing the connection changed the stored settings');
    // Reloaded, the page shows the stored values again.
    await configurationPage();
    assert.equal(await page.locator('input[name=SOFINCO_MERCHANT_ID]').inputValue(), s.merchantId);
  });
});

describe('the module pages at 1280 × 800', () => {
  it('the configuration page does not scroll sideways; the crons\' last run is in view', async () => {
    await configurationPage();
    const { scrollWidth, innerWidth } = await overflow(page);
    assert.ok(scrollWidth <= innerWidth, `the configuration page is ${scrollWidth} px wide at ${innerWidth} px`);
    const last = page.locator('#sofinco-crons th', { hasText: 'Dernière exécution' });
    const box = await last.boundingBox();
    assert.ok(box && box.x + box.width <= innerWidth, `"Dernière exécution" is off-screen: ${JSON.stringify(box)}`);
    assert.deepEqual(await offScreen('#content'), [], 'configuration page: actions off-screen');
    assert.deepEqual(await unlabelled(page, '#sofinco-crons, #sofinco-logs'), [], 'configuration page: unnamed actions');
    const help = plain(await page.locator('#content').innerText());
    assert.match(help, /le simulateur et le moyen de paiement ne sont montrés qu'aux visiteurs connectés au back-office/, 'the test mode\'s help does not say it hides the simulator too');
  });

  it('the Dossiers tab: no sideways scrolling, every action in reach and named, the filter titled by the state\'s name', async () => {
    const approved = shop('dossier', 'AFI', '3');
    await dossiersTab();
    const filter = page.locator('select[name="ordersFilter_a!current_state"]');
    await Promise.all([page.waitForNavigation(), filter.selectOption({ label: 'Dossier en attente de financement Sofinco' })]);
    try {
      const { scrollWidth, innerWidth } = await overflow(page);
      assert.ok(scrollWidth <= innerWidth, `the Dossiers tab is ${scrollWidth} px wide at ${innerWidth} px`);
      for (const title of ['ID Order Sofinco', 'Mode']) {
        const th = page.locator('table.orders thead th', { hasText: title }).first();
        const box = await th.boundingBox();
        assert.ok(box && box.x + box.width <= innerWidth, `"${title}" is off-screen: ${JSON.stringify(box)}`);
      }
      const title = plain(await page.locator('.page-head, .toolbar-placeholder, h1, .page-title').first().innerText() + ' ' + await page.title());
      const heading = plain(await page.locator('body').innerText());
      assert.ok(heading.includes('filtré par Statut : Dossier en attente de financement Sofinco'), `the filtered title does not name the state: ${title}`);
      assert.ok(!/filter by|Statut: \d+/.test(heading), 'the filtered title shows the raw state id');
      const row = page.locator('table.orders tbody tr', { hasText: approved.sofinco });
      await row.waitFor();
      assert.deepEqual(await unlabelled(page, 'table.orders tbody'), [], 'Dossiers tab: unnamed buttons');
      const caret = row.getByRole('button', { name: 'Autres actions' });
      await assert.doesNotReject(caret.waitFor(), 'the row\'s caret menu has no accessible name');
      assert.ok(await inView(caret), 'the caret menu is off-screen');
      await caret.click();
      const fund = row.getByRole('button', { name: 'Valider la demande de financement' });
      await fund.waitFor();
      assert.ok(await inView(fund), 'the funding action is off-screen');
      assert.deepEqual(await offScreen('table.orders'), [], 'Dossiers tab: actions off-screen');
      await screenshot(page, 'admin-dossiers-actions-1280');
    } finally {
      const reset = page.locator('button[name=submitResetorders]');
      if (await reset.count()) await Promise.all([page.waitForNavigation(), reset.click()]);
    }
  });
});

describe('both funding buttons ask first and answer where the merchant looks', () => {
  /** Clicks `button`, answers the confirmation with `accept`; returns the dialog's text. */
  async function confirmOnClick(button, accept) {
    let asked = null;
    const answer = async (dialog) => { asked = dialog.message(); await (accept ? dialog.accept() : dialog.dismiss()); };
    page.once('dialog', answer);
    if (accept) await Promise.all([page.waitForNavigation(), button.click()]);
    else { await button.click(); await page.waitForTimeout(300); }
    page.off('dialog', answer);
    return asked;
  }
  const endOf = (daysAgo) => {
    const d = new Date(Date.now() - daysAgo * 86400000 + 14 * 86400000);
    // shop.php dates the signature in UTC: between 23:00 and 24:00 UTC Paris is a day ahead.
    return d.toLocaleDateString('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
  };

  it('from the order page: a confirmation naming the withdrawal end, then the result in the panel, in view', async () => {
    const order = shop('dossier', 'AFI', '3');
    await orderPage(order);
    const { scrollWidth, innerWidth } = await overflow(page);
    assert.ok(scrollWidth <= innerWidth, `the order page is ${scrollWidth} px wide at ${innerWidth} px`);
    assert.deepEqual(await unlabelled(page, '#sofinco-order-panel'), [], 'order panel: unnamed buttons');
    const button = page.locator('#sofinco-order-panel').getByRole('button', { name: 'Valider la demande de financement' });
    await button.scrollIntoViewIfNeeded();
    const refused = await confirmOnClick(button, false);
    assert.ok(refused, 'the order page\'s funding button asks nothing');
    assert.match(refused, /irréversible/, `the confirmation does not say it is irreversible: ${refused}`);
    assert.ok(refused.includes(endOf(3)), `the confirmation does not give the withdrawal end ${endOf(3)}: ${refused}`);
    assert.equal(shop('order', order.sofinco).state, 'SOFINCO_OS_AWAITING_FUNDING', 'dismissing the confirmation still asked for the funding');
    await confirmOnClick(button, true);
    const flash = page.locator('#sofinco-order-panel .alert-success').first();
    await flash.waitFor();
    assert.match(plain(await flash.innerText()), /Financement demandé/);
    await page.waitForTimeout(500); // the panel scrolls itself into view once loaded
    assert.ok(await inView(flash), 'the funding result is not where the merchant is looking');
    assert.ok(['SOFINCO_OS_FUNDING_REQUESTED', 'SOFINCO_OS_FUNDED'].includes(shop('order', order.sofinco).state));
    await screenshot(page, 'admin-order-funded');
  });

  it('from the Dossiers tab: the same confirmation, then the result at the top of the list, in view', async () => {
    const order = shop('dossier', 'AFI', '3');
    await dossiersTab();
    const row = page.locator('table.orders tbody tr', { hasText: order.sofinco });
    await row.getByRole('button', { name: 'Autres actions' }).click();
    const fund = row.getByRole('button', { name: 'Valider la demande de financement' });
    const refused = await confirmOnClick(fund, false);
    assert.match(refused ?? '', /irréversible/, `the tab's confirmation: ${refused}`);
    assert.ok(refused.includes(endOf(3)), `the tab's confirmation does not give the withdrawal end ${endOf(3)}: ${refused}`);
    assert.equal(shop('order', order.sofinco).state, 'SOFINCO_OS_AWAITING_FUNDING');
    if (!(await fund.isVisible())) await row.getByRole('button', { name: 'Autres actions' }).click();
    await confirmOnClick(fund, true);
    const success = page.locator('.alert-success').first();
    await success.waitFor();
    assert.match(plain(await success.innerText()), /Financement demandé/);
    assert.ok(await inView(success), 'the tab\'s funding result is off-screen');
  });
});

describe('the crons and the orders left alone', () => {
  it('a failed cron run shows in red, in French, at the shop\'s time', async () => {
    shop('dossier', 'ETU', '20'); // one followed order for the statuses run to fail on
    const run = shop('cron-fails');
    assert.ok(run.summary.errors >= 1, `the run met no error: ${JSON.stringify(run)}`);
    await configurationPage();
    const cell = page.locator('#sofinco-crons .sofinco-cron-statuses td.sofinco-cron-last');
    const text = plain(await cell.innerText());
    const n = run.summary.errors;
    assert.ok(text.includes(n > 1 ? `${n} erreurs` : `${n} erreur`), `no French error count: ${text}`);
    assert.ok(!/\berrors?\b|checked|changed/.test(text), `English in the summary: ${text}`);
    const color = await cell.evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = color.match(/\d+/g).map(Number);
    assert.ok(r > 150 && g < 100 && b < 100, `the failed run is not red: ${color}`);
    const paris = new Date(run.at * 1000).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).replace(' ', ' ');
    const [day, time] = paris.split(/,?\s+/);
    assert.ok(text.includes(day) && text.includes(time), `the last run is not at the shop's time (${paris}): ${text}`);
    await cell.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-crons-failed');
  });

  it('an order moved by hand says it no longer follows Sofinco, and what Sofinco says now', async () => {
    const order = shop('dossier', 'AFI', '3');
    shop('move', String(order.id_order), 'PS_OS_PREPARATION');
    shop('sofinco', order.sofinco, 'REF'); // Sofinco refuses later; the crons leave the order alone
    await orderPage(order);
    const panel = page.locator('#sofinco-order-panel');
    const text = plain(await panel.innerText());
    assert.match(text, /Cette commande ne suit plus Sofinco\./, `the panel does not say the order left Sofinco: ${text}`);
    assert.match(text, /Ce que Sofinco indique maintenant : Dossier refusé Sofinco \(code REF\)/, `the panel does not show Sofinco's refusal: ${text}`);
    assert.equal(await panel.getByRole('button', { name: 'Valider la demande de financement' }).count(), 0, 'a moved order can still be funded');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-order-left');
  });

  it('a test order is marked TEST in the Orders list', async () => {
    const order = shop('dossier', 'ETU', '20', 'TEST');
    await page.goto(s.adminUrl + 'index.php?controller=AdminDashboard');
    await follow('#subtab-AdminOrders > a');
    const row = page.locator('#order_grid_table tbody tr', { hasText: order.reference });
    await row.waitFor();
    assert.match(plain(await row.innerText()), /TEST/, `the test order looks real in the Orders list: ${plain(await row.innerText())}`);
    const real = shop('dossier', 'ETU', '20');
    await page.reload();
    const realRow = page.locator('#order_grid_table tbody tr', { hasText: real.reference });
    assert.doesNotMatch(plain(await realRow.innerText()), /TEST/, 'a production order is marked TEST');
    await screenshot(page, 'admin-orders-test');
  });
});
