<?php
// Shared by the bench workers: load the rows and report wall time and peak RSS.
declare(strict_types=1);

function bench_input(string $file): array
{
    return json_decode((string) file_get_contents($file), true);
}

/** Peak resident set of this whole process (PHP and the extension), in MiB. */
function peak_rss_mib(): float
{
    preg_match('/VmHWM:\s+(\d+) kB/', (string) file_get_contents('/proc/self/status'), $m);
    return ((int) $m[1]) / 1024;
}

function bench_report(float $started, int $checked): void
{
    echo json_encode(['wall_s' => microtime(true) - $started, 'peak_rss_mib' => peak_rss_mib(), 'checked' => $checked]);
}

/** What a PHP module would do by hand: token, then one GET per dossier. */
function php_token(array $config): string
{
    $ch = curl_init($config['base_url'] . '/token');
    curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true,
        CURLOPT_USERPWD => $config['client_id'] . ':' . $config['client_secret'],
        CURLOPT_POSTFIELDS => 'grant_type=client_credentials',
        CURLOPT_HTTPHEADER => ['Context-Partnerid: ' . $config['q6'], 'Context-Sourceid: ' . $config['x1'], 'Correlationid: ' . uuid()]]);
    $token = json_decode((string) curl_exec($ch), true)['access_token'];
    curl_close($ch);
    return $token;
}

function uuid(): string
{
    $b = random_bytes(16);
    $b[6] = chr((ord($b[6]) & 0x0f) | 0x40);
    $b[8] = chr((ord($b[8]) & 0x3f) | 0x80);
    return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($b), 4));
}

function dossier_handle(array $config, string $token, array $order)
{
    $url = sprintf('%s/partnerLoanPortfolio/v1/contracts/%s?businessProviderId=%s&equipmentCode=%s&orderId=%s',
        $config['base_url'], $order['contract_id'], $config['merchant_id'], $config['nature_bien'], $order['order_reference']);
    $ch = curl_init($url);
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 30,
        CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . $token, 'Context-Partnerid: ' . $config['q6'],
            'Context-Sourceid: ' . $config['x1'], 'Context-Applicationid: PRESTASHOP', 'Correlationid: ' . uuid()]]);
    return $ch;
}
