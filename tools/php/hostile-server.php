<?php
// A hostile "Sofinco" for the tests, served by `php -S` on loopback: a valid token, then
// answers chosen by the path's last segment's scenario (env HOSTILE_MODE): 50 MB bodies,
// deeply nested JSON, wrong types, endless chunked output.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
header('Content-Type: application/json');
if ($path === '/token') {
    // JSON written out: `php -n` 7.4 has no json extension (it is built in from 8.0).
    echo '{"access_token":"hostile-token","token_type":"Bearer","expires_in":1200}';
    return;
}
switch (getenv('HOSTILE_MODE')) {
    case 'huge':
        // 50 MB announced and sent.
        header('Content-Length: ' . (50 * 1024 * 1024));
        $chunk = str_repeat(' ', 1024 * 1024);
        for ($i = 0; $i < 50; $i++) {
            echo $chunk;
            flush();
        }
        return;
    case 'huge-chunked':
        // No Content-Length: the client must stop reading by itself.
        for ($i = 0; $i < 50; $i++) {
            echo str_repeat('[', 1024 * 1024);
            flush();
        }
        return;
    case 'nested':
        echo str_repeat('[', 200000) . str_repeat(']', 200000);
        return;
    case 'types':
        echo '{"capitalAmount":"lots","proposals":[{"dueNumber":-3,"annualDebitRate":"x"}]}';
        return;
    default:
        http_response_code(500);
        echo '{}';
}
