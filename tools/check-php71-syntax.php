<?php
// Fails, naming file and line, when a PHP file uses syntax PHP 7.1 cannot parse: the module
// must load on PrestaShop 1.7 under PHP 7.1+ to say what is missing (README, "The PrestaShop
// module"). Debian ships no PHPCompatibility standard for phpcs, so this reads PHP's own tokens.
//   php tools/check-php71-syntax.php DIR|FILE...
declare(strict_types=1);

/** Functions PHP 7.1 lacks => the PHP that added them. */
const PHP71_MISSING_FUNCTIONS = [
    'str_contains' => '8.0', 'str_starts_with' => '8.0', 'str_ends_with' => '8.0', 'get_debug_type' => '8.0',
    'fdiv' => '8.0', 'get_resource_id' => '8.0', 'preg_last_error_msg' => '8.0', 'array_is_list' => '8.1',
    'array_key_first' => '7.3', 'array_key_last' => '7.3', 'is_countable' => '7.3', 'hrtime' => '7.3',
    'mb_str_split' => '7.4', 'spl_object_id' => '7.2',
];

/** @return list<array{int,string}> [line, what] */
function php71_violations(string $code): array
{
    $found = [];
    $tokens = array_values(array_filter(
        token_get_all($code),
        static fn ($t) => !is_array($t) || !in_array($t[0], [T_WHITESPACE, T_COMMENT, T_DOC_COMMENT], true)
    ));
    $named = [
        'T_MATCH' => 'match (PHP 8.0)', 'T_ENUM' => 'enum (PHP 8.1)', 'T_READONLY' => 'readonly (PHP 8.1)',
        'T_NULLSAFE_OBJECT_OPERATOR' => '?-> (PHP 8.0)', 'T_ATTRIBUTE' => '#[attribute] (PHP 8.0)',
        'T_FN' => 'arrow function fn (PHP 7.4)', 'T_COALESCE_EQUAL' => '??= (PHP 7.4)',
    ];
    $kinds = [];
    foreach ($named as $constant => $what) {
        if (defined($constant)) {
            $kinds[constant($constant)] = $what;
        }
    }
    $line = 1;
    $parens = []; // per open parenthesis: 'call', 'array', 'params' or 'other'
    $count = count($tokens);
    for ($i = 0; $i < $count; $i++) {
        $t = $tokens[$i];
        $prev = $tokens[$i - 1] ?? null;
        $next = $tokens[$i + 1] ?? null;
        if (is_array($t)) {
            $line = $t[2];
            if (isset($kinds[$t[0]])) {
                $found[] = [$line, $kinds[$t[0]]];
            }
            if (in_array($t[0], [T_LNUMBER, T_DNUMBER], true) && strpos($t[1], '_') !== false) {
                $found[] = [$line, 'numeric literal separator (PHP 7.4)'];
            }
            if ($t[0] === T_THROW && $prev !== null && in_array(is_array($prev) ? $prev[0] : $prev, ['=', '?', ':', T_COALESCE, T_DOUBLE_ARROW], true)) {
                $found[] = [$line, 'throw as an expression (PHP 8.0)'];
            }
            if ($t[0] === T_VARIABLE && is_array($next) && $next[0] === T_DOUBLE_COLON && is_array($tokens[$i + 2] ?? null) && $tokens[$i + 2][0] === T_CLASS) {
                $found[] = [$line, '$object::class (PHP 8.0)'];
            }
            // A type between a property's modifiers and its name: typed property.
            if (in_array($t[0], [T_PUBLIC, T_PROTECTED, T_PRIVATE, T_VAR], true) && end($parens) !== 'params') {
                $j = $i + 1;
                while (is_array($tokens[$j] ?? null) && $tokens[$j][0] === T_STATIC) {
                    $j++;
                }
                $after = $tokens[$j] ?? null;
                if ($after === '?' || (is_array($after) && !in_array($after[0], [T_VARIABLE, T_FUNCTION, T_CONST, T_ABSTRACT, T_FINAL], true))) {
                    $found[] = [$line, 'typed property (PHP 7.4)'];
                }
            }
            if (in_array($t[0], [T_PUBLIC, T_PROTECTED, T_PRIVATE], true) && end($parens) === 'params') {
                $found[] = [$line, 'constructor property promotion (PHP 8.0)'];
            }
            // A function newer PHP added, called as a function (PrestaShop 1.7 ships no polyfill for them).
            if ($t[0] === T_STRING && $next === '(' && isset(PHP71_MISSING_FUNCTIONS[strtolower($t[1])])
                && !in_array(is_array($prev) ? $prev[0] : $prev, [T_OBJECT_OPERATOR, T_DOUBLE_COLON, T_FUNCTION, T_NEW], true)) {
                $found[] = [$line, $t[1] . '() (PHP ' . PHP71_MISSING_FUNCTIONS[strtolower($t[1])] . ')'];
            }
            // Named argument: name: inside a call's parentheses.
            if ($t[0] === T_STRING && $next === ':' && in_array($prev, ['(', ','], true) && end($parens) === 'call') {
                $found[] = [$line, 'named argument (PHP 8.0)'];
            }
            continue;
        }
        if ($t === '(') {
            $before = is_array($prev) ? $prev[0] : $prev;
            $beforeThat = $tokens[$i - 2] ?? null;
            if (in_array($before, [T_ARRAY, T_LIST, T_ISSET, T_UNSET, T_EMPTY], true)) {
                $parens[] = 'array';
            } elseif ($before === T_FUNCTION || (is_array($beforeThat) && $beforeThat[0] === T_FUNCTION) || (isset($kinds[$before]) && $kinds[$before] === $named['T_FN'])) {
                $parens[] = 'params';
            } elseif (in_array($before, [T_STRING, T_VARIABLE, ')', ']', T_STATIC, T_NAME_QUALIFIED, T_NAME_FULLY_QUALIFIED, T_NAME_RELATIVE], true)) {
                $parens[] = in_array($before, [T_IF, T_ELSEIF, T_WHILE, T_FOR, T_FOREACH, T_SWITCH, T_CATCH], true) ? 'other' : 'call';
            } else {
                $parens[] = 'other';
            }
            if (is_array($next) && $next[0] === T_ELLIPSIS && ($tokens[$i + 2] ?? null) === ')') {
                $found[] = [$line, 'first-class callable f(...) (PHP 8.1)'];
            }
            continue;
        }
        if ($t === ')') {
            $kind = array_pop($parens);
            if ($prev === ',' && $kind === 'call') {
                $found[] = [$line, 'trailing comma in a call (PHP 7.3)'];
            } elseif ($prev === ',' && $kind === 'params') {
                $found[] = [$line, 'trailing comma in parameters (PHP 8.0)'];
            }
            // Return type: ): A|B
            if ($kind === 'params' && $next === ':') {
                for ($j = $i + 2; $j < $count && !in_array($tokens[$j], ['{', ';'], true); $j++) {
                    if ($tokens[$j] === '|') {
                        $found[] = [$line, 'union return type (PHP 8.0)'];
                    }
                }
            }
            continue;
        }
        // Parameter type A|B: a bar right after a type name, before the parameter's variable.
        if ($t === '|' && end($parens) === 'params' && is_array($prev) && !in_array($prev[0], [T_VARIABLE, T_LNUMBER, T_CONSTANT_ENCAPSED_STRING], true)) {
            for ($j = $i + 1; $j < $count && in_array(is_array($tokens[$j]) ? $tokens[$j][0] : $tokens[$j], [T_STRING, T_ARRAY, T_CALLABLE, T_NAME_QUALIFIED, T_NAME_FULLY_QUALIFIED, '|', '?'], true); $j++) {
            }
            if (is_array($tokens[$j] ?? null) && in_array($tokens[$j][0], [T_VARIABLE, T_ELLIPSIS], true)) {
                $found[] = [$line, 'union type (PHP 8.0)'];
            } elseif (($tokens[$j] ?? null) === '&') {
                $found[] = [$line, 'union type (PHP 8.0)'];
            }
        }
    }
    return $found;
}

$files = [];
foreach (array_slice($argv, 1) as $path) {
    if (is_dir($path)) {
        foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($path, FilesystemIterator::SKIP_DOTS)) as $f) {
            if (substr((string) $f, -4) === '.php' && strpos((string) $f, '/vendor/') === false) {
                $files[] = (string) $f;
            }
        }
    } else {
        $files[] = $path;
    }
}
if ($files === []) {
    fwrite(STDERR, "usage: php tools/check-php71-syntax.php DIR|FILE...\n");
    exit(2);
}
sort($files);
$bad = 0;
foreach ($files as $file) {
    foreach (php71_violations((string) file_get_contents($file)) as [$line, $what]) {
        fwrite(STDERR, "$file:$line: $what\n");
        $bad++;
    }
}
if ($bad > 0) {
    fwrite(STDERR, "check-php71-syntax: $bad construct(s) PHP 7.1 cannot parse\n");
    exit(1);
}
echo 'check-php71-syntax: ', count($files), " files parse on PHP 7.1\n";
