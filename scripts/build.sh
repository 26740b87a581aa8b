#!/usr/bin/env bash
# Builds the release WebAssembly module and writes pkg/: the optimised module, its glue,
# and pkg/jalon.html, the one self-contained file a user opens by double-click.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

export RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld
# Size: a panic stops the module without formatting a message or a source location
# (the page shows its own message if the module stops); about 15 KB less, gzipped.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
cargo build -q --profile wasm --lib --features web --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort \
  || fail "la compilation du module WebAssembly a échoué (voir les erreurs ci-dessus)." \
          "Corrigez l'erreur de compilation ; si elle parle de rust-src ou de wasm-ld, relancez « make setup »."

out=target/web
rm -rf "$out" && mkdir -p "$out" pkg
"$TOOLS_BIN/wasm-bindgen" --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/wasm/jalon.wasm \
  || fail "wasm-bindgen n'a pas pu préparer le module." "Relancez « make setup » : il réinstalle la version attendue ($WASM_BINDGEN_VERSION)."
node_modules/.bin/wasm-opt -Oz -o pkg/jalon_bg.wasm "$out/jalon_bg.wasm" \
  || fail "wasm-opt a échoué." "Relancez « make setup » pour réinstaller les outils npm."
cp "$out/jalon.js" pkg/jalon.js
node scripts/bundle.mjs pkg/jalon.js pkg/jalon_bg.wasm www pkg/jalon.html \
  || fail "l'assemblage de pkg/jalon.html a échoué." "Lisez le message ci-dessus ; les gabarits sont dans www/."
