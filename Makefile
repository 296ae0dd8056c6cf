# sofincosignature: the two commands are `make demo` (the main job) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := demo

PHP ?= php
PHPUNIT ?= /usr/bin/phpunit
CARGO ?= cargo
# The PHP suites load the debug build (built by cargo test's profile anyway); demo and
# benchmarks load the release build.
TEST_PROFILE ?= debug
TEST_SO := $(CURDIR)/target/$(TEST_PROFILE)/libsofinco.so
RELEASE_SO := $(CURDIR)/target/release/libsofinco.so
export RUST_BACKTRACE ?= 0
# The real PrestaShop the shop suite runs against (scripts/shop/): work folder, extra php flags
# for its web server and CLI (the debug extension by default), and whether test-shop leaves it up.
export SHOP_WORK ?= $(CURDIR)/.work
export SHOP_ENV ?= $(SHOP_WORK)/shop.env
export SHOP_PHP_ARGS ?= -d extension=$(TEST_SO)
# Under CI (CI=true) the shop is stopped after test-shop; elsewhere it is kept for reuse.
SHOP_KEEP ?= $(if $(filter true,$(CI)),0,1)

# The PHP to build for: `make build PHP_CONFIG=/path/to/php-config` (default: php-config and
# php in PATH). ext-php-rs reads the headers through php-config and the version and thread
# safety from the php binary, so PHP follows PHP_CONFIG (build.rs refuses a mismatch).
ifneq ($(origin PHP_CONFIG),undefined)
export PHP_CONFIG
ifeq ($(origin PHP),file)
PHP := $(shell $(PHP_CONFIG) --php-binary)
endif
export PHP
endif

SERVE ?= 0
.PHONY: memcheck demo demo-down test deps build build-debug test-rust test-php test-pie test-shop test-harness test-cluster test-matrix test-browser screenshots shop-up shop-down stubs stubs-check lint clean release

deps:
	@scripts/install-deps.sh

build: deps
	$(CARGO) build --release

build-debug: deps
	$(CARGO) build

# The main job: the extension's story, then a real shop with the module and a scripted
# purchase. SERVE=1 leaves the shop and the sandbox running; make demo-down stops them.
demo: build
	@SERVE=$(SERVE) scripts/demo.sh

demo-down:
	-kill $$(sed -n 's/^SANDBOX_PID=//p' $(CURDIR)/.work/demo/sandbox.env 2>/dev/null) 2>/dev/null; rm -f $(CURDIR)/.work/demo/sandbox.env
	SHOP_WORK=$(CURDIR)/.work/demo scripts/shop/shop-down.sh

