# shellcheck shell=bash
# The control-plane PostgreSQL: one server on 127.0.0.1:5433 holding the `dispatch` database, in which each
# service keeps its own schema. Its superuser is `dispatch`, so Flyway can create those schemas.

CONTROL_PLANE_DATA="$STATE/control-plane"
CONTROL_PLANE_LOG="$LOGS/control-plane.log"

control_plane_up() {
    if [[ ! -s "$CONTROL_PLANE_DATA/PG_VERSION" ]]; then
        init_control_plane
    fi
    if control_plane_running; then
        log "control-plane PostgreSQL already running on port $CONTROL_PLANE_PORT"
    else
        start_control_plane
    fi
    ensure_dispatch_database
}

control_plane_down() {
    if [[ -s "$CONTROL_PLANE_DATA/PG_VERSION" ]] && control_plane_running; then
        log "stopping control-plane PostgreSQL"
        as_postgres "$(pg_bin pg_ctl)" -D "$CONTROL_PLANE_DATA" -m fast -w stop >/dev/null
    fi
}

control_plane_running() {
    as_postgres "$(pg_bin pg_ctl)" -D "$CONTROL_PLANE_DATA" status >/dev/null 2>&1
}

# initdb reads the superuser password from a file, which must be readable by postgres; it lives only as
# long as initdb runs.
init_control_plane() {
    local pwfile
    log "creating control-plane PostgreSQL in $CONTROL_PLANE_DATA"
    install -d -o postgres -g postgres -m 700 "$CONTROL_PLANE_DATA"
    pwfile="$(mktemp)"
    secret control-plane-password >"$pwfile"
    chown postgres "$pwfile"
    as_postgres "$(pg_bin initdb)" -D "$CONTROL_PLANE_DATA" -U dispatch --pwfile="$pwfile" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C >/dev/null
    rm -f "$pwfile"
    write_control_plane_settings
}

# TCP on loopback only, and no Unix socket: its default folder may not exist on a machine where the
# postgresql service never ran, and nothing here needs it.
write_control_plane_settings() {
    cat >>"$CONTROL_PLANE_DATA/postgresql.conf" <<EOF

# pg-dispatch local stack
listen_addresses = '127.0.0.1'
port = $CONTROL_PLANE_PORT
unix_socket_directories = ''
EOF
}

start_control_plane() {
    log "starting control-plane PostgreSQL on port $CONTROL_PLANE_PORT"
    require_free_port "$CONTROL_PLANE_PORT"
    touch "$CONTROL_PLANE_LOG"
    chown postgres "$CONTROL_PLANE_LOG"
    as_postgres "$(pg_bin pg_ctl)" -D "$CONTROL_PLANE_DATA" -l "$CONTROL_PLANE_LOG" -w -t 60 start >/dev/null \
        || die "control-plane PostgreSQL did not start; see $CONTROL_PLANE_LOG"
}

ensure_dispatch_database() {
    if [[ -z "$(control_plane_sql "select 1 from pg_database where datname = 'dispatch'")" ]]; then
        log "creating database dispatch"
        control_plane_sql "create database dispatch" >/dev/null
    fi
}

control_plane_sql() {
    PGPASSWORD="$(secret control-plane-password)" "$(pg_bin psql)" -X -q -t -A -v ON_ERROR_STOP=1 \
        "host=127.0.0.1 port=$CONTROL_PLANE_PORT user=dispatch dbname=postgres" -c "$1"
}
