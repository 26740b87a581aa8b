#!/usr/bin/env bash
# Installs what Jalon's build and tests need beyond a fresh Debian machine of this kind
# (rustup's Rust, node and npm, python3, make). Idempotent: a second run installs nothing.
# The recipe and its reasons: ../shared/TOOLCHAIN.md in the project's workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

# Debian's Rust builds the standard library for the browser (-Zbuild-std): rustup's
# target download is unreachable here. Chromium and Firefox ESR run the page's tests.
# zopfli writes the gzip of the page's stylesheet and main script, 5 % smaller than
# zlib's best; zstd packs its module.
# poppler-utils turns the bilan's PDF into PNG pages for its tests (pdftoppm, pdftotext).
packages=(rustc-web cargo-web rust-web-src lld chromium chromium-driver firefox-esr zopfli zstd poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installation des paquets Debian : ${missing[*]}"
  sudo_if_needed apt-get update -qq \
    || fail "apt-get update a échoué." "Vérifiez l'accès aux dépôts Debian, puis relancez la commande."
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq "${missing[@]}" >/dev/null \
    || fail "l'installation de ${missing[*]} a échoué." "Lancez « apt-get install ${missing[*]} » pour voir l'erreur, corrigez-la, puis relancez."
fi

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.toml.
if [ "$("$TOOLS_BIN/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installation de wasm-bindgen $WASM_BINDGEN_VERSION (environ 2 minutes, une seule fois)"
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || fail "l'installation de wasm-bindgen-cli a échoué." "Vérifiez l'accès à crates.io, puis relancez."
fi

# geckodriver lets the tests drive Firefox ESR; it has no Debian package.
if ! "$TOOLS_BIN/geckodriver" --version >/dev/null 2>&1; then
  say "installation de geckodriver (environ 2 minutes, une seule fois)"
  cargo install -q geckodriver --locked \
    || fail "l'installation de geckodriver a échoué." "Vérifiez l'accès à crates.io, puis relancez."
fi

# wasm-opt, Playwright, Selenium and axe-core, at the versions of package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installation des outils npm (package-lock.json)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null \
    || fail "npm ci a échoué." "Vérifiez l'accès au registre npm, puis relancez."
fi
