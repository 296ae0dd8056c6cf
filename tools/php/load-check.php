<?php
// Run as `php -n -d extension=/path/to/sofinco.so tools/php/load-check.php`: prints
// "<state> <build php> <nts|zts> <profile>" when the extension is loaded and answers through the
// core (StatusMapper::stateFor('ETU') is OrderState::InStudy, or the state key before the typed
// API), exits 1 otherwise. PHP 7.1 syntax, no extension but sofinco: both engines, every PHP.
if (!extension_loaded('sofinco')) {
    fwrite(STDERR, "sofinco is not loaded\n");
    exit(1);
}
$state = \Sofinco\StatusMapper::stateFor('ETU');
$expected = class_exists('Sofinco\OrderState') ? constant('Sofinco\OrderState::InStudy') : 'SOFINCO_OS_IN_STUDY';
if ($state !== $expected) {
    fwrite(STDERR, "StatusMapper::stateFor('ETU') answered " . var_export($state, true) . "\n");
    exit(1);
}
$info = \Sofinco\Internal::buildInfo();
echo 'in_study ', $info['php'], ' ', $info['thread_safety'], ' ', $info['profile'], "\n";
