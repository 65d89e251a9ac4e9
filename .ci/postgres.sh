# Sourced by .ci/run: put PostgreSQL's server programs (initdb, pg_ctl) on PATH for the tests
# that start a server of their own. When they are missing, install them with the system's
# package manager, non-interactively, if this user may (root, password-less sudo, Homebrew).
# Never fails the build: without them the PostgreSQL tests skip, and this says so.

# Where packages put the server programs outside PATH (Debian/Ubuntu, RHEL's PGDG, Alpine,
# Homebrew); the newest version found wins. Overridable for the script's own test.
CI_PG_DIRS=${CI_PG_DIRS:-"/usr/lib/postgresql/*/bin /usr/pgsql-*/bin /usr/libexec/postgresql*
/opt/homebrew/opt/postgresql@*/bin /usr/local/opt/postgresql@*/bin
/home/linuxbrew/.linuxbrew/opt/postgresql@*/bin"}
CI_PG_LOG=${CI_PG_LOG:-${TMPDIR:-/tmp}/ci-postgres-install.log}

_pg_found() { command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; }

_pg_add_path() {
    local pattern dir best
    # shellcheck disable=SC2086  # the patterns are globs, expanded here on purpose
    best=$(for pattern in $CI_PG_DIRS; do
        for dir in $pattern; do
            if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
        done
    done | sort -V | tail -n 1)
    if [ -n "$best" ]; then
        PATH="$best:$PATH"
        export PATH
    fi
}

_pg_root() {  # how to run a command as root: nothing (we are root), "sudo -n", or fail
    if [ "$(id -u)" = 0 ]; then
        echo ""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
        echo "sudo -n"
    else
        return 1
    fi
}

_pg_install() {
    local as
    if command -v brew >/dev/null 2>&1 && [ "$(id -u)" != 0 ]; then  # Homebrew refuses root
        HOMEBREW_NO_AUTO_UPDATE=1 brew install postgresql@16
        return
    fi
    if ! as=$(_pg_root); then
        echo "not root and no password-less sudo"
        return 1
    fi
    if command -v apt-get >/dev/null 2>&1; then
        $as env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            $as env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                --no-install-recommends postgresql
    elif command -v dnf >/dev/null 2>&1; then
        $as dnf install -y -q postgresql-server
    elif command -v apk >/dev/null 2>&1; then
        $as apk add --no-cache postgresql || $as apk add --no-cache postgresql16
    else
        echo "no package manager known here (apt-get, dnf, apk, brew)"
        return 1
    fi
}

ensure_postgres() {
    local why
    _pg_found || _pg_add_path
    if _pg_found; then
        echo "ci: PostgreSQL server programs: $(dirname "$(command -v initdb)")"
        return 0
    fi
    echo "ci: initdb/pg_ctl not found; installing PostgreSQL (log: $CI_PG_LOG)"
    why=""
    if ! _pg_install </dev/null >"$CI_PG_LOG" 2>&1; then
        why=$(tail -n 2 "$CI_PG_LOG" 2>/dev/null | tr '\n' ' ')
    fi
    _pg_add_path
    if _pg_found; then
        echo "ci: PostgreSQL installed: $(dirname "$(command -v initdb)")"
    else
        echo "ci: PostgreSQL could not be installed${why:+ (${why% })}; the PostgreSQL tests will skip"
    fi
    return 0
}
