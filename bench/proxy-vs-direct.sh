#!/usr/bin/env bash
# What the proxy costs: pgbench select-only against the demo compute directly, through pg-dispatch's proxy
# and through PgBouncer (session mode) in front of the same compute, side by side.
#
# Needs the local stack (bin/local-stack up; started here when the proxy is not ready). Settings:
#   BENCH_CLIENTS (32), BENCH_THREADS (2), BENCH_DURATION seconds per run (20), BENCH_SCALE for pgbench -i (10),
#   BENCH_WARMUP seconds through the proxy before the measured runs, so that its JIT has compiled the relay (10),
#   BENCH_ROUNDS of all paths, each round in another order; the table shows each path's median (3)
#
# PgBouncer runs twice: plaintext like the direct path, and with TLS from pgbench like the proxy path, which is
# the like-for-like comparison (the proxy accepts TLS only).
# shellcheck source-path=SCRIPTDIR/../bin/lib
set -euo pipefail

LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/../bin/lib" && pwd)"
source "$LIB/common.sh"
source "$LIB/packages.sh"

CLIENTS="${BENCH_CLIENTS:-32}"
THREADS="${BENCH_THREADS:-2}"
DURATION="${BENCH_DURATION:-20}"
SCALE="${BENCH_SCALE:-10}"
WARMUP="${BENCH_WARMUP:-10}"
ROUNDS="${BENCH_ROUNDS:-3}"
PATHS=(direct proxy pgbouncer pgbouncer-tls)

BENCH="$STATE/bench"
PGBOUNCER_PORT=6432
PGBOUNCER_INI="$BENCH/pgbouncer.ini"
PGBOUNCER_PID="$RUN/pgbouncer.pid"
PGBOUNCER_LOG="$LOGS/pgbouncer.log"
CLUSTER_ID=
COMPUTE_PORT=

main() {
    ensure_stack
    ensure_packages pgbouncer
    [[ -s "$STATE/demo-cluster-id" ]] || die "no demo cluster in $STATE: run bin/local-stack up"
    CLUSTER_ID="$(<"$STATE/demo-cluster-id")"
    trap stop_pgbouncer EXIT

    wake_compute
    initialise_pgbench_tables

    start_pgbouncer
    log "warming up the proxy for ${WARMUP}s"
    DURATION="$WARMUP" run_pgbench proxy >/dev/null
    log "pgbench -S, $CLIENTS clients, $THREADS threads, ${DURATION}s per run, $ROUNDS rounds"
    run_rounds
    stop_pgbouncer

    print_table
}

# The machine's load drifts over minutes, so the paths take turns: round r starts with path r. Each result is
# appended to $BENCH/results as "<path> <tps> <latency>".
run_rounds() {
    local round i path
    : >"$BENCH/results"
    for ((round = 0; round < ROUNDS; round++)); do
        wake_compute
        for ((i = 0; i < ${#PATHS[@]}; i++)); do
            path="${PATHS[(round + i) % ${#PATHS[@]}]}"
            printf '%s %s\n' "$path" "$(run_pgbench "$path")" >>"$BENCH/results"
        done
    done
}

ensure_stack() {
    if ! curl -fsS --max-time 2 http://127.0.0.1:7000/q/health/ready >/dev/null 2>&1 \
        || [[ ! -s "$STATE/demo-cluster-id" ]]; then
        "$REPO_ROOT/bin/local-stack" up
    fi
}

# A connection through the proxy wakes a suspended compute, which then tells its own port. Done again before
# the direct and PgBouncer runs: connections that bypass the proxy do not count as activity, so the compute
# may have been suspended for idleness in between and come back on another port.
wake_compute() {
    COMPUTE_PORT="$(with_connection proxy "$(pg_bin psql)" -X -q -t -A -c 'select inet_server_port()')" \
        || die "could not reach the demo compute through the proxy; see $LOGS"
    [[ "$COMPUTE_PORT" =~ ^[0-9]+$ ]] || die "the compute answered no TCP port ($COMPUTE_PORT)"
}

# Runs a command with libpq environment variables for one path to the compute. The password goes through
# PGPASSWORD so it shows in no process list.
with_connection() {
    local path="$1"
    shift
    local -a connection=(PGUSER=demo PGDATABASE=postgres PGPASSWORD="$(secret demo-role-password)")
    case "$path" in
        direct)
            connection+=(PGHOST=127.0.0.1 PGPORT="$COMPUTE_PORT" PGSSLMODE=disable)
            ;;
        proxy)
            connection+=(PGHOST="$CLUSTER_ID.db.$DOMAIN" PGHOSTADDR=127.0.0.1 PGPORT="$PROXY_PORT"
                PGSSLMODE=require)
            ;;
        pgbouncer)
            connection+=(PGHOST=127.0.0.1 PGPORT="$PGBOUNCER_PORT" PGSSLMODE=disable)
            ;;
        pgbouncer-tls)
            connection+=(PGHOST=127.0.0.1 PGPORT="$PGBOUNCER_PORT" PGSSLMODE=require)
            ;;
    esac
    env "${connection[@]}" "$@"
}

