<?php
// A loopback SMTP server that accepts every message and appends it to a file: the shop's
// e-mails, seen without sending any. Usage: php smtp-sink.php OUTFILE (prints its port).
declare(strict_types=1);

$out = $argv[1];
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if ($server === false) {
    fwrite(STDERR, "smtp-sink: $errstr\n");
    exit(1);
}
echo explode(':', stream_socket_get_name($server, false))[1], "\n";
fclose(STDOUT);
while ($conn = @stream_socket_accept($server, -1)) {
    fwrite($conn, "220 sink ESMTP\r\n");
    $data = null;
    while (($line = fgets($conn)) !== false) {
        if ($data !== null) {
            if (rtrim($line, "\r\n") === '.') {
                file_put_contents($out, $data . "\n.\n", FILE_APPEND | LOCK_EX);
                $data = null;
                fwrite($conn, "250 queued\r\n");
            } else {
                $data .= $line;
            }
            continue;
        }
        $verb = strtoupper(substr(trim($line), 0, 4));
        if ($verb === 'EHLO' || $verb === 'HELO') {
            fwrite($conn, "250 sink\r\n");
        } elseif ($verb === 'DATA') {
            $data = '';
            fwrite($conn, "354 go on\r\n");
        } elseif ($verb === 'QUIT') {
            fwrite($conn, "221 bye\r\n");
            break;
        } else {
            fwrite($conn, "250 ok\r\n");
        }
    }
    fclose($conn);
}
