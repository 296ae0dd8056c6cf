<?php
// Run as `php -n -d extension=/path/to/sofinco.so tools/php/load-check.php`: prints
// "in_study <build php> <nts|zts> <profile>" when the extension is loaded and answers through the
// core (StatusMapper::stateFor('ETU') is OrderState::InStudy: the enum case on 8.1+, the
// constant's string on 7.x), exits 1 otherwise. PHP 7.1 syntax, no extension but sofinco.
if (!extension_loaded('sofinco')) {
    fwrite(STDERR, "sofinco is not loaded\n");
    exit(1);
}
$state = \Sofinco\StatusMapper::stateFor('ETU');
if ($state !== constant('Sofinco\OrderState::InStudy')) {
    fwrite(STDERR, "StatusMapper::stateFor('ETU') answered " . var_export($state, true) . "\n");
    exit(1);
}
$info = \Sofinco\Internal::buildInfo();
echo 'in_study ', $info['php'], ' ', $info['thread_safety'], ' ', $info['profile'], "\n";
