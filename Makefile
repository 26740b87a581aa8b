# Jalon's two commands: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
# Fixed: local storage belongs to an origin, port included; another port would show
# an empty library.
PORT := 8717
export PATH := /usr/bin:$(PATH)

.PHONY: setup build run test lint test-core test-e2e bench

setup:
	@scripts/setup.sh

build: setup
	@scripts/build.sh

run: build
	@echo "jalon : le plan d'exemple est servi sur http://127.0.0.1:$(PORT)/jalon.html (Ctrl+C pour arrêter)"
	@echo "jalon : sans serveur, ouvrez pkg/jalon.html par un double-clic."
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory pkg

test: build lint test-core test-e2e

# rustfmt and clippy (warnings refused), before any test.
lint: setup
	@scripts/lint.sh

# The core alone, natively, without the browser feature; then the shell's logic that
# needs no browser (its reducer), natively, in a target of its own so that neither
# build undoes the other's.
test-core: setup
	cargo test --release -q
	CARGO_TARGET_DIR=target/shell cargo test --features web --lib -q ui::

# The built page in headless Chromium (served and file://) and Firefox ESR (file://).
test-e2e: build
	node --test --test-concurrency=2 tests/e2e/

bench: build
	cargo bench -q --bench core
	JALON_FUZZ_CASES=1000000 cargo test --release -q --lib robustness::generated -- --nocapture
	node benches/page.mjs
	node benches/startup.mjs
	node benches/app.mjs
	node benches/first_use.mjs
	node benches/partners.mjs
	node benches/region.mjs
	node benches/sheet.mjs
	node benches/rebuild.mjs
	node benches/bilan.mjs
	node benches/file_home.mjs
