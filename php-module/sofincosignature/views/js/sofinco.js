/* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) */
/*
 * Keeps the Sofinco simulator true without a reload: fills the slots a page rendered before
 * the offers were cached (the page never waits on Sofinco), and asks again after
 * PrestaShop's AJAX refreshes: a cart quantity change ("updatedCart") and a combination or
 * quantity change on a product page ("updatedProduct", whose new HTML carries a new slot).
 * The endpoint computes the amount itself from the product or the cart.
 */
(function () {
  'use strict';

  function endpoint(slot) {
    var base = window.sofinco_offers_url;
    if (!base) {
      return null;
    }
    var params = 'ajax=1&where=' + encodeURIComponent(slot.getAttribute('data-sofinco-where') || 'product');
    if (slot.hasAttribute('data-sofinco-product')) {
      params += '&id_product=' + encodeURIComponent(slot.getAttribute('data-sofinco-product'))
        + '&id_product_attribute=' + encodeURIComponent(slot.getAttribute('data-sofinco-attribute') || '0');
    }
    return base + (base.indexOf('?') === -1 ? '?' : '&') + params;
  }

  function fill(slot) {
    var url = endpoint(slot);
    if (!url) {
      return;
    }
    // A later request for the same slot wins over an older one still on its way.
    var ticket = String(Date.now()) + Math.random();
    slot.setAttribute('data-sofinco-ticket', ticket);
    fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .catch(function () { return ''; })
      .then(function (html) {
        if (slot.getAttribute('data-sofinco-ticket') !== ticket) {
          return;
        }
        slot.innerHTML = html;
        slot.removeAttribute('data-sofinco-pending');
        slot.setAttribute('data-sofinco-filled', '1');
      });
  }

  function fillAll(selector) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fill);
  }

  function start() {
    fillAll('.sofinco-slot[data-sofinco-pending]');
    if (window.prestashop && typeof window.prestashop.on === 'function') {
      window.prestashop.on('updatedCart', function () { fillAll('.sofinco-slot[data-sofinco-where="cart"]'); });
      window.prestashop.on('updatedProduct', function () { fillAll('.sofinco-slot[data-sofinco-pending]'); });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
