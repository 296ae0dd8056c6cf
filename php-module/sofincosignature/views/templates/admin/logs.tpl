{* Copyright (c) 2026 Sofinco and the sofincosignature contributors · SPDX-License-Identifier: MIT (LICENSE) *}
<div class="panel" id="sofinco-logs">
  <h3><i class="icon-file-text"></i> {l s='Logs' d='Modules.Sofincosignature.Admin'}</h3>
  <p>{l s='Errors of the cron tasks and of the calls to Sofinco are written in' d='Modules.Sofincosignature.Admin'} <code>{$sofinco_logs_dir|escape:'html':'UTF-8'}</code>, {l s='one file a day. Send these files to your Sofinco contact when you ask for help.' d='Modules.Sofincosignature.Admin'}</p>
  <p>{l s='Current size:' d='Modules.Sofincosignature.Admin'} <strong class="sofinco-logs-size">{$sofinco_logs_size|escape:'html':'UTF-8'}</strong></p>
  <form method="post" action="{$sofinco_action|escape:'html':'UTF-8'}">
    <button type="submit" name="submitSofincoPurgeLogs" class="btn btn-default" onclick="return confirm('{l s='Delete every log file?' d='Modules.Sofincosignature.Admin' js=1}');">
      <i class="icon-trash"></i> {l s='Empty the logs folder' d='Modules.Sofincosignature.Admin'}
    </button>
    <button type="submit" name="submitSofincoPurgeCache" class="btn btn-default">
      <i class="icon-eraser"></i> {l s='Empty the simulator\'s cache' d='Modules.Sofincosignature.Admin'}
    </button>
  </form>
</div>
