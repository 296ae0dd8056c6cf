{* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) *}
<div class="card mt-2 panel" id="sofinco-order-panel">
  <div class="card-header"><h3 class="card-header-title">Sofinco</h3></div>
  <div class="card-body">
    {if $sofinco_flash}
      <div class="sofinco-flash" tabindex="-1">
        <div class="alert alert-{if $sofinco_flash.ok}success{else}danger{/if}" role="alert">{$sofinco_flash.message|escape:'html':'UTF-8'}</div>
        {if $sofinco_flash.warning}<div class="alert alert-warning" role="alert">{$sofinco_flash.warning|escape:'html':'UTF-8'}</div>{/if}
      </div>
      {* The merchant clicked in this panel: its result is shown here, scrolled into view. *}
      <script>
        window.addEventListener('load', function () {
          var flash = document.querySelector('#sofinco-order-panel .sofinco-flash');
          if (!flash) { return; }
          // Below the back office's fixed header (about 150 px), not under it.
          window.scrollTo(0, Math.max(0, flash.getBoundingClientRect().top + window.pageYOffset - 220));
          flash.focus({ preventScroll: true });
        });
      </script>
    {/if}
    {if $sofinco_missing}<div class="alert alert-danger">{$sofinco_missing|escape:'html':'UTF-8'}</div>{/if}
    {if $sofinco_left}
      <div class="alert alert-warning sofinco-left" role="status">
        <p><strong>{l s='This order no longer follows Sofinco.' d='Modules.Sofincosignature.Admin'}</strong>
          {l s='Its state was changed by hand: the module no longer updates it and its Sofinco actions are off. Set a Sofinco state again to bring it back.' d='Modules.Sofincosignature.Admin'}</p>
        <p class="sofinco-live mb-0">
          {if $sofinco_live.ok}
            {l s='What Sofinco says now:' d='Modules.Sofincosignature.Admin'}
            <strong class="sofinco-live-state">{if $sofinco_live.state}{$sofinco_live.state|escape:'html':'UTF-8'}{else}{l s='unknown status' d='Modules.Sofincosignature.Admin'}{/if}</strong>
            ({l s='code' d='Modules.Sofincosignature.Admin'} <span class="sofinco-live-code">{$sofinco_live.code|escape:'html':'UTF-8'}</span>).
          {else}
            {l s='Sofinco\'s current status could not be read:' d='Modules.Sofincosignature.Admin'} {$sofinco_live.error|escape:'html':'UTF-8'}
          {/if}
        </p>
      </div>
    {/if}
    {if $sofinco_held}
      <div class="alert alert-danger sofinco-held" role="status">
        <p><strong>{l s='Held: Sofinco\'s dossier does not pay for this order as it is.' d='Modules.Sofincosignature.Admin'}</strong></p>
        <p class="mb-0">{if $sofinco_held == 'currency'}{l s='The order is not in euros, and Sofinco lends in euros only.' d='Modules.Sofincosignature.Admin'}{else}{l s='The order\'s total changed after the customer signed: the order cannot go to funding.' d='Modules.Sofincosignature.Admin'}{/if}
          {l s='Cancel the dossier at Sofinco (the customer may then pay otherwise), or set the order\'s state by hand once settled with the customer.' d='Modules.Sofincosignature.Admin'}</p>
      </div>
    {/if}
    <dl class="row">
      <dt class="col-sm-5">{l s='Amount lent by Sofinco' d='Modules.Sofincosignature.Admin'}</dt><dd class="col-sm-7 sofinco-lent">{if $sofinco_lent}{$sofinco_lent|escape:'html':'UTF-8'}{else}—{/if}</dd>
      <dt class="col-sm-5">{l s='Order total' d='Modules.Sofincosignature.Admin'}</dt><dd class="col-sm-7 sofinco-order-total">{$sofinco_order_total|escape:'html':'UTF-8'}</dd>
      <dt class="col-sm-5">{l s='ID Order Sofinco' d='Modules.Sofincosignature.Admin'}</dt><dd class="col-sm-7 sofinco-reference">{$sofinco_dossier.order_reference|escape:'html':'UTF-8'}</dd>
      <dt class="col-sm-5">{l s='Sofinco contract number' d='Modules.Sofincosignature.Admin'}</dt><dd class="col-sm-7 sofinco-contract">{$sofinco_dossier.contract_id|escape:'html':'UTF-8'}</dd>
      <dt class="col-sm-5">{l s='Sofinco status code' d='Modules.Sofincosignature.Admin'}</dt><dd class="col-sm-7 sofinco-code">{$sofinco_dossier.sofinco_status|escape:'html':'UTF-8'}</dd>
      <dt class="col-sm-5">{l s='Signature date' d='Modules.Sofincosignature.Admin'}</dt><dd class="col-sm-7 sofinco-signature">{if $sofinco_signature_date_text}{$sofinco_signature_date_text|escape:'html':'UTF-8'}{else}—{/if}</dd>
      <dt class="col-sm-5">{l s='End of withdrawal period' d='Modules.Sofincosignature.Admin'}</dt>
      <dd class="col-sm-7 sofinco-withdrawal">{if $sofinco_withdrawal_end_text}{$sofinco_withdrawal_end_text|escape:'html':'UTF-8'}{if $sofinco_withdrawal_running} <span class="badge badge-warning">{l s='running' d='Modules.Sofincosignature.Admin'}</span>{/if}{else}—{/if}</dd>
      <dt class="col-sm-5">{l s='Mode' d='Modules.Sofincosignature.Admin'}</dt><dd class="col-sm-7">{$sofinco_dossier.mode|escape:'html':'UTF-8'}</dd>
    </dl>
    {if $sofinco_other_dossiers}
      <div class="sofinco-other-dossiers">
        <p class="mb-1"><strong>{l s='Other Sofinco journeys for this cart' d='Modules.Sofincosignature.Admin'}</strong></p>
        <ul>
          {foreach $sofinco_other_dossiers as $other}
            <li class="sofinco-other{if $other.cancelled} sofinco-other-cancelled{/if}"><span class="sofinco-other-reference">{$other.reference|escape:'html':'UTF-8'}</span>: {$other.status|escape:'html':'UTF-8'}</li>
          {/foreach}
        </ul>
      </div>
    {/if}
    {if $sofinco_can_fund || $sofinco_can_cancel}
      <form method="post" action="{$sofinco_action|escape:'html':'UTF-8'}" class="sofinco-actions">
        {if $sofinco_can_fund}
          {if $sofinco_withdrawal_running}<p class="text-warning">{l s='The withdrawal period is not over yet.' d='Modules.Sofincosignature.Admin'}</p>{/if}
          <button type="submit" name="submitSofincoFund" value="1" class="btn btn-primary"
            onclick="return confirm({$sofinco_fund_confirm_js|escape:'html':'UTF-8'});">{l s='Valider la demande de financement' d='Modules.Sofincosignature.Admin'}</button>
        {/if}
        {if $sofinco_can_cancel}
          <button type="submit" name="submitSofincoCancel" value="1" class="btn btn-outline-danger btn-default"
            onclick="return confirm('{l s='Cancel this dossier at Sofinco? The customer\'s credit will not be granted.' d='Modules.Sofincosignature.Admin' js=1}');">{l s='Annuler le dossier chez Sofinco' d='Modules.Sofincosignature.Admin'}</button>
        {/if}
      </form>
    {/if}
  </div>
</div>
