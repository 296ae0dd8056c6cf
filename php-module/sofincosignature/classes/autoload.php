<?php
/**
 * Loads the module's classes (global names starting with "Sofinco", no namespace, so
 * PrestaShop 1.7 without Composer finds them too). The extension's classes live in the
 * `Sofinco\` namespace and never collide.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

spl_autoload_register(function ($class) {
    if (strpos($class, 'Sofinco') !== 0 || strpos($class, '\\') !== false) {
        return;
    }
    foreach (['/', '/../controllers/hook/'] as $dir) {
        $file = __DIR__ . $dir . $class . '.php';
        if (is_file($file)) {
            require_once $file;
            return;
        }
    }
});
