#!/usr/bin/env bash
# The developer's entry point. On a fresh Debian/Ubuntu machine with Python 3.11+ it installs
# what is missing (system libraries Qt needs, the virtual environment from requirements.lock),
# then does what it is asked:
#
#   build_scripts/dev.sh app [ARGS]    start SayPro Field Learning (ARGS go to saypro-desktop)
#   build_scripts/dev.sh test [ARGS]   ruff, mypy and the whole test suite (ARGS go to pytest)
#   build_scripts/dev.sh build [ARGS]  the executable, smoke- and end-to-end tested (ARGS go to
#                                      build_scripts/build_executable.py, e.g. --mode both --package)
#   build_scripts/dev.sh setup         only install
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
VENV=$ROOT/.venv
PYTHON=${PYTHON:-python3}

# Qt's libraries for offscreen and X11 (xcb) windows, fonts, Xvfb for the real-window tests.
APT_PACKAGES=(
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0
  libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 libx11-xcb1 libglib2.0-0 fonts-dejavu-core xvfb xauth
  binutils  # PyInstaller strips and inspects the libraries it bundles
  postgresql  # the server's tests run against a real PostgreSQL as well as SQLite
  trayer  # a system tray for X: the tray icon's test runs under Xvfb with it
  dbus-daemon gnome-keyring  # a real Secret Service (the desktop keyring) for the sign-in tokens' test
  wrk  # bench/server_load.py's HTTP load generator
  nginx  # the two-app-servers test runs its own nginx on loopback (Docker-style machines keep the service stopped)
  chromium  # the web dashboard's browser tests (tests/web, Playwright driving Debian's Chromium)
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

check_python() {
  if ! command -v "$PYTHON" >/dev/null; then
    echo "Python 3.11 or newer is needed: install it with 'sudo apt-get install python3 python3-venv'." >&2
    exit 1
  fi
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "Python 3.11 or newer is needed; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
    exit 1
  fi
  if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    APT_PACKAGES+=(python3-venv)
  fi
  # Node.js for bench/sync_link.py's peer (PouchDB); a Node.js from elsewhere (nodesource) is kept.
  command -v node >/dev/null || APT_PACKAGES+=(nodejs npm)
}

install_system_packages() {
  command -v dpkg-query >/dev/null || return 0  # not Debian/Ubuntu: the README lists what to install
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing system packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_venv() {
  local stamp=$VENV/.installed
  if [ -f "$stamp" ] && [ "$stamp" -nt requirements.lock ] && [ "$stamp" -nt pyproject.toml ]; then
    return 0
  fi
  say "creating the virtual environment in .venv (from requirements.lock)"
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check uv
  "$VENV/bin/uv" pip sync -q --python "$VENV/bin/python" requirements.lock
  "$VENV/bin/uv" pip install -q --python "$VENV/bin/python" --no-deps -e .
  touch "$stamp"
}

setup_bench_peer() {  # PouchDB and express-pouchdb for bench/sync_link.py, from bench/pouchdb/package-lock.json
  local peer=$ROOT/bench/pouchdb
  [ -d "$peer/node_modules" ] && [ "$peer/node_modules" -nt "$peer/package-lock.json" ] && return 0
  command -v npm >/dev/null || { echo "npm is missing: bench/sync_link.py will run without its PouchDB peer." >&2; return 0; }
  say "installing the benchmarks' PouchDB peer (npm ci in bench/pouchdb)"
  (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
    echo "npm ci failed in bench/pouchdb: bench/sync_link.py will run without its PouchDB peer." >&2
}

compile_translations() {  # the .ts sources are in git; the .qm files the app loads are built here
  "$VENV/bin/python" build_scripts/translations.py compile >/dev/null
}

setup() {
  check_python
  install_system_packages
  setup_venv
  compile_translations
  setup_bench_peer
}

# A throw-away PostgreSQL cluster for the server tests, on a free loopback port, stopped on exit.
PG_DIR=$ROOT/.pgtest
PG_BIN=
as_postgres() {  # PostgreSQL refuses to run as root: use its own account when we are root
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}
stop_postgres() {
  [ -n "$PG_BIN" ] && as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
}
start_postgres() {
  local port
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$PG_BIN" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql); its tests will be skipped." >&2
    return 0
  fi
  port=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  rm -rf "$PG_DIR" && mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  say "starting PostgreSQL on 127.0.0.1:$port"
  as_postgres "'$PG_BIN/initdb' -D '$PG_DIR/data' --auth=trust -U postgres -E UTF8 >'$PG_DIR/initdb.log' 2>&1"
  trap stop_postgres EXIT
  as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -o \"-p $port -k '$PG_DIR' \
    -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null"
  export SAYPRO_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
}

run_tests() {
  say "ruff"
  "$VENV/bin/ruff" check .
  say "mypy"
  "$VENV/bin/mypy"
  start_postgres
  # Three workers on two cores: most tests wait on a server process, a slow link or Qt, not the CPU.
  # SAYPRO_TEST_WORKERS=0 runs them one after another.
  say "pytest (${SAYPRO_TEST_WORKERS:-3} workers)"
  "$VENV/bin/pytest" -n "${SAYPRO_TEST_WORKERS:-3}" --dist loadgroup "$@"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  setup) setup ;;
  app) setup; exec "$VENV/bin/saypro-desktop" "$@" ;;
  test) setup; run_tests "$@" ;;
  build) setup; "$VENV/bin/python" build_scripts/build_executable.py "$@" ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
