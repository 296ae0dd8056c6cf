{* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) *}
{extends file='page.tpl'}
{block name='page_title'}{$sofinco_title|escape:'html':'UTF-8'}{/block}
{block name='page_content'}
  <section class="sofinco-outcome" aria-live="polite">
    <p class="sofinco-outcome__message">{$sofinco_message|escape:'html':'UTF-8'}</p>
    {if $sofinco_order}
      <p class="sofinco-outcome__order">{$sofinco_order_label|escape:'html':'UTF-8'} <strong>{$sofinco_order|escape:'html':'UTF-8'}</strong></p>
    {else}
      <p><a class="btn btn-primary" href="{$sofinco_cart_url|escape:'html':'UTF-8'}">{$sofinco_cart_label|escape:'html':'UTF-8'}</a></p>
    {/if}
  </section>
{/block}