lint: deps
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(PHP) tools/gen-translations.php --check
	@# The licences shipped with every pre-built .so match Cargo.lock.
	$(PHP) tools/gen-third-party-licenses.php --check
	@! $(PHP) tools/gen-third-party-licenses.php --check --file=tests/fixtures/third-party-licenses-stale.md 2>/dev/null || { echo "gen-third-party-licenses misses a stale file" >&2; exit 1; }
	@! $(PHP) tools/gen-translations.php --check --module=tests/fixtures/translations-legacy >/dev/null 2>&1 || { echo "gen-translations misses a text on the legacy l()" >&2; exit 1; }
	@# The log check must catch a planted leak, or it proves nothing.
	@! scripts/check-logs.sh tests/fixtures/leaky-logs >/dev/null 2>&1 || { echo "check-logs misses a planted leak" >&2; exit 1; }
	@# The module parses under every PHP here (php8.x in /usr/bin) and avoids what PHP 7.1 cannot parse.
	@for php in $(PHP) $$(ls /usr/bin/php[0-9]* 2>/dev/null | grep -E '/php[0-9]+\.[0-9]+$$'); do \
	  for f in $$(find php-module -name '*.php' -not -path '*/vendor/*'); do $$php -l $$f >/dev/null || exit 1; done; done
	$(PHP) tools/check-php71-syntax.php php-module/sofincosignature
	@for f in tests/fixtures/php8-syntax/*.php; do \
	  ! $(PHP) tools/check-php71-syntax.php $$f >/dev/null 2>&1 || { echo "check-php71-syntax misses $$f" >&2; exit 1; }; done
	@# Coding standard (phpcs.xml: PSR-12 and the rules that matter), and its planted violation.
	phpcs -q --standard=phpcs.xml
	@! phpcs -q --standard=phpcs.xml tests/fixtures/phpcs-violations >/dev/null 2>&1 || { echo "phpcs misses a planted violation" >&2; exit 1; }
	@# Every {l} of the module's templates is escaped at output (SofincoEscape), and a planted raw one is caught.
	$(PHP) tools/check-template-escaping.php php-module/sofincosignature/views
	@! $(PHP) tools/check-template-escaping.php tests/fixtures/template-unescaped >/dev/null 2>&1 || { echo "check-template-escaping misses a planted raw {l}" >&2; exit 1; }
	$(MAKE) stubs-check
	@# The typed boundary: no state key outside SofincoStates, no array given to the extension (and each planted breach is caught).
	$(PHP) tools/check-typed-boundary.php php-module/sofincosignature
	@for f in tests/fixtures/typed-boundary/*.php; do \
	  ! $(PHP) tools/check-typed-boundary.php $$f >/dev/null 2>&1 || { echo "check-typed-boundary misses $$f" >&2; exit 1; }; done
	@# HTML built in PHP goes through SofincoEscape::html (quotes escaped on PHP 7 too).
	@! grep -rn 'htmlspecialchars(' php-module --include='*.php' | grep -v '/classes/SofincoEscape.php:' || { echo "php-module: use SofincoEscape::html, not htmlspecialchars (PHP < 8.1 leaves single quotes raw)" >&2; exit 1; }
	@# Every module file names its licence (and a planted file without one is caught).
	tools/check-license-headers.sh php-module/sofincosignature
	@! tools/check-license-headers.sh tests/fixtures/license-missing >/dev/null 2>&1 || { echo "check-license-headers misses a planted file" >&2; exit 1; }

test-rust: deps
	$(CARGO) test

# The suites' client logs go to TEST_LOGS, then scripts/check-logs.sh greps them for secrets.
TEST_LOGS := $(CURDIR)/.work/test-logs
# Its output is kept in .work/matrix/host-php.log for make test-matrix's table.
test-php: build-debug
	rm -rf $(TEST_LOGS)
	@mkdir -p $(CURDIR)/.work/matrix
	set -o pipefail; SOFINCO_TEST_LOGS=$(TEST_LOGS) SOFINCO_EXT=$(TEST_SO) $(PHP) -d extension=$(TEST_SO) $(PHPUNIT) --configuration phpunit.xml | tee $(CURDIR)/.work/matrix/host-php.log
	scripts/check-logs.sh $(TEST_LOGS)

# A real PrestaShop 8.1.2 on a real MariaDB on loopback (installed once in $(SHOP_WORK), reused).
shop-up: build-debug
	scripts/shop/shop-up.sh

shop-down:
	scripts/shop/shop-down.sh

# The harness check (tests/harness): the test shop itself works (storefront, cart, back-office
# login, another payment module's validateOrder, module console). Not the module's suite.
test-harness: shop-up
	$(PHP) $(PHPUNIT) --configuration phpunit-harness.xml $(PHPUNIT_ARGS)

# Leaves the shop running for the next run unless SHOP_KEEP=0; a failed suite still fails.
test-shop: shop-up
	@mkdir -p $(CURDIR)/.work/matrix; set -o pipefail; status=0; scripts/shop/shop-install-module.sh && \
	SOFINCO_SANDBOX=$(CURDIR)/target/$(TEST_PROFILE)/sofinco-sandbox $(PHP) $(PHPUNIT) --configuration phpunit-shop.xml $(PHPUNIT_ARGS) | tee $(CURDIR)/.work/matrix/host-shop.log || status=$$?; \
	[ $$status != 0 ] || scripts/check-logs.sh $(SHOP_WORK)/prestashop/var/logs/sofincosignature-* || status=$$?; \
	if [ "$(SHOP_KEEP)" = 0 ]; then scripts/shop/shop-down.sh; \
	else echo "test-shop: shop left running ($(SHOP_ENV)); stop it with: make shop-down"; fi; \
	exit $$status

# The shop's two races on a 3-node MariaDB Galera cluster on loopback: two web servers on
# nodes 1 and 2, crons on node 3, then the GET_LOCK negative control (must fail). Own work
# folder (.work/cluster, rebuilt each run); stops every process it started, even on failure.
test-cluster: build-debug
	scripts/cluster/test-cluster.sh

# Every PHP and PrestaShop this machine can run for real (scripts/matrix/test-matrix.sh): Debian
# chroots under .work/chroots (trixie: PHP 8.4, sid: PHP 8.5, bullseye: PHP 7.4): the extension
# built for PHP 8.4 and 8.5 (ext-php-rs) and 7.4 (phper), the PHP suites on each (valgrind on
# 7.4), the shop suite and the browser checks on PrestaShop 1.7.8.11 and 8.1.2 × PHP 7.4 (and
# the shop suite on 8.2.1 or 8.1.2 × PHP 8.4 with MATRIX_PS821=1 or MATRIX_PS812=1); then the
# table of combinations and test counts.
test-matrix: build-debug
	scripts/matrix/test-matrix.sh

# playwright-core (package-lock.json, exact version) for the browser checks; reinstalled when
# the lock file changes. Never a downloaded browser: Debian's /usr/bin/chromium.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The browser checks (tests/browser/*.test.mjs, node --test) in headless Chromium against the
# shop test-shop uses, with their own sandbox; skipped with a message when Chromium is missing.
# Screenshots go to $(SHOP_WORK)/screenshots; make screenshots writes docs/screenshots/.
# The shop is brought up here, not as a prerequisite: test-shop may have stopped it (CI) and
# make runs a prerequisite only once.
test-browser: build-debug node_modules/.package-lock.json
	@if [ ! -x /usr/bin/chromium ]; then echo "test-browser: skipped, no /usr/bin/chromium (apt-get install chromium chromium-driver)"; exit 0; fi; \
	status=0; scripts/shop/shop-up.sh && scripts/shop/shop-install-module.sh && \
	SOFINCO_SANDBOX=$(CURDIR)/target/$(TEST_PROFILE)/sofinco-sandbox tests/browser/run.sh || status=$$?; \
	if [ "$(SHOP_KEEP)" = 0 ]; then scripts/shop/shop-down.sh; fi; \
	exit $$status

screenshots:
	$(MAKE) test-browser SCREENSHOT_DIR=$(CURDIR)/docs/screenshots

# Regenerates the stub from the built extension (atomically: a failed run leaves the old one).
stubs: build-debug
	$(PHP) -d extension=$(TEST_SO) tools/gen-stubs.php > stubs/.sofinco.stub.php.tmp
	mv stubs/.sofinco.stub.php.tmp stubs/sofinco.stub.php

# The committed stub is what the built extension generates (also tests/php StubDriftTest).
stubs-check: build-debug
	@$(PHP) -d extension=$(TEST_SO) tools/gen-stubs.php | diff -u stubs/sofinco.stub.php - || { echo "stubs/sofinco.stub.php is out of date: run make stubs" >&2; exit 1; }

# The extension under valgrind: no leak, no invalid access of its own.
memcheck: build-debug
	scripts/memcheck.sh $(TEST_SO)

# The PIE glue as PIE runs it (phpize, ./configure, make, make install) from a clean copy of
# the tree, then the installed sofinco.so loaded into PHP. Own cargo target dir (.work/pie-target,
# kept between runs); PIE_TEST_PROFILE=release builds optimised (default debug: quicker).
test-pie: deps
	scripts/test-pie.sh

# The matrix (scripts/matrix/test-matrix.sh: its chroots, the 8.4/8.5 and 7.4 builds and
# suites, in two lanes of its own) runs from the start beside the host's lint, Rust tests and
# suites; its 8.x lane waits for the host's debug build (the stamp): its builds start from a
# copy of it. The host then runs its shop's suites (harness, shop, browser) beside the rest
# (PHP suites, memcheck, PIE, the small soak in a shop of its own). Together they keep both
# cores busy the whole run. The matrix's output goes to .work/matrix/matrix.log, shown when
# it ends; its table is printed once both are done.
MATRIX_LOG := $(CURDIR)/.work/matrix/matrix.log
MATRIX_STAMP := $(CURDIR)/.work/matrix/host-built.stamp
HOST_SIDE_LOG := $(CURDIR)/.work/matrix/host-side.log
# playwright-core first: the matrix's browser checks may start before the host's.
test: deps node_modules/.package-lock.json
	@mkdir -p $(CURDIR)/.work/chroots $(CURDIR)/.work/matrix; rm -f $(CURDIR)/.work/matrix/host-*.log $(MATRIX_STAMP); \
	MATRIX_TABLE=0 MATRIX_HOST_STAMP=$(MATRIX_STAMP) scripts/matrix/test-matrix.sh >$(MATRIX_LOG) 2>&1 & matrix=$$!; \
	echo "make test: make test-matrix runs beside the host suites from the start (log: $(MATRIX_LOG))"; \
	host=0; $(MAKE) lint test-rust build-debug || host=$$?; \
	echo $$([ $$host = 0 ] && echo ok || echo failed) >$(MATRIX_STAMP); \
	if [ $$host = 0 ]; then \
	  $(MAKE) test-php memcheck test-pie test-soak-small >$(HOST_SIDE_LOG) 2>&1 & side=$$!; \
	  echo "make test: test-php, memcheck, test-pie and test-soak-small run beside the shop's suites (log: $(HOST_SIDE_LOG))"; \
	  $(MAKE) test-harness test-shop test-browser || host=$$?; \
	  wait $$side || host=1; cat $(HOST_SIDE_LOG); \
	fi; \
	echo "make test: the host suites $$([ $$host = 0 ] && echo passed || echo FAILED); waiting for the matrix"; \
	wait $$matrix; matrix_status=$$?; cat $(MATRIX_LOG); scripts/matrix/table.sh; \
	[ $$host = 0 ] && [ $$matrix_status = 0 ] || { echo "make test: FAILED" >&2; exit 1; }
	@echo "make test: all suites passed"

clean:
	$(CARGO) clean

# Benchmarks (not tests): DossierSync against PHP ext-curl and curl_multi, warm vs cold
# simulate() (BENCH_N, BENCH_LATENCY_MS, BENCH_CONCURRENCY), then the storefront and the
# statuses cron in the real test shop.
.PHONY: bench
bench: build
	SOFINCO_EXT=$(RELEASE_SO) SOFINCO_SANDBOX=$(CURDIR)/target/release/sofinco-sandbox \
		$(PHP) -d extension=$(RELEASE_SO) benches/run.php
	$(MAKE) bench-shop
	$(MAKE) bench-cron

# The storefront in the test shop (benches/shop_pages.php, README "Benchmarks"), release build,
# OPcache off then on: the shop's web server restarts with each set of flags (the next
# make shop-up or test-shop gives the debug flags back). BENCH_PAGES, BENCH_BLOCKS, BENCH_BLOCK_N.
.PHONY: bench-shop
bench-shop: build
	@for oc in 0 1; do \
	  flags="-d extension=$(RELEASE_SO) -d opcache.enable_cli=$$oc"; \
	  SHOP_PHP_ARGS="$$flags" scripts/shop/shop-up.sh >/dev/null && \
	  SHOP_PHP_ARGS="$$flags" scripts/shop/shop-install-module.sh >/dev/null && \
	  SHOP_PHP_ARGS="$$flags" BENCH_OPCACHE=$$([ $$oc = 1 ] && echo on || echo off) \
	    SOFINCO_SANDBOX=$(CURDIR)/target/release/sofinco-sandbox \
	    $(PHP) -d extension=$(RELEASE_SO) benches/shop_pages.php || exit 1; \
	done

# The statuses cron end to end in the real test shop (calls and PrestaShop's state changes):
# BENCH_CRON_N orders (500,2000) at BENCH_CRON_LATENCY_MS (50,300), the release extension.
.PHONY: bench-cron
bench-cron: build shop-up
	scripts/shop/shop-install-module.sh
	SHOP_PHP_ARGS="-d extension=$(RELEASE_SO)" SOFINCO_SANDBOX=$(CURDIR)/target/release/sofinco-sandbox \
		$(PHP) benches/cron_shop.php

# Pre-built binaries named as PIE expects, one per PHP minor this machine can build and load
# (7.4, 8.2, 8.4, 8.5), each built on Debian 11 (glibc 2.31) and loaded into its PHP before it
# is kept, with SHA256SUMS and the table dist/release/release-table.md (scripts/matrix/
# release-all.sh; RELEASE_PHPS="8.4 8.5" to narrow). The other PHP minors and ZTS:
# .github/workflows/release.yml.
release: deps
	scripts/matrix/release-all.sh $(CURDIR)/dist/release

# What a merchant installs: the module zip, the pre-built archives of make release, the PIE
# source package, the build notes, and SHA256SUMS.
.PHONY: dist
dist: build
	scripts/dist.sh

# A longer fuzz run than make test's (proptest; PROPTEST_CASES to tune).
.PHONY: fuzz
fuzz: deps
	PROPTEST_CASES=$${PROPTEST_CASES:-200000} $(CARGO) test --release -p sofinco-core --test fuzz_decoding

# The fault soak (bounded; loopback only): SOAK_N dossiers (2000), SOAK_ROUNDS, SOAK_TIMEOUT.
.PHONY: soak test-soak-small
soak: build
	scripts/soak.sh

# The same faults on 300 dossiers with the debug build, in make test's host lane (its own shop
# in .work/soak, stopped after).
test-soak-small: build-debug
	SOAK_N=$${SOAK_N:-300} SOAK_PROFILE=debug SOAK_TIMEOUT=$${SOAK_TIMEOUT:-600} scripts/soak.sh
