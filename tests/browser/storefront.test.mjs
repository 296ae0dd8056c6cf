// The simulator as a customer meets it (issue 22): it follows PrestaShop's AJAX refreshes (a cart
// quantity change, a combination at another price) without a reload and disappears under the
// minimum; the advertised instalment carries its representative example with the TAEG as the
// largest figure (computed font sizes) and free offers say so; at 375 px every figure of the
// offers is on screen, labelled, with no hidden horizontal scroll.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, launch, newPage, plain, LEGAL, MOBILE, DESKTOP } from './support.mjs';

const s = setup();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const block = (page, where) => page.locator(`section.sofinco-simulator--${where}`);

/**
 * Waits until the block's "Voir les offres pour …" names `amount` (plain spaces; a string, or a
 * regular expression's source), or fails saying what it shows.
 */
async function offersFor(page, where, amount) {
  const pattern = amount instanceof RegExp ? amount.source : amount.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$';
  try {
    await page.waitForFunction(([where, pattern]) => {
      const summary = document.querySelector(`section.sofinco-simulator--${where} summary`);
      return summary && new RegExp(pattern).test(summary.textContent.replace(/[\s\u00a0\u202f]+/g, ' ').trim());
    }, [where, pattern], { timeout: 15000 });
  } catch {
    const shown = await block(page, where).locator('summary').allInnerTexts();
    assert.fail(`the ${where} simulator does not show the offers for ${amount}: ${JSON.stringify(shown.map(plain))}`);
  }
}

