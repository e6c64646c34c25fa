# Shared by scripts/setup.sh and scripts/test.sh: install what is missing, then build.
# Sourced, not run.

# Debian packages the build needs, and xapian-tools (quest) and gnuplot-nox that
# newsfacet-bench compares with and plots through; help2man (the man pages, made at
# build time from --help) and groff-base (the tests render them); bsdutils (script,
# a terminal for the end-to-end tests of terminal output; essential, so normally there).
NEWSFACET_PACKAGES=(g++ make cmake pkg-config libxapian-dev libicu-dev libcli11-dev nlohmann-json3-dev doctest-dev xapian-tools gnuplot-nox
                    libsqlite3-dev help2man groff-base bsdutils)
# The fuzz harnesses (scripts/test.sh --fuzz) only: clang, and libFuzzer's runtime
# (libclang_rt.fuzzer), which Debian 12 ships in libclang-rt-14-dev, only recommended
# by clang-14.
NEWSFACET_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)

# newsfacet_missing_packages [EXTRA_PACKAGE...]
newsfacet_missing_packages() {
  local missing=() p
  for p in "${NEWSFACET_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  echo "${missing[@]}"
}

# Installs missing packages: directly as root, through sudo otherwise; when neither
# works, prints the exact command and fails.
#   newsfacet_install_deps [EXTRA_PACKAGE...]   (the build's packages and these)
newsfacet_install_deps() {
  local missing
  missing=$(newsfacet_missing_packages "$@")
  [ -z "$missing" ] && return 0
  echo "newsfacet: installing missing packages: $missing" >&2
  local cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing"
  if [ "$(id -u)" = 0 ]; then
    bash -c "$cmd" >&2 || { echo "newsfacet: error: could not install: $missing" >&2; return 1; }
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo bash -c "$cmd" >&2 || { echo "newsfacet: error: could not install: $missing" >&2; return 1; }
  else
    echo "newsfacet: error: these Debian packages are missing: $missing" >&2
    echo "newsfacet: hint: run as root:  $cmd" >&2
    return 1
  fi
}

# newsfacet_build BUILD_DIR [cmake options...]
newsfacet_build() {
  local dir=$1; shift
  cmake -S "$NEWSFACET_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null || return 1
  cmake --build "$dir" -j"$(nproc 2>/dev/null || echo 2)"
}
