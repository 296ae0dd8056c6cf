{* The headline instalment with its representative example (Code de la consommation L312-6):
   TAEG fixe in the largest characters of the block, duration, total due, cost; shared by the
   simulator and the payment option. *}
<p class="sofinco-simulator__from">
  {l s='from' mod='sofincosignature'} <strong class="sofinco-simulator__monthly">{$sofinco.from_monthly|escape:'html':'UTF-8'}{l s='/month' mod='sofincosignature'}</strong>
  {l s='over' mod='sofincosignature'} {$sofinco.example.months|intval} {l s='months' mod='sofincosignature'},
  <span class="sofinco-simulator__taeg">{l s='APR (TAEG)' mod='sofincosignature'} <strong class="sofinco-simulator__taeg-value">{$sofinco.example.taeg|escape:'html':'UTF-8'}</strong></span>{if $sofinco.example.free} <span class="sofinco-simulator__free">{l s='free of charge' mod='sofincosignature'}</span>{/if}
</p>
<p class="sofinco-simulator__example">
  <strong>{l s='Representative example:' mod='sofincosignature'}</strong>
  {l s='for a purchase of' mod='sofincosignature'} {$sofinco.amount|escape:'html':'UTF-8'},
  {l s='you repay' mod='sofincosignature'} {$sofinco.example.months|intval} {l s='monthly payments of' mod='sofincosignature'} {$sofinco.example.monthly|escape:'html':'UTF-8'}{if $sofinco.example.uneven} ({l s='first' mod='sofincosignature'} {$sofinco.example.first|escape:'html':'UTF-8'}, {l s='last' mod='sofincosignature'} {$sofinco.example.last|escape:'html':'UTF-8'}){/if}.
  {l s='APR (TAEG):' mod='sofincosignature'} {$sofinco.example.taeg|escape:'html':'UTF-8'}.
  {l s='Fixed borrowing rate:' mod='sofincosignature'} {$sofinco.example.debit_rate|escape:'html':'UTF-8'}.
  {l s='Total amount due:' mod='sofincosignature'} {$sofinco.example.total|escape:'html':'UTF-8'}.
  {l s='Cost of credit:' mod='sofincosignature'} {$sofinco.example.cost|escape:'html':'UTF-8'}{if $sofinco.example.free} ({l s='free of charge' mod='sofincosignature'}){/if}.
  {l s='Fees:' mod='sofincosignature'} {$sofinco.example.fees|escape:'html':'UTF-8'}.
</p>
