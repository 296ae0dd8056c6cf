<?php
/**
 * The merchant's words for "Tester la connexion": the extension reports a code and its
 * parameters (SofincoClient::testConnection()), the module says it through translations.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoConnectionText
{
    public static function of(array $report, Module $module)
    {
        $l = function ($s) use ($module) {
            return $module->l($s, 'sofincoconnectiontext');
        };
        $mode = isset($report['mode']) && $report['mode'] === 'test' ? $l('test (recette)') : $l('production');
        $host = isset($report['host']) ? (string) $report['host'] : '';
        $code = isset($report['code']) ? (string) $report['code'] : ($report['ok'] ? 'ok' : 'api_error');
        switch ($code) {
            case 'ok':
                $text = sprintf(
                    $l('Connection OK with %1$s in %2$s mode: Sofinco gave a token and answered a simulation (%3$d offers for 1 000,00 €). Nothing was saved.'),
                    $host,
                    $mode,
                    (int) $report['offers']
                );
                break;
            case 'auth_refused':
                $text = sprintf($l('Sofinco refused the ClientId or the SecretId of the %s mode. Check them, then test again. Nothing was saved.'), $mode);
                break;
            case 'merchant_refused':
                $text = sprintf(
                    $l('The ClientId and SecretId are right, but Sofinco refused the merchant identifiers (N° de commerçant Web, Nature de bien partenaire, Q6, X1) in %1$s mode%2$s. Nothing was saved.'),
                    $mode,
                    self::detail($report)
                );
                break;
            case 'unreachable':
                $text = sprintf($l('Sofinco (%s) cannot be reached: check the API URL and that the server can open outgoing connections. Nothing was saved.'), $host);
                break;
            case 'config':
                $text = $l('These settings cannot be used to call Sofinco: check the API URL. Nothing was saved.');
                break;
            default:
                $text = sprintf($l('Sofinco answered with an error%s: try again in a few minutes. Nothing was saved.'), self::detail($report));
        }
        return sprintf('%s (%d ms)', $text, isset($report['latency_ms']) ? (int) $report['latency_ms'] : 0);
    }

    /** Sofinco's HTTP status and own code, what its support asks for. */
    private static function detail(array $report)
    {
        $parts = [];
        if (!empty($report['http_status'])) {
            $parts[] = 'HTTP ' . (int) $report['http_status'];
        }
        if (isset($report['api_code']) && $report['api_code'] !== '') {
            $parts[] = (string) $report['api_code'];
        }
        return $parts ? ' (' . implode(', ', $parts) . ')' : '';
    }
}
