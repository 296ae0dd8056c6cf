<div class="sofinco-payment-option">
  {if $sofinco_test_mode}
    <p class="sofinco-payment-option__test"><strong>{l s='Test mode: only you, logged in to the back office, see this payment method.' mod='sofincosignature'}</strong></p>
  {/if}
  <p>{l s='You will be sent to Sofinco to fill in and sign your credit application electronically, then brought back to the shop.' mod='sofincosignature'}</p>
  {if $sofinco}
    {include file='module:sofincosignature/views/templates/hook/simulator_example.tpl'}
    <p class="sofinco-simulator__legal">{$sofinco.legal_notice|escape:'html':'UTF-8'}</p>
  {/if}
</div>