# Done once through a direct connection; skipped when the tables already hold the wanted scale, since a
# select-only run never changes them.
initialise_pgbench_tables() {
    local branches
    branches="$(with_connection direct "$(pg_bin psql)" -X -q -t -A \
        -c 'select count(*) from pgbench_branches' 2>/dev/null || true)"
    if [[ "$branches" == "$SCALE" ]]; then
        log "pgbench tables already at scale $SCALE"
        return 0
    fi
    log "initialising pgbench tables at scale $SCALE (direct connection)"
    with_connection direct "$(pg_bin pgbench)" -i -q -s "$SCALE" >"$LOGS/pgbench-init.log" 2>&1 \
        || die "pgbench -i failed; see $LOGS/pgbench-init.log"
}

# Prints "<tps> <latency average in ms>" of one run; the full pgbench output stays in the logs.
run_pgbench() {
    local path="$1" output="$LOGS/pgbench-$1.log" tps latency
    log "running through $path" >&2
    with_connection "$path" "$(pg_bin pgbench)" -n -S -c "$CLIENTS" -j "$THREADS" -T "$DURATION" >"$output" 2>&1 \
        || die "pgbench through $path failed; see $output"
    tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$output")"
    latency="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$output")"
    [[ -n "$tps" && -n "$latency" ]] || die "no tps or latency in $output"
    printf '%s %s\n' "$tps" "$latency"
}

# PgBouncer refuses to run as root, so it runs as postgres (setpriv execs it in place, so the recorded pid is
# PgBouncer's own), with its config and credentials in a folder only postgres can read. The credentials file
# holds the role's password in plain text, which lets PgBouncer answer the client's SCRAM exchange and run its
# own against the compute.
start_pgbouncer() {
    ! port_open "$PGBOUNCER_PORT" || die "port $PGBOUNCER_PORT is taken (a system PgBouncer?); stop it first"
    install -d -o postgres -g postgres -m 700 "$BENCH"
    write_pgbouncer_config
    printf '"demo" "%s"\n' "$(secret demo-role-password)" | install -o postgres -m 600 /dev/stdin "$BENCH/userlist.txt"
    install -o postgres -m 600 "$STATE/certs/db.crt" "$STATE/certs/db.key" "$BENCH/"
    start_background "$PGBOUNCER_PID" "$PGBOUNCER_LOG" \
        setpriv --reuid=postgres --regid=postgres --init-groups /usr/sbin/pgbouncer "$PGBOUNCER_INI"
    wait_for_port "$PGBOUNCER_PORT" "$(<"$PGBOUNCER_PID")" "$PGBOUNCER_LOG" 10
}

# Session mode, as the proxy also binds a client to one server connection for the whole session; the pool
# is larger than the client count so no client ever waits for a server connection. Clients may use TLS, with
# the proxy's own certificate, or not.
write_pgbouncer_config() {
    install -o postgres -m 600 /dev/stdin "$PGBOUNCER_INI" <<EOF
[databases]
postgres = host=127.0.0.1 port=$COMPUTE_PORT dbname=postgres

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $BENCH/userlist.txt
pool_mode = session
default_pool_size = $((CLIENTS + 8))
max_client_conn = $((CLIENTS + 16))
log_connections = 0
log_disconnections = 0
client_tls_sslmode = allow
client_tls_cert_file = $BENCH/db.crt
client_tls_key_file = $BENCH/db.key
EOF
}

stop_pgbouncer() {
    stop_pid PgBouncer "$PGBOUNCER_PID" "$PGBOUNCER_INI" 10
}

print_table() {
    local direct proxy pgbouncer pgbouncer_tls
    direct="$(median direct)"
    proxy="$(median proxy)"
    pgbouncer="$(median pgbouncer)"
    pgbouncer_tls="$(median pgbouncer-tls)"
    echo
    printf '%-26s %12s %18s %10s\n' 'path (median)' tps 'latency avg (ms)' 'vs direct'
    table_row 'direct' "$direct" "$direct"
    table_row 'proxy (TLS)' "$proxy" "$direct"
    table_row 'pgbouncer session' "$pgbouncer" "$direct"
    table_row 'pgbouncer session (TLS)' "$pgbouncer_tls" "$direct"
    echo
    awk -v proxy="${proxy%% *}" -v bouncer="${pgbouncer%% *}" -v bouncer_tls="${pgbouncer_tls%% *}" \
        'BEGIN { printf "proxy / pgbouncer tps: %.2f plaintext, %.2f both with TLS\n", proxy / bouncer,
                 proxy / bouncer_tls }'
    echo
    echo "The proxy accepts TLS only; the direct path is plaintext because the compute has ssl off."
    echo "Every run: $BENCH/results; full pgbench output of the last round: $LOGS/pgbench-*.log"
}

# "<tps> <latency>" of the path's run with the median tps.
median() {
    awk -v path="$1" '$1 == path { print $2, $3 }' "$BENCH/results" | sort -n | awk '
        { runs[NR] = $0 }
        END { print runs[int((NR + 1) / 2)] }'
}

table_row() {
    local name="$1" tps="${2% *}" latency="${2#* }" direct_tps="${3% *}"
    awk -v name="$name" -v tps="$tps" -v latency="$latency" -v direct="$direct_tps" \
        'BEGIN { printf "%-26s %12.1f %18.3f %10.2f\n", name, tps, latency, tps / direct }'
}

main "$@"
