#!/usr/bin/env bash
# How long a client waits for a compute: a cold start (a stopped compute to the first query result, through the
# proxy), and the creation of a point-in-time compute and of a one-off copy on a branch holding about 100 MB and
# 10,000 transactions of WAL (after its primary has taken a base backup that follows them), each beside a bare
# PostgreSQL restart plus a first psql query of the same compute.
#
# Needs the local stack (bin/local-stack up; started here when the proxy is not ready). Settings:
#   BENCH_TRIES cold starts and bare restarts, each (30)
#   BENCH_POINT_TRIES point-in-time computes and one-off copies made, each (5)
#   BENCH_SCALE for pgbench -i on the branch, 7 is about 100 MB (7), BENCH_TRANSACTIONS after it (10000)
#
# A cold start stops the compute the way a suspend does (pg_ctl stop -m fast) behind compute-manager's back, then
# times psql through the proxy: compute-manager finds the server gone and starts it, as on a wake.
# shellcheck source-path=SCRIPTDIR/../bin/lib
set -euo pipefail

LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/../bin/lib" && pwd)"
source "$LIB/common.sh"
source "$LIB/services.sh"
source "$LIB/demo.sh"

TRIES="${BENCH_TRIES:-30}"
POINT_TRIES="${BENCH_POINT_TRIES:-5}"
SCALE="${BENCH_SCALE:-7}"
TRANSACTIONS="${BENCH_TRANSACTIONS:-10000}"
BENCH="$STATE/bench"
CLUSTER_ID=

main() {
    ensure_stack
    install -d "$BENCH"
    CLUSTER_ID="$(bench_cluster)"
    fill_branch
    await_recent_base_backup
    log "cold starts through the proxy and bare restarts, $TRIES each"
    : >"$BENCH/lifecycle-results"
    local i
    for ((i = 0; i < TRIES; i++)); do
        record cold-start "$(cold_start)"
        record bare-restart "$(bare_restart)"
    done
    log "point-in-time computes and one-off copies, $POINT_TRIES each"
    for ((i = 0; i < POINT_TRIES; i++)); do
        record point-in-time "$(timed_query "options=lsn:$(proxy_query 'select pg_current_wal_lsn()')")"
        record one-off-copy "$(timed_query "options=one-off")"
    done
    print_table
}

ensure_stack() {
    if ! curl -fsS --max-time 2 http://127.0.0.1:7000/q/health/ready >/dev/null 2>&1 \
        || [[ ! -s "$DEMO_API_KEY" ]]; then
        "$REPO_ROOT/bin/local-stack" up
    fi
}

# A cluster of the demo account for the benchmark alone, kept across runs.
bench_cluster() {
    local api_key id
    api_key="$(<"$DEMO_API_KEY")"
    id="$(api GET "$ROUTER_API/clusters" 200 "$api_key" | jq -r 'map(select(.name == "bench"))[0].id // empty')"
    if [[ -z "$id" ]]; then
        id="$(api POST "$ROUTER_API/clusters" 201 "$api_key" '{"name": "bench"}' | jq -er .id)"
    fi
    printf '%s\n' "$id"
}

# pgbench tables at the wanted scale and the wanted number of TPC-B transactions after them, once.
fill_branch() {
    if [[ "$(proxy_query 'select count(*) from pgbench_branches' 2>/dev/null || true)" == "$SCALE" ]]; then
        log "bench branch already filled"
        return 0
    fi
    log "filling the bench branch: pgbench -i -s $SCALE, then $TRANSACTIONS transactions"
    through_proxy "" "$(pg_bin pgbench)" -i -q -s "$SCALE" >"$LOGS/bench-fill.log" 2>&1
    through_proxy "" "$(pg_bin pgbench)" -n -c 4 -j 2 -t "$((TRANSACTIONS / 4))" >>"$LOGS/bench-fill.log" 2>&1
    log "bench branch: $(proxy_query "select pg_size_pretty(pg_database_size('postgres'))")"
}

