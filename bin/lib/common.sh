# shellcheck shell=bash disable=SC2034 # the constants are used by the files that source this one
# Shared helpers of the local stack scripts: paths, messages, processes.
# Sourced, never run; the caller sets `set -euo pipefail`.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Everything the stack writes lives in one folder so that `rm -rf` of it is a full reset. Absolute, because
# the servers started here do not share this shell's working directory.
STATE="$(realpath -m "${DISPATCH_STATE:-$REPO_ROOT/.local-stack}")"
DOMAIN="${DISPATCH_DOMAIN:-localtest.me}"

SECRETS="$STATE/secrets"
LOGS="$STATE/logs"
RUN="$STATE/run"

CONTROL_PLANE_PORT=5433
KAFKA_PORT=9092
PROXY_PORT=4432

log() {
    printf '==> %s\n' "$*"
}

warn() {
    printf 'warning: %s\n' "$*" >&2
}

die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# PostgreSQL refuses to run its server tools as root, so they run as the postgres system user.
as_postgres() {
    runuser -u postgres -- "$@"
}

# The server binaries are not on PATH on Debian (only pg_wrapper links are); pg_config knows where they are.
pg_bin() {
    local bindir
    bindir="$(pg_config --bindir 2>/dev/null)" || die "pg_config not found: install the Debian package postgresql"
    [[ -x "$bindir/$1" ]] || die "$bindir/$1 not found: install the Debian package postgresql"
    printf '%s/%s\n' "$bindir" "$1"
}

# Creates the state folders. The folder itself stays traversable because PostgreSQL (as postgres) keeps its
# data below it; secrets are for root only.
prepare_state() {
    mkdir -p "$STATE" "$LOGS" "$RUN"
    chmod 755 "$STATE"
    install -d -m 700 "$SECRETS"
    as_postgres test -x "$STATE" \
        || die "the postgres user cannot reach $STATE (a parent folder is closed); set DISPATCH_STATE elsewhere"
}

# Prints a secret stored in the state folder, generating it first when it does not exist yet.
# Hex keeps it safe to paste into connection strings and config files without quoting rules.
secret() {
    local file="$SECRETS/$1"
    if [[ ! -s "$file" ]]; then
        (umask 077 && openssl rand -hex 16 >"$file")
    fi
    cat "$file"
}

# True while the process exists and is not a zombie: a child that died during `up` stays a zombie of
# this shell until the script ends, and kill -0 would still succeed on it.
process_alive() {
    local state
    state="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
    [[ -n "$state" && "$state" != Z ]]
}

port_open() {
    (: >"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Checked before starting a server: with the port taken by someone else, the waits below would happily
# talk to that other process.
require_free_port() {
    ! port_open "$1" || die "port $1 is already in use by a process this stack did not start; stop it first"
}

require_root() {
    [[ $EUID -eq 0 ]] || die "run as root: packages are installed with apt-get and servers run as postgres"
}

# Waits for a TCP port; a process that died while we wait fails at once with its log.
wait_for_port() {
    local port="$1" pid="$2" logfile="$3" timeout="${4:-60}"
    local waited=0
    until port_open "$port"; do
        process_alive "$pid" || die "process $pid exited before port $port opened; see $logfile"
        ((waited++ < timeout * 2)) || die "port $port did not open within ${timeout}s; see $logfile"
        sleep 0.5
    done
}

# A pid file is trusted only while its process still runs the command we started: a recycled pid of an
# unrelated process must never be signalled. The marker is a string unique to our command line.
running_pid() {
    local pidfile="$1" marker="$2" pid
    [[ -s "$pidfile" ]] || return 1
    pid="$(<"$pidfile")"
    [[ -r "/proc/$pid/cmdline" ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
    printf '%s\n' "$pid"
}

# Starts a command detached from this shell's session (so closing the terminal does not stop it),
# output appended to its log, and records its pid.
start_background() {
    local pidfile="$1" logfile="$2"
    shift 2
    setsid "$@" >>"$logfile" 2>&1 </dev/null &
    printf '%s\n' "$!" >"$pidfile"
}

# Asks a process we started to stop (TERM), waits for it, and only then insists (KILL).
stop_pid() {
    local name="$1" pidfile="$2" marker="$3" timeout="${4:-30}" pid waited=0
    if ! pid="$(running_pid "$pidfile" "$marker")"; then
        rm -f "$pidfile"
        return 0
    fi
    log "stopping $name (pid $pid)"
    kill -TERM "$pid"
    while process_alive "$pid"; do
        if ((waited++ >= timeout * 2)); then
            warn "$name (pid $pid) did not stop within ${timeout}s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.5
    done
    rm -f "$pidfile"
}
