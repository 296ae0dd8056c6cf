<section class="sofinco-simulator sofinco-simulator--{$sofinco_where|escape:'html':'UTF-8'}" aria-labelledby="sofinco-simulator-title-{$sofinco_where|escape:'html':'UTF-8'}">
  <h3 class="sofinco-simulator__title" id="sofinco-simulator-title-{$sofinco_where|escape:'html':'UTF-8'}">
    {l s='Pay in instalments with Sofinco' mod='sofincosignature'}
  </h3>
  {include file='module:sofincosignature/views/templates/hook/simulator_example.tpl'}
  <details class="sofinco-simulator__details">
    <summary>{l s='See the offers for' mod='sofincosignature'} {$sofinco.amount|escape:'html':'UTF-8'}</summary>
    <div class="sofinco-simulator__scroll">
      <table class="sofinco-simulator__offers">
        <caption class="sofinco-visually-hidden">{l s='Credit offers' mod='sofincosignature'}</caption>
        <thead>
          <tr>
            <th scope="col">{l s='Duration' mod='sofincosignature'}</th>
            <th scope="col">{l s='Monthly payment' mod='sofincosignature'}</th>
            <th scope="col">{l s='APR (TAEG)' mod='sofincosignature'}</th>
            <th scope="col">{l s='Total due' mod='sofincosignature'}</th>
            <th scope="col">{l s='Cost of credit' mod='sofincosignature'}</th>
          </tr>
        </thead>
        <tbody>
          {foreach from=$sofinco.offers item=offer}
            {* data-label: the column's name, shown before each figure when a phone stacks the rows. *}
            <tr>
              <th scope="row">{$offer.months|intval} {l s='months' mod='sofincosignature'}{if $offer.free} <span class="sofinco-simulator__free">{l s='free of charge' mod='sofincosignature'}</span>{/if}</th>
              <td data-label="{l s='Monthly payment' mod='sofincosignature'}">{$offer.monthly|escape:'html':'UTF-8'}{if $offer.uneven}<br><small>{l s='first' mod='sofincosignature'} {$offer.first|escape:'html':'UTF-8'}, {l s='last' mod='sofincosignature'} {$offer.last|escape:'html':'UTF-8'}</small>{/if}</td>
              <td data-label="{l s='APR (TAEG)' mod='sofincosignature'}" class="sofinco-simulator__offer-taeg">{$offer.taeg|escape:'html':'UTF-8'}</td>
              <td data-label="{l s='Total due' mod='sofincosignature'}">{$offer.total|escape:'html':'UTF-8'}</td>
              <td data-label="{l s='Cost of credit' mod='sofincosignature'}">{$offer.cost|escape:'html':'UTF-8'}</td>
            </tr>
          {/foreach}
        </tbody>
      </table>
    </div>
  </details>
  <p class="sofinco-simulator__legal">{$sofinco.legal_notice|escape:'html':'UTF-8'}</p>
</section>
