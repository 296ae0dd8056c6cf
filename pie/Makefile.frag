# Appended by config.m4 to phpize's Makefile: `make` builds the Rust extension (the sofinco-php
# crate alone: neither the sandbox nor its web server) with cargo and
# puts it where phpize's `make install` (install-modules) takes it from. CARGO_TARGET_DIR in
# the environment overrides where cargo builds (default: target/ beside Cargo.toml).
all: sofinco-cargo

sofinco-cargo:
	@target="$${CARGO_TARGET_DIR:-$(SOFINCO_SRC)/target}"; \
	echo "sofinco: cargo build $(SOFINCO_CARGO_FLAGS) for $(SOFINCO_PHP_CONFIG) into $$target"; \
	cd "$(SOFINCO_SRC)" && \
	PHP_CONFIG="$(SOFINCO_PHP_CONFIG)" PHP="$(SOFINCO_PHP)" CARGO_TARGET_DIR="$$target" \
		"$(SOFINCO_CARGO)" build --locked -p sofinco-php $(SOFINCO_CARGO_FLAGS) && \
	mkdir -p "$(phplibdir)" && \
	cp "$$target/$(SOFINCO_PROFILE)/libsofinco.so" "$(phplibdir)/sofinco.so"

.PHONY: sofinco-cargo
