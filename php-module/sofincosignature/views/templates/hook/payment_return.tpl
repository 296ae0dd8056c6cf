<section class="sofinco-payment-return">
  <p>{$sofinco_message|escape:'html':'UTF-8'}</p>
  <p>{l s='Order reference:' mod='sofincosignature'} <strong>{$sofinco_reference|escape:'html':'UTF-8'}</strong></p>
</section>
