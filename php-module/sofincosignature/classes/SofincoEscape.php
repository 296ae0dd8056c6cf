<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * PrestaShop's storefront {l s='…' d='…'} prints a domain translation as it is stored (the back
 * office's escapes it, except with js=1, where it only adds slashes inside an HTML attribute),
 * and a merchant (or any employee with translation rights) can store markup there. When Smarty compiles one of
 * this module's templates, each of its {l} tags is compiled as the same {l} captured and then
 * escaped: for HTML, or, for a js=1 tag (inside a quoted JavaScript string in an HTML
 * attribute), for JavaScript and then HTML. The template files keep plain {l} tags, so
 * PrestaShop's translation extractor and tools/gen-translations.php read them as before.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoEscape
{
    /** {l s='…' d='…'} with an optional js=1, as the module's templates write them. */
    private const TAG = "~\\{l\\s+s='((?:[^'\\\\]|\\\\.)*)'\\s+d='(Modules\\.Sofincosignature\\.[A-Za-z]+)'(\\s+js=1)?\\s*\\}~";

    /** Registers the compile-time filter once on PrestaShop's Smarty. */
    public static function register($smarty)
    {
        if (!is_object($smarty) || !method_exists($smarty, 'registerFilter')) {
            return;
        }
        $filter = [__CLASS__, 'escapeTranslations'];
        if (empty($smarty->registered_filters['pre']) || !in_array($filter, $smarty->registered_filters['pre'], true)) {
            $smarty->registerFilter('pre', $filter);
        }
    }

    /** Smarty's prefilter: only templates of this module (or a theme's override of them) change. */
    public static function escapeTranslations($source, $template)
    {
        // A file path, or the name of a module: resource ("module:sofincosignature/views/…").
        foreach (['filepath', 'name'] as $property) {
            $where = isset($template->source->{$property}) ? str_replace('\\', '/', (string) $template->source->{$property}) : '';
            if (strpos($where, 'sofincosignature/views/templates/') !== false) {
                return self::rewrite($source);
            }
        }
        return $source;
    }

    /** The template source with each of the module's {l} tags escaped at output. */
    public static function rewrite($source)
    {
        return preg_replace_callback(self::TAG, function (array $m) {
            // html=1: the back office's {l} escapes by itself (the storefront's does not); the
            // text is taken raw in both and escaped here, once.
            $capture = "{capture name='sofinco_text'}{l s='" . $m[1] . "' d='" . $m[2] . "' html=1}{/capture}";
            $escape = empty($m[3]) ? "|escape:'html':'UTF-8'" : "|escape:'javascript'|escape:'html':'UTF-8'";
            return $capture . '{$smarty.capture.sofinco_text' . $escape . '}';
        }, (string) $source);
    }

    /**
     * Text for HTML, quotes included: PHP before 8.1 escapes no single quote by default, and
     * the module runs on PHP 7.1 to 8.5 (PrestaShop 1.7). Every HTML the module builds in PHP
     * goes through it (make lint: no bare htmlspecialchars in php-module).
     */
    public static function html($text)
    {
        return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8');
    }
}
