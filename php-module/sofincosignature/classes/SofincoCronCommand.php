<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The crons from the command line, inside PrestaShop's own kernel (spec-fr.md §9):
 *   php bin/console sofinco:cron orders|statuses|funding --env=prod
 * Registered by config/services.yml (tag console.command). Prints the run's result as one
 * JSON line (--human: one sentence instead). Exit codes (the extension's verdict,
 * SofincoCron::verdict): 0 the run went through and no dossier failed (or another run of the
 * task was already under way), 1 the run could not run, 2 unknown task, 3 the run went
 * through but failed for some dossiers (the JSON line's summary counts them in `errors`).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputArgument;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;

class SofincoCronCommand extends Command
{
    public const NAME = 'sofinco:cron';

    protected function configure()
    {
        $this->setName(self::NAME)
            ->setDescription('Runs one Sofinco cron task: orders, statuses or funding')
            ->addArgument('task', InputArgument::REQUIRED, 'orders, statuses or funding')
            ->addOption('human', null, InputOption::VALUE_NONE, 'One sentence instead of the JSON line');
    }

    protected function execute(InputInterface $input, OutputInterface $output): int
    {
        $task = (string) $input->getArgument('task');
        if (!in_array($task, SofincoCron::TASKS, true)) {
            $output->writeln('<error>unknown task "' . $task . '": use orders, statuses or funding</error>');
            return 2;
        }
        $module = null;
        try {
            $this->shareKernelContainer();
            /** @var SofincoSignature|false $module */
            $module = Module::getInstanceByName('sofincosignature');
            if (!$module || !$module->active) {
                $output->writeln('<error>The sofincosignature module is not installed or not enabled.</error>');
                return 1;
            }
            $result = (new SofincoCron($module))->run($task);
        } catch (\Throwable $e) {
            // Whatever failed (the database gone mid-run), the caller still gets its line and
            // the run is recorded (in var/ when the database cannot take it).
            $result = SofincoCron::withOutcome(['task' => $task, 'at' => time(), 'ok' => false, 'error' => SofincoCron::describeFailure($e), 'error_code' => SofincoCron::failureCode($e)]);
            SofincoCronInfo::record($task, $result);
        }
        $human = $module ? SofincoCronInfo::sentence($result, $module) : $task . ': ' . $result['error'];
        $output->writeln($input->getOption('human') ? $human : json_encode($result), OutputInterface::OUTPUT_RAW);
        return (int) SofincoCron::verdict($result)['exit_code'];
    }

    /**
     * Legacy code (validateOrder, OrderHistory) looks for the container in the context: give
     * it this kernel's, so the crons run with the services the back office has.
     */
    private function shareKernelContainer()
    {
        $app = $this->getApplication();
        $context = Context::getContext();
        if ($app && method_exists($app, 'getKernel') && empty($context->container)) {
            $context->container = $app->getKernel()->getContainer();
        }
        // PrestaShop 1.7's stock movement repository (reached by validateOrder and OrderHistory
        // through the console's kernel) refuses a context without an employee, or in "all
        // shops"; 8.0+ asks only when it needs them. A stand-in employee naming nobody (id 0: the
        // movement is nobody's). Given an employee, PrestaShop's legacy context adapter sets the
        // back office's shop context once (AdminController::initShopContext: "all shops" for
        // nobody): let it now, then keep the shop the console started in, as a web request does.
        if (version_compare(_PS_VERSION_, '8.0.0', '>=') || $context->employee instanceof Employee || !$context->shop instanceof Shop) {
            return;
        }
        $idShop = (int) $context->shop->id;
        $employee = new Employee();
        $employee->id = 0;
        $employee->id_lang = (int) Configuration::get('PS_LANG_DEFAULT');
        $employee->firstname = '';
        $employee->lastname = '';
        $context->employee = $employee;
        (new \PrestaShop\PrestaShop\Adapter\LegacyContext())->getContext();
        Shop::setContext(Shop::CONTEXT_SHOP, $idShop);
        if ((int) $context->shop->id !== $idShop) {
            $context->shop = new Shop($idShop);
        }
    }
}
