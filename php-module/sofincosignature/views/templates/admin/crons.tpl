{* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) *}
<div class="panel" id="sofinco-crons">
  <h3><i class="icon-time"></i> {l s='Cron tasks' d='Modules.Sofincosignature.Admin'}</h3>
  <p>{l s='Three cron tasks must run for orders to follow Sofinco (spec §9). Either add these lines to the server\'s crontab, or call the URLs from your host\'s scheduler.' d='Modules.Sofincosignature.Admin'}</p>
  {* Fixed layout and wrapping commands: the table fits a 1280 px screen, the last run stays in view. *}
  <table class="table" style="table-layout:fixed;width:100%">
    <thead>
      <tr>
        <th scope="col" style="width:10%">{l s='Task' d='Modules.Sofincosignature.Admin'}</th>
        <th scope="col" style="width:62%">{l s='Crontab line' d='Modules.Sofincosignature.Admin'} / {l s='URL' d='Modules.Sofincosignature.Admin'}</th>
        <th scope="col" style="width:28%">{l s='Last run' d='Modules.Sofincosignature.Admin'}</th>
      </tr>
    </thead>
    <tbody>
      {foreach from=$sofinco_crons item=cron}
        <tr class="sofinco-cron-{$cron.task|escape:'html':'UTF-8'}">
          <td><strong>{$cron.task|escape:'html':'UTF-8'}</strong></td>
          <td style="overflow-wrap:anywhere;word-break:break-all">
            <code style="white-space:normal">{$cron.crontab|escape:'html':'UTF-8'}</code><br>
            <code style="white-space:normal">{$cron.url|escape:'html':'UTF-8'}</code>
          </td>
          <td class="sofinco-cron-last{if $cron.failed} sofinco-cron-failed text-danger{/if}{if $cron.late} sofinco-cron-late{/if}"{if $cron.late || $cron.failed} style="color:#c0392b;font-weight:bold"{/if}>
            {if $cron.last_run}{$cron.last_run|escape:'html':'UTF-8'}
              {if $cron.failed}<br><span class="label label-danger sofinco-cron-status">{l s='failed' d='Modules.Sofincosignature.Admin'}</span>{/if}
              <br><small>{$cron.last_summary|escape:'html':'UTF-8'}</small>
            {else}{l s='never' d='Modules.Sofincosignature.Admin'}{/if}
            {if $cron.late}<br><small>{l s='late: check the cron setup' d='Modules.Sofincosignature.Admin'}</small>{/if}
          </td>
        </tr>
      {/foreach}
    </tbody>
  </table>
</div>
