# shellcheck shell=bash
# The PostgreSQL instances that compute-manager started under the state folder. Normally compute-manager
# stops them itself; these functions catch whatever it left running (a crash, a KILL).

running_compute_dirs() {
    local pidfile
    [[ -d "$COMPUTES" ]] || return 0
    while IFS= read -r pidfile; do
        if as_postgres "$(pg_bin pg_ctl)" -D "$(dirname "$pidfile")" status >/dev/null 2>&1; then
            dirname "$pidfile"
        fi
    done < <(find "$COMPUTES" -name postmaster.pid)
}

# -m fast: active sessions are disconnected, every committed transaction is kept.
computes_down() {
    local dir
    while IFS= read -r dir; do
        log "stopping compute in $dir"
        as_postgres "$(pg_bin pg_ctl)" -D "$dir" -m fast -w stop >/dev/null || warn "could not stop compute in $dir"
    done < <(running_compute_dirs)
}