# A running primary takes a new base backup within dispatch.compute.base-backup-check-interval of having written
# 64 MB of WAL after its newest one; the fill does, so points in time are measured from that recent backup.
await_recent_base_backup() {
    local deadline=$((SECONDS + 120)) count
    proxy_query 'select 1' >/dev/null
    while true; do
        count="$(find "$COMPUTES/$CLUSTER_ID" -path '*/base-backups/*/backup.properties' | wc -l)"
        ((count >= 2)) && break
        ((SECONDS < deadline)) || die "no base backup after the fill within 120 s; see $(service_log compute-manager)"
        sleep 2
    done
    log "the bench branch has $count base backups"
}

# Milliseconds of a psql 'select 1' through the proxy to the stopped compute.
cold_start() {
    local data
    data="$(compute_data)"
    as_postgres "$(pg_bin pg_ctl)" -D "$data" -m fast -w stop >/dev/null
    timed_query ""
}

# Milliseconds of pg_ctl start plus a first psql query on the same compute, bypassing pg-dispatch; the
# compute is stopped again and then woken through the proxy, so that compute-manager sees it as it left it.
bare_restart() {
    local data port started finished
    data="$(compute_data)"
    port="$(proxy_query 'select inet_server_port()')"
    as_postgres "$(pg_bin pg_ctl)" -D "$data" -m fast -w stop >/dev/null
    started="$(date +%s%N)"
    as_postgres "$(pg_bin pg_ctl)" -D "$data" -l "$(dirname "$data")/postgres.log" -o "-p $port" -w start \
        >/dev/null || die "pg_ctl start of $data failed"
    PGPASSWORD="$(secret demo-role-password)" "$(pg_bin psql)" -X -q -t -A -h 127.0.0.1 -p "$port" -U demo \
        -d postgres -c 'select 1' >/dev/null
    finished="$(date +%s%N)"
    echo $(((finished - started) / 1000000))
}

# The primary's data folder, <computes>/<cluster>/<branch>/pgdata; the bench cluster has one branch.
compute_data() {
    find "$COMPUTES/$CLUSTER_ID" -mindepth 2 -maxdepth 2 -name pgdata | head -1
}

# Milliseconds of a whole psql 'select count(*)' through the proxy with the given options.
timed_query() {
    local started finished
    started="$(date +%s%N)"
    through_proxy "$1" "$(pg_bin psql)" -X -q -t -A -c 'select count(*) from pgbench_branches' >/dev/null
    finished="$(date +%s%N)"
    echo $(((finished - started) / 1000000))
}

proxy_query() {
    through_proxy "" "$(pg_bin psql)" -X -q -t -A -c "$1"
}

through_proxy() {
    local options="$1"
    shift
    env PGUSER=demo PGDATABASE=postgres PGPASSWORD="$(secret demo-role-password)" PGHOST="$CLUSTER_ID.db.$DOMAIN" \
        PGHOSTADDR=127.0.0.1 PGPORT="$PROXY_PORT" PGSSLMODE=require PGOPTIONS="${options#options=}" "$@"
}

record() {
    printf '%s %s\n' "$1" "$2" >>"$BENCH/lifecycle-results"
}

print_table() {
    echo
    printf '%-16s %6s %8s %8s %8s\n' what tries 'p50 ms' 'p99 ms' 'max ms'
    local what
    for what in cold-start bare-restart point-in-time one-off-copy; do
        awk -v what="$what" '$1 == what { print $2 }' "$BENCH/lifecycle-results" | sort -n | awk -v what="$what" '
            { ms[NR] = $1 }
            END {
                p50 = ms[int((NR + 1) / 2)]; p99 = ms[int(NR * 0.99 + 0.99)]
                printf "%-16s %6d %8d %8d %8d\n", what, NR, p50, p99, ms[NR]
            }'
    done
    echo
    echo "Every try: $BENCH/lifecycle-results"
}

main "$@"
