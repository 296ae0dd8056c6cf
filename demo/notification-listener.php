<?php
// A stand-in for the shop's exchangeUrl during the demo: appends each body it receives
// to the file named by SOFINCO_DEMO_INBOX and answers 200.
file_put_contents((string) getenv('SOFINCO_DEMO_INBOX'), file_get_contents('php://input') . "\n", FILE_APPEND | LOCK_EX);
http_response_code(200);
echo 'ok';
