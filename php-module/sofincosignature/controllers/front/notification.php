<?php
/**
 * Sofinco's exchangeUrl. The body is not signed: it only says which reference to look at.
 * The dossier is fetched with our own token and the same decision as the return page
 * applies. Answers fast, in JSON, and a body that does not name an open attempt changes
 * nothing.
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
            return $this->answer(405, 'POST only');
        }
        $body = (string) file_get_contents('php://input', false, null, 0, 65536);
        if (!SofincoRuntime::ready()) {
            return $this->answer(503, 'extension missing');
        }
        try {
            $hint = SofincoClientFactory::client($this->module)->parseNotification($body);
        } catch (\Throwable $e) {
            return $this->answer(400, 'unreadable notification');
        }
        $attempt = SofincoAttempts::byReference($hint['order_reference']);
        if ($attempt === null || $attempt['status'] !== SofincoAttempts::OPEN || Order::getIdByCartId((int) $attempt['id_cart'])) {
            return $this->answer(200, 'nothing to do');
        }
        try {
            $sync = SofincoClientFactory::sync($this->module, ['concurrency' => 1, 'deadline_ms' => 15000], (int) $attempt['id_shop']);
            $decision = $sync->notification($body, SofincoOrderCreator::syncRow($attempt));
            (new SofincoOrderCreator($this->module))->apply($attempt, $decision);
            return $this->answer(200, $decision->action->value);
        } catch (\Throwable $e) {
            // The orders cron catches up; Sofinco need not retry.
            SofincoLogger::error('notification for ' . $hint['order_reference'] . ': ' . $e->getMessage());
            return $this->answer(200, 'deferred');
        }
    }

    private function answer($status, $message)
    {
        http_response_code($status);
        header('Content-Type: application/json');
        echo json_encode(['result' => $message]);
        exit;
    }
}
