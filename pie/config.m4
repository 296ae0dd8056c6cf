dnl The phpize build glue of the sofinco extension, for PIE (`pie install`) and by hand:
dnl   phpize && ./configure --with-php-config=/path/to/php-config && make && make install
dnl The extension is Rust: `make` runs cargo against the PHP that php-config describes and
dnl leaves modules/sofinco.so, which phpize's own `make install` copies into extension_dir.

PHP_ARG_ENABLE([sofinco-debug],
  [whether to build sofinco without optimisations],
  [AS_HELP_STRING([--enable-sofinco-debug],
    [Build the Rust code in cargo's debug profile (quicker to compile, slower to run)])],
  [no], [no])

AC_MSG_CHECKING([for the sofinco sources])
SOFINCO_SRC=`cd "$srcdir/.." && pwd`
if test -f "$SOFINCO_SRC/Cargo.toml" && test -f "$SOFINCO_SRC/crates/sofinco-php/src/lib.rs"; then
  AC_MSG_RESULT([$SOFINCO_SRC])
else
  AC_MSG_ERROR([Cargo.toml and crates/ must be in the parent folder of $srcdir])
fi

dnl rustup installs cargo in ~/.cargo/bin, which a login shell may not have in PATH.
AC_PATH_PROG([SOFINCO_CARGO], [cargo], [], [$PATH:$HOME/.cargo/bin])
if test -z "$SOFINCO_CARGO"; then
  AC_MSG_ERROR([cargo not found: install Rust 1.85+ with rustup (https://rustup.rs), then re-run ./configure])
fi

dnl ext-php-rs reads headers through php-config and the version and thread safety from the
dnl php binary: both must be the PHP being configured for.
SOFINCO_PHP_CONFIG="$PHP_CONFIG"
SOFINCO_PHP=`$PHP_CONFIG --php-binary 2>/dev/null`
AC_MSG_CHECKING([for the PHP to build sofinco for])
if test -z "$SOFINCO_PHP" || test ! -x "$SOFINCO_PHP"; then
  AC_MSG_ERROR([$PHP_CONFIG --php-binary names no executable php; the PHP CLI of this version is needed to build])
fi
AC_MSG_RESULT([$SOFINCO_PHP (`$PHP_CONFIG --version`)])

if test "$PHP_SOFINCO_DEBUG" = "yes"; then
  SOFINCO_CARGO_FLAGS=""
  SOFINCO_PROFILE="debug"
else
  SOFINCO_CARGO_FLAGS="--release"
  SOFINCO_PROFILE="release"
fi

PHP_SUBST([SOFINCO_SRC])
PHP_SUBST([SOFINCO_CARGO])
PHP_SUBST([SOFINCO_PHP_CONFIG])
PHP_SUBST([SOFINCO_PHP])
PHP_SUBST([SOFINCO_CARGO_FLAGS])
PHP_SUBST([SOFINCO_PROFILE])
PHP_ADD_MAKEFILE_FRAGMENT([$abs_srcdir/Makefile.frag])
