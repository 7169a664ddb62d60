# Shared by the benchmark scripts (sourced): a scratch folder that is removed on exit, with every
# process put in `pids` stopped first (BENCH_KEEP=1 keeps the folder), `say`, and the tools a run needs.
#   scratch <name>                  sets tmp to a fresh /tmp/<name>.XXXXXX and the exit trap
#   needs <command…>                stops unless each is on PATH
#   debian_packages <package…>      installs each missing one with apt-get (the machine's user is root)

say() { echo "bench: $*" >&2; }

scratch() {
  tmp=$(mktemp -d "/tmp/$1.XXXXXX")
  pids=()
  trap scratch_cleanup EXIT INT TERM
}
scratch_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${BENCH_KEEP:-}" ]; then echo "bench: kept $tmp" >&2; else rm -rf "$tmp"; fi
}

needs() {
  for tool in "$@"; do command -v "$tool" >/dev/null || { say "needs $tool on PATH"; exit 1; }; done
}

debian_packages() {
  for pkg in "$@"; do
    if ! command -v "$pkg" >/dev/null; then
      say "installing $pkg from Debian's packages"
      apt-get install -y -qq "$pkg" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$pkg" >/dev/null; }
    fi
  done
}
