<?php
// SPDX-License-Identifier: MIT
// make lint: every {l} tag of the module's templates is one SofincoEscape rewrites (so its
// translation is escaped at output); a tag in another form would print a translation raw.
// Usage: php tools/check-template-escaping.php DIR...
define('_PS_VERSION_', 'lint');
require __DIR__ . '/../php-module/sofincosignature/classes/SofincoEscape.php';

$bad = [];
foreach (array_slice($argv, 1) as $dir) {
    $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS));
    foreach ($files as $file) {
        if (substr((string) $file, -4) !== '.tpl') {
            continue;
        }
        $source = (string) file_get_contents((string) $file);
        $rewritten = SofincoEscape::rewrite($source);
        $left = preg_match_all('~\{l\s~', $rewritten) - substr_count($rewritten, "{capture name='sofinco_text'}{l ");
        if ($left > 0) {
            $bad[] = "$file: $left {l} tag(s) not escaped (write {l s='…' d='Modules.Sofincosignature.…'}, optionally js=1)";
        }
    }
}
if ($bad) {
    fwrite(STDERR, implode("\n", $bad) . "\n");
    exit(1);
}
echo "check-template-escaping: every {l} of the templates is escaped at output\n";
