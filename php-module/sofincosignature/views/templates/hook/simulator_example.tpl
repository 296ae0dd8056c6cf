{* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) *}
{* The headline instalment with its representative example (Code de la consommation L312-6):
   TAEG fixe in the largest characters of the block, duration, total due, cost; shared by the
   simulator and the payment option. *}
<p class="sofinco-simulator__from">
  {l s='from' d='Modules.Sofincosignature.Shop'} <strong class="sofinco-simulator__monthly">{$sofinco.from_monthly|escape:'html':'UTF-8'}{l s='/month' d='Modules.Sofincosignature.Shop'}</strong>
  {l s='over' d='Modules.Sofincosignature.Shop'} {$sofinco.example.months|intval} {l s='months' d='Modules.Sofincosignature.Shop'},
  <span class="sofinco-simulator__taeg">{l s='APR (TAEG)' d='Modules.Sofincosignature.Shop'} <strong class="sofinco-simulator__taeg-value">{$sofinco.example.taeg|escape:'html':'UTF-8'}</strong></span>{if $sofinco.example.free} <span class="sofinco-simulator__free">{l s='free of charge' d='Modules.Sofincosignature.Shop'}</span>{/if}
</p>
<p class="sofinco-simulator__example">
  <strong>{l s='Representative example:' d='Modules.Sofincosignature.Shop'}</strong>
  {l s='for a purchase of' d='Modules.Sofincosignature.Shop'} {$sofinco.amount|escape:'html':'UTF-8'},
  {l s='you repay' d='Modules.Sofincosignature.Shop'} {$sofinco.example.months|intval} {l s='monthly payments of' d='Modules.Sofincosignature.Shop'} {$sofinco.example.monthly|escape:'html':'UTF-8'}{if $sofinco.example.uneven} ({l s='first' d='Modules.Sofincosignature.Shop'} {$sofinco.example.first|escape:'html':'UTF-8'}, {l s='last' d='Modules.Sofincosignature.Shop'} {$sofinco.example.last|escape:'html':'UTF-8'}){/if}.
  {l s='APR (TAEG):' d='Modules.Sofincosignature.Shop'} {$sofinco.example.taeg|escape:'html':'UTF-8'}.
  {l s='Fixed borrowing rate:' d='Modules.Sofincosignature.Shop'} {$sofinco.example.debit_rate|escape:'html':'UTF-8'}.
  {l s='Total amount due:' d='Modules.Sofincosignature.Shop'} {$sofinco.example.total|escape:'html':'UTF-8'}.
  {l s='Cost of credit:' d='Modules.Sofincosignature.Shop'} {$sofinco.example.cost|escape:'html':'UTF-8'}{if $sofinco.example.free} ({l s='free of charge' d='Modules.Sofincosignature.Shop'}){/if}.
  {l s='Fees:' d='Modules.Sofincosignature.Shop'} {$sofinco.example.fees|escape:'html':'UTF-8'}.
</p>
