#!/usr/bin/env bash
# The surface of the code, checked before any test: rustfmt's layout and clippy's lints,
# the core with its tests and the browser shell alike, warnings refused.
# Debian's toolchain (which builds the page) has neither tool: rustup's, on the host, does.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

rustup_cargo="${CARGO_HOME:-$HOME/.cargo}/bin/cargo"
[ -x "$rustup_cargo" ] || fail "cargo de rustup est introuvable ($rustup_cargo)." "Installez Rust avec rustup (voir le README), puis relancez."
if ! "$rustup_cargo" fmt --version >/dev/null 2>&1 || ! "$rustup_cargo" clippy --version >/dev/null 2>&1; then
  say "installation de rustfmt et clippy (rustup)"
  "${CARGO_HOME:-$HOME/.cargo}/bin/rustup" component add rustfmt clippy \
    || fail "rustfmt ou clippy manque à la chaîne rustup." "Lancez « rustup component add rustfmt clippy », puis relancez."
fi

# rustup's tools on rustup's compiler, in a target folder of their own: the page's build
# (Debian's compiler) is not rebuilt for them.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" CARGO_TARGET_DIR=target/lint
cargo fmt --check && cargo fmt --check --manifest-path unpack/Cargo.toml \
  || fail "la mise en forme du code diffère de celle de rustfmt (voir ci-dessus)." "Lancez « cargo fmt », puis relancez."
cargo clippy -q --all-targets -- -D warnings \
  || fail "clippy signale des avertissements dans le cœur ou ses tests (voir ci-dessus)." "Corrigez-les, puis relancez."
cargo clippy -q --lib --tests --features web -- -D warnings \
  || fail "clippy signale des avertissements dans l'interface ou ses tests (voir ci-dessus)." "Corrigez-les, puis relancez."
