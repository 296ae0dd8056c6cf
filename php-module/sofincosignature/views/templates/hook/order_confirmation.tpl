{* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) *}
<section class="sofinco-payment-return">
  <p>{$sofinco_message|escape:'html':'UTF-8'}</p>
  <p>{l s='Order reference:' d='Modules.Sofincosignature.Shop'} <strong>{$sofinco_reference|escape:'html':'UTF-8'}</strong></p>
</section>
