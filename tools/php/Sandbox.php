<?php
declare(strict_types=1);

namespace Sofinco\Tests\Support;

/**
 * A real sofinco-sandbox process on a free loopback port, with its control routes.
 * Stopped when the object goes away.
 */
final class Sandbox
{
    public const CLIENT_ID = 'sandbox-client';
    public const CLIENT_SECRET = 'sandbox-secret';

    /** @var resource|null */
    private $process = null;
    /** @var array<int, resource> */
    private $pipes;
    public string $url;

    /** Starts a sandbox, or with $url talks to one already running (its control routes on). */
    public function __construct(array $args = [], ?string $url = null)
    {
        if ($url !== null) {
            $this->url = rtrim($url, '/');
            return;
        }
        $binary = getenv('SOFINCO_SANDBOX') ?: dirname(__DIR__, 2) . '/target/debug/sofinco-sandbox';
        if (!is_executable($binary)) {
            throw new \RuntimeException("sandbox binary not found at $binary (cargo build)");
        }
        $cmd = array_merge([$binary, '--listen', '127.0.0.1:0', '--admin', '--seed', '7'], $args);
        $this->process = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['file', sys_get_temp_dir() . '/sofinco-sandbox-test.log', 'a']], $this->pipes);
        $line = fgets($this->pipes[1]);
        if ($line === false || !preg_match('#listening on (http://127\.0\.0\.1:\d+)#', $line, $m)) {
            $this->stop();
            throw new \RuntimeException('the sandbox did not start: ' . var_export($line, true));
        }
        $this->url = $m[1];
    }

    public function __destruct()
    {
        $this->stop();
    }

    public function stop(): void
    {
        if (isset($this->process) && is_resource($this->process)) {
            proc_terminate($this->process, 15);
            proc_close($this->process);
        }
    }

    /** A client configuration pointing at this sandbox. */
    public function config(array $overrides = []): array
    {
        return $overrides + [
            'merchant_id' => '12345678901',
            'nature_bien' => 'ABC',
            'q6' => 'Q6TEST',
            'x1' => 'X1TEST',
            'client_id' => self::CLIENT_ID,
            'client_secret' => self::CLIENT_SECRET,
            'mode' => 'test',
            'base_url' => $this->url,
            'max_retries' => 2,
            'timeout_ms' => 3000,
        ];
    }

    /** @return array{status:int, body:string, json:mixed} */
    public function request(string $method, string $path, $json = null, array $form = null): array
    {
        $ch = curl_init($this->url . $path);
        $headers = [];
        curl_setopt_array($ch, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10]);
        if ($json !== null) {
            curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($json));
            $headers[] = 'Content-Type: application/json';
        } elseif ($form !== null) {
            curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query($form));
        }
        curl_setopt($ch, CURLOPT_HTTPHEADER, $headers);
        $body = (string) curl_exec($ch);
        $status = (int) curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        curl_close($ch);
        return ['status' => $status, 'body' => $body, 'json' => json_decode($body, true)];
    }

    private function control(string $method, string $path, $json = null)
    {
        $r = $this->request($method, '/_sandbox' . $path, $json);
        if ($r['status'] >= 300) {
            throw new \RuntimeException("sandbox $method $path: HTTP {$r['status']} {$r['body']}");
        }
        return $r['json'];
    }

    public function setStatus(string $orderReference, string $status, array $extra = []): array
    {
        return (array) $this->control('POST', '/dossiers/' . rawurlencode($orderReference) . '/status', ['status' => $status] + $extra);
    }

    public function faults(array $faults): void
    {
        $this->control('POST', '/faults', $faults + ['latency_ms' => 0, 'jitter_ms' => 0, 'fail_rate' => 0, 'timeout_rate' => 0, 'malformed_rate' => 0]);
    }

    public function advanceClock(int $seconds): void
    {
        $this->control('POST', '/clock/advance', ['seconds' => $seconds]);
    }

    public function reset(): void
    {
        $this->control('POST', '/reset', new \stdClass());
    }

    /** @return list<array> requests the API received */
    public function requests(): array
    {
        $r = $this->control('GET', '/requests');
        return $r['requests'] ?? $r;
    }

    public function dossiers(): array
    {
        $r = $this->control('GET', '/dossiers');
        return $r['dossiers'] ?? $r;
    }

    public function notifications(): array
    {
        $r = $this->control('GET', '/notifications');
        return $r['notifications'] ?? $r;
    }

    /** The customer on the journey page: sign, refuse or leave. */
    public function journey(string $journeyUrl, string $action): array
    {
        $path = (string) parse_url($journeyUrl, PHP_URL_PATH);
        $page = $this->request('GET', $path);
        $form = ['action' => $action];
        if ($action === 'sign') {
            $form['accept'] = 'yes';
        }
        $done = $this->request('POST', $path, null, $form);
        return ['page' => $page, 'result' => $done];
    }
}
