<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * The customer hears from the shop as with PrestaShop's own payment modules: the payment
 * e-mail at "Dossier financé", the cancellation at refusal and cancel; the merchant's own
 * e-mail settings (Orders > Statuses) survive install and upgrade.
 */
final class SofincoOrderMailTest extends TestCase
{
    private const MAILED = ['SOFINCO_OS_FUNDED' => 'payment', 'SOFINCO_OS_REFUSED' => 'order_canceled', 'SOFINCO_OS_CANCELLED' => 'order_canceled'];

    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** @return array<string, array{send_email:int, templates:list<string>}> by state key */
    private static function mailSettings(): array
    {
        $settings = [];
        $keys = ['SOFINCO_OS_IN_STUDY', 'SOFINCO_OS_AWAITING_CUSTOMER', 'SOFINCO_OS_AWAITING_FUNDING', 'SOFINCO_OS_FUNDING_REQUESTED',
            'SOFINCO_OS_FUNDED', 'SOFINCO_OS_REFUSED', 'SOFINCO_OS_CANCELLED', 'SOFINCO_OS_NOT_FOUND', 'SOFINCO_OS_TECH_ERROR'];
        foreach ($keys as $key) {
            $id = S::stateId($key);
            $settings[$key] = [
                'send_email' => (int) S::row('SELECT send_email FROM PREFIX_order_state WHERE id_order_state = ' . $id)['send_email'],
                'templates' => array_values(array_unique(array_column(S::rows('SELECT template FROM PREFIX_order_state_lang WHERE id_order_state = ' . $id), 'template'))),
            ];
        }
        return $settings;
    }

    private static function setMail(string $key, int $send, string $template): void
    {
        $id = S::stateId($key);
        S::cli()->json('Db::getInstance()->update("order_state", ["send_email" => ' . $send . '], "id_order_state = ' . $id . '");
            Db::getInstance()->update("order_state_lang", ["template" => ' . var_export($template, true) . '], "id_order_state = ' . $id . '");
            echo json_encode(true);');
    }

    public function testInstalledStatesSendPrestashopsPaymentAndCancellationMails(): void
    {
        foreach (self::mailSettings() as $key => $mail) {
            if (isset(self::MAILED[$key])) {
                $this->assertSame(['send_email' => 1, 'templates' => [self::MAILED[$key]]], $mail, $key);
            } else {
                $this->assertSame(0, $mail['send_email'], $key . ' sends nothing');
            }
        }
    }

    public function testTheUpgradeSetsTheDefaultsOnlyWhereTheMerchantChangedNothing(): void
    {
        // As 2.2.0 left them: no e-mail anywhere; then the merchant's own choices on two states.
        foreach (array_keys(self::MAILED) as $key) {
            self::setMail($key, 0, '');
        }
        self::setMail('SOFINCO_OS_FUNDED', 1, 'preparation');
        self::setMail('SOFINCO_OS_CANCELLED', 0, 'order_canceled');
        try {
            S::cli()->json('Db::getInstance()->update("module", ["version" => "2.2.0"], "name = \'sofincosignature\'"); echo json_encode(true);');
            $r = S::cli()->module('upgrade', 'sofincosignature');
            $this->assertSame(0, $r['exit'], $r['stdout'] . $r['stderr']);
            $this->assertSame(S::moduleVersion(), S::row("SELECT version FROM PREFIX_module WHERE name = 'sofincosignature'")['version']);
            $after = self::mailSettings();
            $this->assertSame(['send_email' => 1, 'templates' => ['preparation']], $after['SOFINCO_OS_FUNDED'], 'the merchant\'s template stays');
            $this->assertSame(['send_email' => 0, 'templates' => ['order_canceled']], $after['SOFINCO_OS_CANCELLED'], 'the merchant turned it off: off it stays');
            $this->assertSame(['send_email' => 1, 'templates' => ['order_canceled']], $after['SOFINCO_OS_REFUSED'], 'untouched: the default');
            $this->assertSame(0, $after['SOFINCO_OS_IN_STUDY']['send_email']);
        } finally {
            foreach (self::MAILED as $key => $template) {
                self::setMail($key, 1, $template);
            }
        }
    }

    public function testAFundedOrderSendsThePaymentMailOnceAndARefusalOneCancellation(): void
    {
        $box = tempnam(sys_get_temp_dir(), 'sofinco-mails-');
        $sink = proc_open([PHP_BINARY, __DIR__ . '/support/smtp-sink.php', $box], [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        $port = (int) fgets($pipes[1]);
        $this->assertGreaterThan(0, $port);
        $before = S::cli()->json('echo json_encode(Configuration::getMultiple(["PS_MAIL_METHOD", "PS_MAIL_SERVER", "PS_MAIL_SMTP_PORT", "PS_MAIL_SMTP_ENCRYPTION", "PS_MAIL_USER", "PS_MAIL_PASSWD"]));');
        try {
            S::cli()->json('foreach (["PS_MAIL_METHOD" => 2, "PS_MAIL_SERVER" => "127.0.0.1", "PS_MAIL_SMTP_PORT" => ' . $port . ', "PS_MAIL_SMTP_ENCRYPTION" => "off", "PS_MAIL_USER" => "", "PS_MAIL_PASSWD" => ""] as $k => $v) { Configuration::updateValue($k, $v); } echo json_encode(true);');
            foreach (['FIN' => 'payment', 'REF' => 'order_canceled'] as $status => $template) {
                [$http, $customer, $idCart] = S::shopper(5);
                $reference = S::checkout($http, $idCart)['attempt']['order_reference'];
                S::sandbox()->setStatus($reference, 'ETU', ['signatureDate' => date('Y-m-d')]);
                $this->assertSame(0, S::cron('orders')['exit']);
                $idOrder = (int) S::ordersOfCart($idCart)[0]['id_order'];
                file_put_contents($box, '');
                S::sandbox()->setStatus($reference, $status);
                $run = S::cron('statuses');
                $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
                $mails = array_filter(explode("\n.\n", (string) file_get_contents($box)), fn ($m) => str_contains($m, $customer['email']));
                $this->assertCount(1, $mails, $status . ': one e-mail to the customer, ' . count($mails) . ' sent');
                $mail = quoted_printable_decode((string) reset($mails));
                $order = S::row('SELECT reference FROM PREFIX_orders WHERE id_order = ' . $idOrder);
                $this->assertStringContainsString($order['reference'], $mail, 'about this order');
                // PrestaShop's own template, titled with the state's name.
                $body = ['payment' => 'was successfully processed', 'order_canceled' => 'has been canceled'][$template];
                $this->assertStringContainsString($body, preg_replace('/\s+/', ' ', $mail), $status);
                $subject = ['FIN' => 'Dossier financé Sofinco', 'REF' => 'Dossier refusé Sofinco'][$status];
                $this->assertStringContainsString($subject, iconv_mime_decode_headers($mail, ICONV_MIME_DECODE_CONTINUE_ON_ERROR, 'UTF-8')['Subject'] ?? '', $status);
            }
        } finally {
            S::cli()->json('foreach (' . var_export($before, true) . ' as $k => $v) { Configuration::updateValue($k, $v); } echo json_encode(true);');
            proc_terminate($sink);
            proc_close($sink);
            @unlink($box);
        }
    }
}
