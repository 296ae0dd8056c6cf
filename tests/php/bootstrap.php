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

require_once __DIR__ . '/support/PhpProcess.php';
require_once __DIR__ . '/../../tools/php/Typed.php';
require_once __DIR__ . '/../../tools/php/Sandbox.php';
