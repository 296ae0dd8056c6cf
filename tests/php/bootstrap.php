<?php
// Every suite runs against the real built extension: stop at once if it is not loaded.
declare(strict_types=1);

if (!extension_loaded('sofinco')) {
    fwrite(STDERR, "The sofinco extension is not loaded: run the suites with php -d extension=target/<profile>/libsofinco.so (make test-php).\n");
    exit(1);
}
if (getenv('SOFINCO_EXT') === false || !is_file((string) getenv('SOFINCO_EXT'))) {
    fwrite(STDERR, "SOFINCO_EXT must name the loaded .so, for the tests that start a second PHP process.\n");
    exit(1);
}

// PHP 7.4 (the phper build's suites): PHP 8's string helpers the tests use.
if (!function_exists('str_contains')) {
    function str_contains(string $haystack, string $needle): bool
    {
        return $needle === '' || strpos($haystack, $needle) !== false;
    }
    function str_starts_with(string $haystack, string $needle): bool
    {
        return strncmp($haystack, $needle, strlen($needle)) === 0;
    }
    function str_ends_with(string $haystack, string $needle): bool
    {
        return $needle === '' || substr($haystack, -strlen($needle)) === $needle;
    }
}

require_once __DIR__ . '/support/PhpProcess.php';
require_once __DIR__ . '/../../tools/php/Typed.php';
require_once __DIR__ . '/../../tools/php/Sandbox.php';
