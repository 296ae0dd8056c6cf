// The sandbox's journey page on its own, in Chromium: a logged-in customer with the sofa in
// her cart is sent to Sofinco (the module's redirect controller gives the journey_url); she
// refuses, leaves, then signs, each time following "Retour à la boutique" to the shop's return
// page. Also: the page at 375 px, its labels and button names, the error when the box is not ticked.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, shop, launch, newPage, screenshot, plain, overflow, unlabelled, lowContrast, MOBILE } from './support.mjs';

const s = setup();
let browser;
let page;

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await page.goto(s.shopUrl + 'index.php?controller=authentication');
  await page.locator('#login-form input[name=email]').fill(s.customer.email);
  await page.locator('#login-form input[name=password]').fill(s.customer.password);
  await page.locator('#login-form button#submit-login').click();
  await page.waitForURL((u) => !u.href.includes('controller=authentication'));
});
after(async () => { await browser?.close(); });

/** The sofa in the cart (once), then the module sends her to Sofinco: the journey_url. */
async function openJourney() {
  await page.goto(s.shopUrl + 'index.php?controller=cart&action=show');
  const count = Number((await page.locator('.cart-products-count').first().innerText()).replace(/\D/g, '') || '0');
  if (count === 0) {
    await page.goto(s.productUrl);
    await page.locator('#add-to-cart-or-refresh button.add-to-cart').click();
    await page.locator('#blockcart-modal').waitFor();
  }
  await page.goto(s.shopUrl + 'index.php?fc=module&module=sofincosignature&controller=redirect');
  assert.ok(page.url().startsWith(s.sandboxUrl + '/journey/'), `the redirect did not lead to the journey page: ${page.url()}`);
  return page.url();
}

/** Clicks "Retour à la boutique" and returns the shop page's main text. */
async function backToShop() {
  const back = page.getByRole('link', { name: 'Retour à la boutique' });
  await assert.doesNotReject(back.waitFor(), 'no "Retour à la boutique" link after the journey');
  const href = await back.getAttribute('href');
  assert.match(href, /controller=return/, `"Retour à la boutique" does not lead to the return page: ${href}`);
  await back.click();
  await page.waitForURL((u) => u.href.startsWith(s.shopUrl));
  return { href, text: plain(await page.locator('#main, main').first().innerText()) };
}

describe('the sandbox journey page', () => {
  it('is readable at 375 px, labels its fields and names its buttons', async () => {
    await page.setViewportSize(MOBILE);
    await openJourney();
    const text = plain(await page.locator('main').innerText());
    assert.match(text, /Montant financé 1 290,00 €/, `amount (one sofa in the cart): ${text}`);
    const { scrollWidth, innerWidth } = await overflow(page);
    assert.ok(scrollWidth <= innerWidth, `the journey page overflows at 375 px: ${scrollWidth} > ${innerWidth}`);
    assert.deepEqual(await unlabelled(page, 'main'), []);
    const bad = (await lowContrast(page, 'main')).filter((r) => r.ratio < r.needed);
    assert.deepEqual(bad, [], 'journey page text under WCAG AA contrast');
    await screenshot(page, 'journey-page-mobile');
    // Signing without ticking the box: an error, still on the journey.
    await page.getByRole('button', { name: 'Signer mon contrat' }).click();
    await assert.doesNotReject(page.getByRole('alert').waitFor(), 'no error when signing without accepting the offer');
    assert.match(plain(await page.getByRole('alert').innerText()), /accept/i);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('refuse: the return page says no order was placed, the cart is kept', async () => {
    await openJourney();
    await page.getByRole('button', { name: 'Refuser' }).click();
    const { href, text } = await backToShop();
    // Sofinco's notification usually closed the attempt before the click: the page still asks
    // Sofinco why, and says it was refused.
    assert.match(text, /Sofinco n'a pas accepté votre demande de crédit\. Aucune commande n'a été passée/, `return page: ${text}`);
    assert.deepEqual(await unlabelled(page, 'section.sofinco-outcome'), []);
    // The module's own text; the "Retour à mon panier" button wears the theme's btn-primary
    // (classic: white on #24b9d7, 2.3:1), the theme's choice rather than the module's.
    const bad = (await lowContrast(page, '.sofinco-outcome__message, .sofinco-outcome__order')).filter((r) => r.ratio < r.needed);
    assert.deepEqual(bad, [], 'return page text under WCAG AA contrast');
    await screenshot(page, 'return-refused');
    assert.equal(shop('order', new URL(href).searchParams.get('ref')), null, 'an order was made for a refused dossier');
    assert.ok(await page.getByRole('link', { name: /cart|panier/i }).count(), 'no link back to the cart');
  });

  it('leave: the return page says the application was not completed', async () => {
    await openJourney();
    await page.getByRole('button', { name: 'Quitter' }).click();
    const { href, text } = await backToShop();
    assert.match(text, /Votre demande Sofinco n'a pas été finalisée\. Aucune commande n'a été passée/, `return page: ${text}`);
    assert.equal(shop('order', new URL(href).searchParams.get('ref')), null, 'an order was made for an abandoned dossier');
  });

  it('sign: "Retour à la boutique" leads to the return page, then the confirmation', async () => {
    await openJourney();
    assert.match(plain(await page.locator('main').innerText()), /Montant financé 1 290,00 €/, 'the kept cart is not the one sofa');
    await page.getByLabel("J'accepte l'offre de crédit").check();
    await page.getByRole('button', { name: 'Signer mon contrat' }).click();
    const outcome = plain(await page.locator('main').innerText());
    assert.match(outcome, /SBX\d+/, `no contract number after signing: ${outcome}`);
    await screenshot(page, 'journey-signed');
    const { href } = await backToShop();
    await page.waitForURL(/controller=order-confirmation/);
    const confirmation = plain(await page.locator('section.sofinco-payment-return').innerText());
    assert.match(confirmation, /Votre commande est enregistrée\. Sofinco étudie votre demande de crédit/, `confirmation: ${confirmation}`);
    const order = shop('order', new URL(href).searchParams.get('ref'));
    assert.equal(order?.state, 'SOFINCO_OS_IN_STUDY');
    // The same link again (a reload, a second tab): still one order, the module's own confirmation.
    await page.goto(href);
    assert.equal(shop('order', new URL(href).searchParams.get('ref')).orders_of_cart, 1);
  });
});
