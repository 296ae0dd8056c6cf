// The whole purchase as a person does it, in headless Chromium: a guest and a logged-in
// customer buy the 1 290,00 € sofa with Sofinco (product page with the simulator, cart,
// checkout, the sandbox's journey page, "Retour à la boutique", the confirmation), then the
// merchant finds the order in the real back office and asks Sofinco for the funding.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, shop, launch, newPage, screenshot, plain, LEGAL } from './support.mjs';

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
async function payWithSofinco(page, name) {
  const option = page.locator('.payment-option', { hasText: OPTION });
  await assert.doesNotReject(option.waitFor(), `"${OPTION}" is not among the payment options`);
  await option.locator('input[type=radio]').check();
  const details = page.locator('.additional-information:visible .sofinco-payment-option');
  await details.waitFor();
  assert.ok(plain(await details.innerText()).includes(LEGAL), 'the payment option does not show the legal notice');
  await screenshot(page, `checkout-payment-option${name ? '' : ''}`);
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
    await payWithSofinco(page, 'guest');
    assert.match(plain(await page.locator('main').innerText()), /1 290,00 €/, 'the journey page does not show the amount');
    const reference = await signAndReturn(page);
    await page.waitForURL(/controller=order-confirmation/);
    const confirmation = plain(await page.locator('section.sofinco-payment-return').innerText());
    assert.match(confirmation, /Votre commande est enregistrée\. Sofinco étudie votre demande de crédit/, `confirmation wording: ${confirmation}`);
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
    await payWithSofinco(page, '');
    await screenshot(page, 'journey-page');
    const reference = await signAndReturn(page);
    await page.waitForURL(/controller=order-confirmation/);
    const confirmation = plain(await page.locator('section.sofinco-payment-return').innerText());
    assert.match(confirmation, /Votre commande est enregistrée et votre crédit Sofinco est accepté\./, `confirmation wording: ${confirmation}`);
    await page.locator('section.sofinco-payment-return').scrollIntoViewIfNeeded();
    await screenshot(page, 'order-confirmation');
    const order = shop('order', reference);
    assert.equal(order?.state, 'SOFINCO_OS_AWAITING_FUNDING', `order of ${reference}: ${JSON.stringify(order)}`);
    bought.approved = { ...order, sofinco: reference };
    await page.context().close();
  });
});
