<?php
// The module's side of the typed boundary (docs/php-api.md), checked on its source:
//  - no 'SOFINCO_OS_…' (or 'PS_OS_CANCELED') literal outside the one table, SofincoStates;
//  - no array literal, nor a variable the file assigns an array, passed to a method of the
//    extension that takes typed objects (the methods of stubs/sofinco.stub.php with a
//    \Sofinco\ parameter, and `new \Sofinco\…`). A list spread (`...$rows`) is fine.
// Usage: php tools/check-typed-boundary.php <dir or file>...  (exit 1 on a finding)

declare(strict_types=1);

const TABLE_FILE = 'SofincoStates.php';

/** Methods of the extension that take a \Sofinco\ type, from the committed stub. */
function typed_methods(string $stub): array
{
    preg_match_all('/function (\w+)\(([^)]*)\)/', (string) file_get_contents($stub), $m, PREG_SET_ORDER);
    $names = [];
    foreach ($m as $fn) {
        if (strpos($fn[2], '\\Sofinco\\') !== false && $fn[1] !== '__construct') {
            $names[strtolower($fn[1])] = true;
        }
    }
    return $names;
}

function files_of(string $path): array
{
    if (is_file($path)) {
        return [$path];
    }
    $out = [];
    $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($path, FilesystemIterator::SKIP_DOTS));
    foreach ($it as $f) {
        if ($f->getExtension() === 'php' && strpos($f->getPathname(), '/vendor/') === false) {
            $out[] = $f->getPathname();
        }
    }
    sort($out);
    return $out;
}

/** The tokens without whitespace and comments. */
function code_tokens(string $source): array
{
    $out = [];
    foreach (token_get_all($source) as $t) {
        if (is_array($t) && in_array($t[0], [T_WHITESPACE, T_COMMENT, T_DOC_COMMENT], true)) {
            continue;
        }
        $out[] = $t;
    }
    return $out;
}

function text($t): string
{
    return is_array($t) ? $t[1] : $t;
}

/** Variables the file assigns an array literal to (`$x = [`, `$x = array(`). */
function array_variables(array $tokens): array
{
    $vars = [];
    for ($i = 0; $i + 2 < count($tokens); ++$i) {
        if (is_array($tokens[$i]) && $tokens[$i][0] === T_VARIABLE && $tokens[$i + 1] === '='
            && ($tokens[$i + 2] === '[' || is_array($tokens[$i + 2]) && $tokens[$i + 2][0] === T_ARRAY)) {
            $vars[$tokens[$i][1]] = true;
        }
    }
    return $vars;
}

/**
 * The arguments of the call whose '(' is at $open: for each, its first tokens.
 *
 * @return list<list<mixed>>
 */
function arguments(array $tokens, int $open): array
{
    $args = [[]];
    $depth = 0;
    for ($i = $open; $i < count($tokens); ++$i) {
        $t = text($tokens[$i]);
        if (in_array($t, ['(', '[', '{'], true) || is_array($tokens[$i]) && in_array($tokens[$i][0], [T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES], true)) {
            ++$depth;
            if ($depth === 1) {
                continue;
            }
        } elseif (in_array($t, [')', ']', '}'], true)) {
            --$depth;
            if ($depth === 0) {
                break;
            }
        } elseif ($t === ',' && $depth === 1) {
            $args[] = [];
            continue;
        }
        $args[count($args) - 1][] = $tokens[$i];
    }
    return array_values(array_filter($args));
}

/** Why an argument is an array, or null. */
function array_argument(array $arg, array $arrayVars): ?string
{
    $first = $arg[0];
    if (text($first) === '...') {
        return null;
    }
    if ($first === '[' || is_array($first) && $first[0] === T_ARRAY) {
        return 'an array literal';
    }
    if (count($arg) === 1 && is_array($first) && $first[0] === T_VARIABLE && isset($arrayVars[$first[1]])) {
        return 'the array ' . $first[1];
    }
    return null;
}

$root = dirname(__DIR__);
$typed = typed_methods($root . '/stubs/sofinco.stub.php');
$findings = [];
foreach (array_slice($argv, 1) as $path) {
    foreach (files_of($path) as $file) {
        $tokens = code_tokens((string) file_get_contents($file));
        $arrayVars = array_variables($tokens);
        $table = basename($file) === TABLE_FILE;
        foreach ($tokens as $i => $t) {
            if (!$table && is_array($t) && in_array($t[0], [T_CONSTANT_ENCAPSED_STRING, T_ENCAPSED_AND_WHITESPACE], true)
                && preg_match('/SOFINCO_OS_|PS_OS_CANCELED/', $t[1])) {
                $findings[] = sprintf('%s:%d: state key %s outside %s (use \\Sofinco\\OrderState and SofincoStates)', $file, $t[2], $t[1], TABLE_FILE);
            }
            $call = null;
            if (is_array($t) && $t[0] === T_STRING && isset($typed[strtolower($t[1])]) && ($tokens[$i + 1] ?? null) === '('
                && in_array(text($tokens[$i - 1] ?? ''), ['->', '?->'], true)) {
                $call = $t[1] . '()';
            }
            // A static call: only on the extension's classes (or a class in a variable);
            // the module's own SofincoCron::verdict() takes its own array.
            if (is_array($t) && $t[0] === T_STRING && isset($typed[strtolower($t[1])]) && ($tokens[$i + 1] ?? null) === '('
                && text($tokens[$i - 1] ?? '') === '::'
                && preg_match('/^(\\\\?Sofinco\\\\|\$)/', text($tokens[$i - 2] ?? ''))) {
                $call = $t[1] . '()';
            }
            if (is_array($t) && $t[0] === T_NEW) {
                $name = '';
                for ($j = $i + 1; isset($tokens[$j]) && is_array($tokens[$j]) && in_array($tokens[$j][0], [T_STRING, T_NS_SEPARATOR, T_NAME_QUALIFIED, T_NAME_FULLY_QUALIFIED], true); ++$j) {
                    $name .= $tokens[$j][1];
                }
                if (preg_match('/^\\\\?Sofinco\\\\/', $name) && ($tokens[$j] ?? null) === '(') {
                    $call = 'new ' . $name;
                    $i = $j - 1;
                }
            }
            if ($call === null) {
                continue;
            }
            $open = $i + 1;
            while (($tokens[$open] ?? '(') !== '(') {
                ++$open;
            }
            foreach (arguments($tokens, $open) as $arg) {
                $why = array_argument($arg, $arrayVars);
                if ($why !== null) {
                    $line = is_array($t) ? $t[2] : 0;
                    $findings[] = sprintf('%s:%d: %s given to %s: the extension takes typed objects', $file, $line, $why, $call);
                }
            }
        }
    }
}
foreach ($findings as $f) {
    fwrite(STDERR, $f . "\n");
}
if ($findings) {
    exit(1);
}
echo 'check-typed-boundary: ' . count(array_slice($argv, 1)) . " path(s) clean\n";
