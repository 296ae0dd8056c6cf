<?php
declare(strict_types=1);

namespace Sofinco\Tests\Support;

/** Runs PHP code in a second process with the same extension loaded. */
final class PhpProcess
{
    /** @return array{exit:int, stdout:string, stderr:string} */
    public static function run(string $code, array $env = []): array
    {
        $script = tempnam(sys_get_temp_dir(), 'sofinco-test-');
        file_put_contents($script, $code);
        // The child builds its inputs as the tests do (\Sofinco\Tests\Support\Typed).
        $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . getenv('SOFINCO_EXT'), '-d', 'auto_prepend_file=' . dirname(__DIR__, 3) . '/tools/php/Typed.php', $script];
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env + getenv());
        $stdout = stream_get_contents($pipes[1]);
        $stderr = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $exit = proc_close($proc);
        unlink($script);
        return ['exit' => $exit, 'stdout' => (string) $stdout, 'stderr' => (string) $stderr];
    }
}
