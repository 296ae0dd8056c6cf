// The whole purchase as a person does it, in headless Chromium: a guest and a logged-in
// customer buy the 1 290,00 € sofa with Sofinco (product page with the simulator, cart,
// checkout, the sandbox's journey page, "Retour à la boutique", the confirmation), then the
// merchant finds the order in the real back office and asks Sofinco for the funding.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, shop, launch, newPage, screenshot, plain, unlabelled, lowContrast, LEGAL, DESKTOP, MOBILE } from './support.mjs';

const s = setup();
const OPTION = 'Payez en plusieurs fois avec Sofinco';
let browser;
const bought = {};

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Product page → cart → checkout's payment step, for a page whose customer is set up. */
async function toPaymentStep(page, guest) {
  await page.goto(s.productUrl);
  await assert.doesNotReject(page.locator('section.sofinco-simulator').waitFor(), 'no Sofinco simulator on the product page');
  await page.locator('#add-to-cart-or-refresh button.add-to-cart').click();
  await page.locator('#blockcart-modal a.btn-primary').click(); // "Proceed to checkout" in the cart modal
  await page.waitForURL(/controller=cart/);
  assert.ok((await page.locator('section.sofinco-simulator--cart').innerText()).includes(OPTION), 'no simulator on the cart page');
  await page.locator('.cart-detailed-actions a.btn-primary').click();
  await page.waitForURL(/controller=order/);
  if (guest) {
    const form = page.locator('#customer-form');
    await form.locator('#field-id_gender-2').check();
    await form.locator('#field-firstname').fill(guest.firstname);
    await form.locator('#field-lastname').fill(guest.lastname);
    await form.locator('#field-email').fill(guest.email);
    for (const box of await form.locator('input[type=checkbox][required]').all()) await box.check();
    await form.locator('button[name=continue]').click();
    const address = page.locator('#checkout-addresses-step');
    await address.locator('input[name=address1]').fill('3 place du Marché');
    await address.locator('input[name=postcode]').fill('69002');
    await address.locator('input[name=city]').fill('Lyon');
    const phone = address.locator('input[name=phone]');
    if (await phone.count()) await phone.fill('0612345678');
  }
  await page.locator('button[name=confirm-addresses]').click();
  await page.locator('button[name=confirmDeliveryOption]').click();
  await page.locator('#checkout-payment-step.-current').waitFor();
}

/** Chooses Sofinco, ticks the terms when shown, clicks the order button: lands on Sofinco's page. */
async function payWithSofinco(page, shot) {
  const option = page.locator('.payment-option', { hasText: OPTION });
  await assert.doesNotReject(option.waitFor(), `"${OPTION}" is not among the payment options`);
  await option.locator('input[type=radio]').check();
  const details = page.locator('.additional-information:visible .sofinco-payment-option');
  await details.waitFor();
  assert.ok(plain(await details.innerText()).includes(LEGAL), 'the payment option does not show the legal notice');
  assert.deepEqual(await unlabelled(page, '#checkout-payment-step'), [], 'payment step: unlabelled fields or unnamed buttons');
  const bad = (await lowContrast(page, '.sofinco-payment-option')).filter((r) => r.ratio < r.needed);
  assert.deepEqual(bad, [], 'payment option text under WCAG AA contrast');
  if (shot) await screenshot(page, 'checkout-payment-option');
  const terms = page.locator('input[name="conditions_to_approve[terms-and-conditions]"]');
  if (await terms.count()) await terms.check();
  await page.locator('#payment-confirmation button[type=submit]').click();
  await page.waitForURL((u) => u.href.startsWith(s.sandboxUrl + '/journey/'));
}

/** On the sandbox's journey page: accept, sign, then "Retour à la boutique". */
async function signAndReturn(page) {
  await page.getByLabel("J'accepte l'offre de crédit").check();
  await page.getByRole('button', { name: 'Signer mon contrat' }).click();
  const back = page.getByRole('link', { name: 'Retour à la boutique' });
  await back.waitFor();
  const reference = new URL(await back.getAttribute('href')).searchParams.get('ref');
  await back.click();
  await page.waitForURL((u) => u.href.startsWith(s.shopUrl));
  return reference;
}