/** Changes the sandbox's injected faults (its control route). */
async function sandboxFaults(faults) {
  const r = await fetch(`${s.sandboxUrl}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  assert.ok(r.ok, `sandbox faults: HTTP ${r.status}`);
}

async function addToCart(page, url, quantity = 1) {
  await page.goto(url);
  if (quantity > 1) await page.locator('#quantity_wanted').fill(String(quantity));
  await page.locator('#add-to-cart-or-refresh button.add-to-cart').click();
  await page.locator('#blockcart-modal').waitFor();
  await page.goto(s.shopUrl + 'index.php?controller=cart&action=show');
}

describe('the simulator follows the page without a reload', () => {
  it('a cart quantity change updates the offers', async () => {
    const page = await newPage(browser, DESKTOP);
    await addToCart(page, s.productUrl);
    await offersFor(page, 'cart', '1 290,00 €');
    const before = plain(await block(page, 'cart').locator('.sofinco-simulator__from strong').first().innerText());
    await page.locator('.cart-item .bootstrap-touchspin-up, .cart-item .js-increase-product-quantity').first().click();
    await offersFor(page, 'cart', '2 580,00 €');
    const after = plain(await block(page, 'cart').locator('.sofinco-simulator__from strong').first().innerText());
    assert.notEqual(after, before, 'the monthly payment stayed the 1 290,00 € one');
    await page.context().close();
  });

  it('a quantity change under the minimum hides the offers, back over it shows them', async () => {
    const page = await newPage(browser, DESKTOP);
    await addToCart(page, s.cheapUrl, 5); // 5 × 22,94 € ≈ 114,7x € (PrestaShop rounds the total), the minimum is 100 €
    await offersFor(page, 'cart', /114,7\d €$/);
    await page.locator('.cart-item .bootstrap-touchspin-down, .cart-item .js-decrease-product-quantity').first().click();
    await assert.doesNotReject(block(page, 'cart').waitFor({ state: 'detached', timeout: 15000 }), 'the offers for 114,7x € stayed under the minimum (4 × 22,94 €)');
    await page.locator('.cart-item .bootstrap-touchspin-up, .cart-item .js-increase-product-quantity').first().click();
    await offersFor(page, 'cart', /114,7\d €$/);
    await page.context().close();
  });

  it('a combination at another price updates the offers, the refresh never waiting on Sofinco', async () => {
    const page = await newPage(browser, DESKTOP);
    await page.goto(s.armchairUrl);
    await offersFor(page, 'product', '1 290,00 €');
    // Sofinco answers in 1.5 s and L's offers are not cached: PrestaShop's refresh of the
    // product block must not wait for them (the offers come after, from the endpoint).
    await sandboxFaults({ latency_ms: 1500 });
    try {
      const refresh = page.waitForResponse((r) => r.url().includes('controller=product') && r.request().method() === 'POST');
      const started = Date.now();
      await page.locator('.product-variants select').first().selectOption({ label: 'L' });
      await refresh;
      const waited = Date.now() - started;
      assert.ok(waited < 1500, `PrestaShop's product refresh waited ${waited} ms, Sofinco's latency`);
      await offersFor(page, 'product', '1 790,00 €');
    } finally {
      await sandboxFaults({ latency_ms: 0 });
    }
    await page.context().close();
  });
});

describe('the advert (Code de la consommation, L312-4 to L312-10)', () => {
  it('carries the representative example, the TAEG its largest figure, free offers said free', async () => {
    const page = await newPage(browser, DESKTOP);
    await page.goto(s.productUrl);
    const section = block(page, 'product');
    await section.waitFor();
    const headline = plain(await section.locator('.sofinco-simulator__from').innerText());
    assert.match(headline, /^à partir de \d+,\d{2} €\/mois sur \d+ mois, TAEG fixe \d+,\d{2} %$/, `headline: ${headline}`);
    const example = plain(await section.locator('.sofinco-simulator__example').innerText());
    for (const part of [/^Exemple représentatif : pour un achat de 1 290,00 €, vous remboursez \d+ mensualités de \d+,\d{2} €/, /TAEG fixe : \d+,\d{2} %\./,
      /Taux débiteur fixe : \d+,\d{2} %\./, /Montant total dû : [\d ]+,\d{2} €\./, /Coût du crédit : [\d ]+,\d{2} €/]) {
      assert.match(example, part, `the representative example lacks ${part}: ${example}`);
    }
    assert.equal(plain(await section.locator('.sofinco-simulator__legal').innerText()), LEGAL);
    await section.locator('summary').click();
    // Every element of the block showing a figure, with its computed font size.
    const figures = await section.evaluate((root) => [...root.querySelectorAll('*')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && /\d/.test(n.textContent)) && el.getClientRects().length > 0)
      .map((el) => ({ text: el.textContent.trim().slice(0, 30), size: parseFloat(getComputedStyle(el).fontSize), taeg: el.matches('.sofinco-simulator__taeg-value') })));
    const taeg = figures.filter((f) => f.taeg);
    assert.equal(taeg.length, 1, 'one advertised TAEG');
    const larger = figures.filter((f) => !f.taeg && f.size >= taeg[0].size);
    assert.deepEqual(larger, [], `figures as large as the TAEG (${taeg[0].size}px)`);
    assert.ok(figures.length > 20, 'the offers were measured too');
    const rows = (await section.locator('tbody tr').allInnerTexts()).map(plain);
    const free = rows.filter((r) => / 0,00 %/.test(r));
    assert.ok(free.length >= 2, `no free 3x/4x offers: ${JSON.stringify(rows)}`);
    for (const row of free) assert.match(row, /sans frais/, `a free offer does not say so: ${row}`);
    for (const row of rows.filter((r) => !/ 0,00 %/.test(r))) assert.doesNotMatch(row, /sans frais/);
    await page.context().close();
  });

  it('at 375 px every figure of the offers is on screen and labelled, no hidden scroll', async () => {
    const page = await newPage(browser, MOBILE);
    await page.goto(s.productUrl);
    const section = block(page, 'product');
    await section.locator('summary').click();
    const layout = await section.evaluate((root) => {
      const box = root.getBoundingClientRect();
      const scroller = root.querySelector('.sofinco-simulator__scroll');
      return {
        hidden: scroller.scrollWidth - scroller.clientWidth,
        cells: [...root.querySelectorAll('tbody td')].map((td) => {
          const r = td.getBoundingClientRect();
          return { text: td.innerText.trim(), label: getComputedStyle(td, '::before').content, inside: r.left >= box.left - 1 && r.right <= Math.min(box.right, innerWidth) + 1 };
        }),
      };
    });
    assert.ok(layout.hidden <= 0, `the offers scroll sideways inside the block: ${layout.hidden}px hidden`);
    const outside = layout.cells.filter((c) => !c.inside);
    assert.deepEqual(outside, [], 'figures cut off at 375 px');
    for (const label of ['Montant total dû', 'Coût du crédit', 'Mensualité', 'TAEG fixe']) {
      assert.ok(layout.cells.some((c) => c.label.includes(label)), `no "${label}" beside its figures at 375 px`);
    }
    await page.context().close();
  });
});
