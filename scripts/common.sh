# Shared by the project's scripts: tool locations and plain-words failure messages.

# Debian's toolchain first, for every build: rustup's rustc has no wasm standard library.
export PATH="/usr/bin:$PATH"
TOOLS_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
WASM_BINDGEN_VERSION=0.2.130
export TOOLS_BIN WASM_BINDGEN_VERSION

say() { printf 'jalon : %s\n' "$*"; }

# fail WHAT WHAT_TO_DO
fail() {
  printf '\njalon : ÉCHEC — %s\n' "$1" >&2
  printf '        Que faire : %s\n\n' "$2" >&2
  exit 1
}

sudo_if_needed() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
