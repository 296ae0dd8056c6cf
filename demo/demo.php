<?php
// make demo: what the extension knows, printed through PHP.
declare(strict_types=1);

if (!extension_loaded('sofinco')) {
    fwrite(STDERR, "The sofinco extension is not loaded.\n");
    exit(1);
}

printf("sofinco extension %s loaded in PHP %s\n\n", \Sofinco\VERSION, PHP_VERSION);
echo "Sofinco status table (design.md §3)\n";
printf("%-5s  %-30s  %-10s  %s\n", 'code', 'order state', 'group', 'label (fr)');
$labels = array_column(\Sofinco\StatusMapper::states(), 'label_fr', 'key');
foreach (['ATT', 'ETU', 'CLI', 'AFI', 'FIN', 'REF', 'ANN', 'ABD', 'NFD', 'ERR', 'UKW'] as $code) {
    $state = \Sofinco\StatusMapper::stateFor($code);
    printf(
        "%-5s  %-30s  %-10s  %s\n",
        $code,
        $state ?? '(no change)',
        $state === null ? '' : \Sofinco\StatusMapper::group($state),
        $state === null ? 'inconnu pour le moment: redemandé au prochain passage' : $labels[$state]
    );
}
printf("%-5s  %-30s  %-10s  %s\n", '(clic)', 'SOFINCO_OS_FUNDING_REQUESTED', 'validated', $labels['SOFINCO_OS_FUNDING_REQUESTED']);