describe('a customer buys the sofa with Sofinco', () => {
  it('as a guest: checkout, journey signed, confirmation "en étude"', async () => {
    const page = await newPage(browser);
    const email = `invite-${Date.now()}@example.test`;
    await toPaymentStep(page, { firstname: 'Camille', lastname: 'Durand', email });
    await payWithSofinco(page, false);
    assert.match(plain(await page.locator('main').innerText()), /1 290,00 €/, 'the journey page does not show the amount');
    const reference = await signAndReturn(page);
    await page.waitForURL(/controller=order-confirmation/);
    const confirmation = plain(await page.locator('section.sofinco-payment-return').innerText());
    assert.match(confirmation, /Votre commande est enregistrée\. Sofinco étudie votre demande de crédit/, `confirmation wording: ${confirmation}`);
    // "Your order is confirmed" heads the page: the study is said on the first screen, above
    // PrestaShop's order table, at desktop and phone widths.
    for (const viewport of [DESKTOP, MOBILE]) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await page.locator('section.sofinco-payment-return p').first().boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, `at ${viewport.width} px the study is off the first screen: ${JSON.stringify(box)}`);
      const table = await page.locator('#order-items').boundingBox();
      assert.ok(!table || table.y > box.y, `at ${viewport.width} px the message is not above the order table`);
    }
    await page.setViewportSize(DESKTOP);
    const order = shop('order', reference);
    assert.ok(order, `no order for the Sofinco reference ${reference}`);
    assert.equal(order.state, 'SOFINCO_OS_IN_STUDY');
    assert.equal(order.orders_of_cart, 1);
    assert.ok(confirmation.includes(order.reference) || confirmation.includes(reference), `the confirmation does not give the order reference: ${confirmation}`);
    bought.guest = { ...order, sofinco: reference };
    await page.context().close();
  });

  it('logged in: checkout, journey signed (approved at once), confirmation "accepté"', async () => {
    const page = await newPage(browser);
    await page.goto(s.shopUrl + 'index.php?controller=authentication');
    await page.locator('#login-form input[name=email]').fill(s.approvedCustomer.email);
    await page.locator('#login-form input[name=password]').fill(s.approvedCustomer.password);
    await page.locator('#login-form button#submit-login').click();
    await page.waitForURL((u) => !u.href.includes('controller=authentication'));
    await toPaymentStep(page, null);
    await payWithSofinco(page, true);
    await screenshot(page, 'journey-page');
    const reference = await signAndReturn(page);
    await page.waitForURL(/controller=order-confirmation/);
    const confirmation = plain(await page.locator('section.sofinco-payment-return').innerText());
    assert.match(confirmation, /Votre commande est enregistrée et votre crédit Sofinco est accepté\./, `confirmation wording: ${confirmation}`);
    const bad = (await lowContrast(page, 'section.sofinco-payment-return')).filter((r) => r.ratio < r.needed);
    assert.deepEqual(bad, [], 'confirmation text under WCAG AA contrast');
    await page.locator('section.sofinco-payment-return').scrollIntoViewIfNeeded();
    await screenshot(page, 'order-confirmation');
    const order = shop('order', reference);
    assert.equal(order?.state, 'SOFINCO_OS_AWAITING_FUNDING', `order of ${reference}: ${JSON.stringify(order)}`);
    bought.approved = { ...order, sofinco: reference };
    await page.context().close();
  });
});

/** Follows a back-office menu link (the sidebar opens submenus on hover, as a person would). */
async function follow(page, selector) {
  const link = page.locator(selector);
  await assert.doesNotReject(link.waitFor({ state: 'attached' }), `no menu entry ${selector}`);
  await page.goto(await link.evaluate((a) => a.href));
}

