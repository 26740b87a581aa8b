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
# optimize_for_size: the standard library's small variants (a merge sort instead of
# driftsort and quicksort for each sorted type, shorter number formatting and parsing);
# same results, about 14 KB less gzipped.
cargo build -q --profile wasm --lib --features web --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
  || fail "la compilation du module WebAssembly a échoué (voir les erreurs ci-dessus)." \
          "Corrigez l'erreur de compilation ; si elle parle de rust-src ou de wasm-ld, relancez « make setup »."

target="${CARGO_TARGET_DIR:-target}"
out="$target/web"
rm -rf "$out" && mkdir -p "$out" pkg
"$TOOLS_BIN/wasm-bindgen" --target web --no-typescript --out-dir "$out" \
  "$target/wasm32-unknown-unknown/wasm/jalon.wasm" \
  || fail "wasm-bindgen n'a pas pu préparer le module." "Relancez « make setup » : il réinstalle la version attendue ($WASM_BINDGEN_VERSION)."
# --converge repeats -Oz while it still shrinks the module. The module's own memory starts
# zeroed (zero bytes of the data need not be stored), and Rust's pointers never wrap
# around into its first KB (the far end of the stack), so constant additions fold into
# load and store offsets. The producers and features sections serve no browser.
# About 10 KB less gzipped than a single -Oz.
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --zero-filled-memory \
  --strip-producers --strip-target-features -o pkg/jalon_bg.wasm "$out/jalon_bg.wasm" \
  || fail "wasm-opt a échoué." "Relancez « make setup » pour réinstaller les outils npm."
cp "$out/jalon.js" pkg/jalon.js
# The page's unpacker (unpack/), a crate of its own with no dependency: built for speed,
# it unpacks the module while the page starts.
# Its target folder, as seen from unpack/: CARGO_TARGET_DIR may be absolute.
case "$target" in
  /*) unpack_target="$target/unpack" ;;
  *) unpack_target="../$target/unpack" ;;
esac
(cd unpack && CARGO_TARGET_DIR="$unpack_target" cargo build -q --release --target wasm32-unknown-unknown \
  -Zbuild-std=core,panic_abort) \
  || fail "la compilation du décompresseur de la page (unpack/) a échoué." "Corrigez l'erreur ci-dessus ; si elle parle de rust-src ou de wasm-ld, relancez « make setup »."
node_modules/.bin/wasm-opt -O3 --strip-debug --strip-producers --strip-target-features -o "$out/unpack.wasm" \
  "$target/unpack/wasm32-unknown-unknown/release/unpack.wasm" \
  || fail "wasm-opt a échoué." "Relancez « make setup » pour réinstaller les outils npm."
node scripts/bundle.mjs pkg/jalon.js pkg/jalon_bg.wasm "$out/unpack.wasm" www pkg/jalon.html \
  || fail "l'assemblage de pkg/jalon.html a échoué." "Lisez le message ci-dessus ; les gabarits sont dans www/."
