<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Sofinco's exchangeUrl. It is unauthenticated and its body is not signed: it only says
 * which reference to look at. Every POST gets the same answer at once, whatever its body
 * (an outsider learns nothing of which references are open); then, for an open attempt and
 * at most once per reference per SofincoNotifyGate::WINDOW_S across all web servers, the
 * dossier is fetched with our own token and the return page's decision applies. What is
 * skipped here the orders cron catches up.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSignatureNotificationModuleFrontController extends ModuleFrontController
{
    public $ssl = true;
    public $ajax = true;

    public function postProcess()
    {
        if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
            $this->answer(405, 'POST only');
            exit;
        }
        $body = (string) file_get_contents('php://input', false, null, 0, 65536);
        $this->answer(200, 'received');
        $this->lookUp($body);
        exit;
    }

    private function lookUp($body)
    {
        if (!SofincoRuntime::ready()) {
            return;
        }
        try {
            $hint = SofincoClientFactory::client($this->module)->parseNotification($body);
        } catch (\Throwable $e) {
            return;
        }
        $attempt = SofincoAttempts::byReference($hint['order_reference']);
        // An open attempt whose cart was ordered from another tab is decided too: its
        // dossier is cancelled at Sofinco at once.
        if ($attempt === null || $attempt['status'] !== SofincoAttempts::OPEN) {
            return;
        }
        if (!SofincoNotifyGate::claim($attempt['order_reference'])) {
            return; // looked up moments ago by another notification
        }
        try {
            $sync = SofincoClientFactory::sync($this->module, (int) $attempt['id_shop'], 1, 15000);
            $decision = $sync->notification($body, SofincoOrderCreator::syncRow($attempt));
            (new SofincoOrderCreator($this->module))->apply($attempt, $decision);
        } catch (\Throwable $e) {
            // The orders cron catches up; Sofinco need not retry.
            SofincoLogger::error('notification for ' . $attempt['order_reference'] . ': ' . SofincoLogger::describe($e));
        }
        SofincoNotifyGate::renew($attempt['order_reference']);
        if (mt_rand(1, 100) === 1) {
            SofincoNotifyGate::prune();
        }
    }

    /** Sends the whole answer now, so the caller never waits for the lookup. */
    private function answer($status, $message)
    {
        $json = json_encode(['result' => $message]);
        ignore_user_abort(true);
        http_response_code($status);
        header('Content-Type: application/json');
        header('Content-Length: ' . strlen($json));
        header('Connection: close');
        $this->ajaxRender($json);
        while (ob_get_level() > 0) {
            ob_end_flush();
        }
        flush();
        if (function_exists('fastcgi_finish_request')) {
            fastcgi_finish_request();
        }
    }
}
