<?php
/**
 * The crons from the command line (spec-fr.md §9):
 *   php modules/sofincosignature/cron.php orders|statuses|funding
 * Prints the run's result as JSON. Exit 0 when the run went through (or another run of the
 * task was already under way), 1 on error, 2 on a wrong call.
 */
if (PHP_SAPI !== 'cli') {
    header('HTTP/1.1 403 Forbidden');
    exit;
}

$task = isset($argv[1]) ? $argv[1] : '';
require dirname(__DIR__, 2) . '/config/config.inc.php';
try {
    $context = Context::getContext();
    if (!isset($context->container) && class_exists('PrestaShop\\PrestaShop\\Adapter\\ContainerBuilder')) {
        // validateOrder needs the Symfony container, which a CLI bootstrap does not build.
        $context->container = PrestaShop\PrestaShop\Adapter\ContainerBuilder::getContainer('front', false);
    }
    /** @var SofincoSignature|false $module */
    $module = Module::getInstanceByName('sofincosignature');
    if (!$module || !$module->active) {
        fwrite(STDERR, "The sofincosignature module is not installed or not enabled.\n");
        exit(1);
    }
    if (!in_array($task, SofincoCron::TASKS, true)) {
        fwrite(STDERR, "usage: php modules/sofincosignature/cron.php orders|statuses|funding\n");
        exit(2);
    }
    $result = (new SofincoCron($module))->run($task);
} catch (\Throwable $e) {
    // Whatever failed (the database gone mid-run), the caller still gets its JSON line and
    // the run is recorded (in var/ when the database cannot take it).
    $result = ['task' => (string) $task, 'at' => time(), 'ok' => false, 'error' => SofincoCron::describeFailure($e)];
    if (class_exists('SofincoCronInfo') && in_array($task, SofincoCron::TASKS, true)) {
        SofincoCronInfo::record($task, $result);
    }
}
echo json_encode($result), "\n";
exit($result['ok'] ? 0 : 1);
