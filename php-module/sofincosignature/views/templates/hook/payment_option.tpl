{* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) *}
<div class="sofinco-payment-option">
  {if $sofinco_test_mode}
    <p class="sofinco-payment-option__test"><strong>{l s='Test mode: only you, logged in to the back office, see this payment method.' d='Modules.Sofincosignature.Shop'}</strong></p>
  {/if}
  <p>{l s='You will be sent to Sofinco to fill in and sign your credit application electronically, then brought back to the shop.' d='Modules.Sofincosignature.Shop'}</p>
  {if $sofinco}
    {include file='module:sofincosignature/views/templates/hook/simulator_example.tpl'}
    <p class="sofinco-simulator__legal">{$sofinco.legal_notice|escape:'html':'UTF-8'}</p>
  {/if}
</div>
