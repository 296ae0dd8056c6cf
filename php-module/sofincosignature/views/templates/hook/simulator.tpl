{* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) *}
<section class="sofinco-simulator sofinco-simulator--{$sofinco_where|escape:'html':'UTF-8'}" aria-labelledby="sofinco-simulator-title-{$sofinco_where|escape:'html':'UTF-8'}">
  <h3 class="sofinco-simulator__title" id="sofinco-simulator-title-{$sofinco_where|escape:'html':'UTF-8'}">
    {l s='Pay in instalments with Sofinco' d='Modules.Sofincosignature.Shop'}
  </h3>
  {include file='module:sofincosignature/views/templates/hook/simulator_example.tpl'}
  <details class="sofinco-simulator__details">
    <summary>{l s='See the offers for' d='Modules.Sofincosignature.Shop'} {$sofinco.amount|escape:'html':'UTF-8'}</summary>
    <div class="sofinco-simulator__scroll">
      <table class="sofinco-simulator__offers">
        <caption class="sofinco-visually-hidden">{l s='Credit offers' d='Modules.Sofincosignature.Shop'}</caption>
        <thead>
          <tr>
            <th scope="col">{l s='Duration' d='Modules.Sofincosignature.Shop'}</th>
            <th scope="col">{l s='Monthly payment' d='Modules.Sofincosignature.Shop'}</th>
            <th scope="col">{l s='APR (TAEG)' d='Modules.Sofincosignature.Shop'}</th>
            <th scope="col">{l s='Total due' d='Modules.Sofincosignature.Shop'}</th>
            <th scope="col">{l s='Cost of credit' d='Modules.Sofincosignature.Shop'}</th>
          </tr>
        </thead>
        <tbody>
          {foreach from=$sofinco.offers item=offer}
            {* data-label: the column's name, shown before each figure when a phone stacks the rows. *}
            <tr>
              <th scope="row">{$offer.months|intval} {l s='months' d='Modules.Sofincosignature.Shop'}{if $offer.free} <span class="sofinco-simulator__free">{l s='free of charge' d='Modules.Sofincosignature.Shop'}</span>{/if}</th>
              <td data-label="{l s='Monthly payment' d='Modules.Sofincosignature.Shop'}">{$offer.monthly|escape:'html':'UTF-8'}{if $offer.uneven}<br><small>{l s='first' d='Modules.Sofincosignature.Shop'} {$offer.first|escape:'html':'UTF-8'}, {l s='last' d='Modules.Sofincosignature.Shop'} {$offer.last|escape:'html':'UTF-8'}</small>{/if}</td>
              <td data-label="{l s='APR (TAEG)' d='Modules.Sofincosignature.Shop'}" class="sofinco-simulator__offer-taeg">{$offer.taeg|escape:'html':'UTF-8'}</td>
              <td data-label="{l s='Total due' d='Modules.Sofincosignature.Shop'}">{$offer.total|escape:'html':'UTF-8'}</td>
              <td data-label="{l s='Cost of credit' d='Modules.Sofincosignature.Shop'}">{$offer.cost|escape:'html':'UTF-8'}</td>
            </tr>
          {/foreach}
        </tbody>
      </table>
    </div>
  </details>
  <p class="sofinco-simulator__legal">{$sofinco.legal_notice|escape:'html':'UTF-8'}</p>
</section>