describe('the merchant in the back office', () => {
  let page;
  before(async () => {
    assert.ok(bought.guest && bought.approved, 'the purchases above did not complete');
    page = await newPage(browser, { width: 1280, height: 800 }); // the back office fits a 1280 px screen
    page.on('dialog', (dialog) => dialog.accept()); // "Demander le financement ... ?"
    await page.goto(s.adminUrl + 'index.php?controller=AdminLogin');
    await page.locator('#email').fill(s.adminEmail);
    await page.locator('#passwd').fill(s.adminPass);
    await page.locator('#submit_login').click();
    await page.waitForURL((u) => !u.href.includes('AdminLogin'));
  });
  after(async () => { await page?.context().close(); });

  it('the Orders page lists both orders in their Sofinco states', async () => {
    await follow(page, '#subtab-AdminOrders > a');
    const grid = page.locator('#order_grid_table');
    for (const [order, state] of [[bought.guest, 'Dossier en étude Sofinco'], [bought.approved, 'Dossier en attente de financement Sofinco']]) {
      const row = grid.locator('tbody tr', { hasText: order.reference });
      await assert.doesNotReject(row.waitFor(), `order ${order.reference} is not on the Orders page`);
      assert.ok(plain(await row.innerText()).includes(state), `order ${order.reference} is not "${state}": ${plain(await row.innerText())}`);
    }
    await screenshot(page, 'admin-orders');
  });

  it('"Dossiers Sofinco signature" (Commandes menu) filters by state and funds an approved order', async () => {
    // The tab sits in the Orders ("Commandes") menu.
    const tab = page.locator('#subtab-AdminParentOrders #subtab-AdminSofincoDossiers > a');
    assert.equal(plain(await tab.textContent()), 'Dossiers Sofinco signature');
    await follow(page, '#subtab-AdminParentOrders #subtab-AdminSofincoDossiers > a');
    const list = page.locator('table.orders');
    await list.waitFor();
    // PrestaShop's list submits its filter form when the select changes.
    const filter = page.locator('select[name="ordersFilter_a!current_state"]');
    await Promise.all([page.waitForNavigation(), filter.selectOption({ label: 'Dossier en attente de financement Sofinco' })]);
    assert.equal(plain(await filter.locator('option:checked').innerText()), 'Dossier en attente de financement Sofinco');
    const rows = list.locator('tbody tr');
    const texts = (await rows.allInnerTexts()).map(plain);
    assert.ok(texts.length >= 1 && texts.every((t) => t.includes('Dossier en attente de financement Sofinco')), `the state filter kept other states: ${texts.join(' | ')}`);
    assert.ok(texts.some((t) => t.includes(bought.approved.sofinco)), `the approved dossier ${bought.approved.sofinco} is not in the filtered list`);
    assert.ok(!texts.some((t) => t.includes(bought.guest.sofinco)), 'the dossier in study shows under the "en attente de financement" filter');
    const row = rows.filter({ hasText: bought.approved.sofinco });
    await screenshot(page, 'admin-dossiers-tab');
    // PrestaShop's list shows the first row action ("Voir la commande") and puts the others
    // behind its caret button: open it as a person would.
    await row.locator('.dropdown-toggle').click();
    const fund = row.getByRole('button', { name: 'Valider la demande de financement' });
    await assert.doesNotReject(fund.waitFor(), 'no "Valider la demande de financement" on the approved dossier');
    await screenshot(page, 'admin-dossiers-fund');
    await Promise.all([page.waitForNavigation(), fund.click()]);
    const success = plain(await page.locator('.alert-success').first().innerText());
    assert.match(success, /Financement demandé/, `no confirmation of the funding request: ${success}`);
    const order = shop('order', bought.approved.sofinco);
    assert.ok(['SOFINCO_OS_FUNDING_REQUESTED', 'SOFINCO_OS_FUNDED'].includes(order.state), `after the click the order is ${order.state}`);
    // Leave the filter as found, for the next run.
    const reset = page.locator('button[name=submitResetorders]');
    if (await reset.count()) await Promise.all([page.waitForNavigation(), reset.click()]);
  });

  it('the order page has the Sofinco panel and its funding button', async () => {
    // Sofinco approves the guest's dossier; the statuses cron follows.
    shop('sofinco', bought.guest.sofinco, 'AFI');
    assert.equal(shop('order', bought.guest.sofinco).state, 'SOFINCO_OS_AWAITING_FUNDING');
    await follow(page, '#subtab-AdminOrders > a');
    await page.locator('#order_grid_table tbody tr', { hasText: bought.guest.reference }).locator('td.column-reference').click();
    await page.waitForURL(/\/view|vieworder/);
    const panel = page.locator('#sofinco-order-panel');
    await panel.waitFor();
    const text = plain(await panel.innerText());
    assert.ok(text.includes(bought.guest.sofinco), `the panel does not give the Sofinco reference: ${text}`);
    assert.match(text, /SBX/, 'the panel does not give the contract number');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-order-panel');
    await Promise.all([page.waitForNavigation(), panel.getByRole('button', { name: 'Valider la demande de financement' }).click()]);
    const flash = plain(await page.locator('#sofinco-order-panel .alert').first().innerText());
    assert.match(flash, /Financement demandé/, `the panel does not confirm the request: ${flash}`);
    assert.ok(['SOFINCO_OS_FUNDING_REQUESTED', 'SOFINCO_OS_FUNDED'].includes(shop('order', bought.guest.sofinco).state));
  });
});
