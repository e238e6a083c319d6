# shellcheck shell=bash
# A demo account with a role and a cluster, created through the management API as a user would, and kept
# across runs: the API key and the role password live in the secrets folder, the cluster is found by name.

AUTH_API="http://127.0.0.1:8081/v1"
ROUTER_API="http://127.0.0.1:8082/v1"
DEMO_API_KEY="$SECRETS/demo-api-key"
DEMO_CLUSTER_ID="$STATE/demo-cluster-id"

demo_up() {
    local api_key cluster_id
    api_key="$(demo_api_key)"
    ensure_demo_role "$api_key"
    cluster_id="$(demo_cluster_id "$api_key")"
    printf '%s\n' "$cluster_id" >"$DEMO_CLUSTER_ID"
    print_connection_help "$cluster_id"
}

# The key is shown once by the API, so it is saved before anything else can fail.
demo_api_key() {
    if [[ ! -s "$DEMO_API_KEY" ]]; then
        log "creating demo account" >&2
        (umask 077 && api POST "$AUTH_API/accounts" 201 "" '{"name": "demo"}' | jq -er .apiKey >"$DEMO_API_KEY") \
            || { rm -f "$DEMO_API_KEY"; die "could not create the demo account; see $(service_log auth-service)"; }
    fi
    cat "$DEMO_API_KEY"
}

# 409 means the role exists from an earlier run, with the password still in the secrets folder.
ensure_demo_role() {
    local body
    body="$(jq -n --arg password "$(secret demo-role-password)" '{name: "demo", password: $password}')"
    api POST "$AUTH_API/roles" 201,409 "$1" "$body" >/dev/null \
        || die "could not create role demo; see $(service_log auth-service)"
}

demo_cluster_id() {
    local api_key="$1" id
    id="$(api GET "$ROUTER_API/clusters" 200 "$api_key" | jq -r 'map(select(.name == "demo"))[0].id // empty')" \
        || die "could not list clusters; see $(service_log router-service)"
    if [[ -z "$id" ]]; then
        log "creating demo cluster" >&2
        id="$(api POST "$ROUTER_API/clusters" 201 "$api_key" '{"name": "demo"}' | jq -er .id)" \
            || die "could not create the demo cluster; see $(service_log router-service)"
    fi
    printf '%s\n' "$id"
}

# Calls the management API and prints the response body. Fails, printing the service's {"error": ...} on
# stderr, unless the status is one of the accepted ones (comma-separated). The key (in a curl config) and
# the body reach curl through file descriptors so that they never show in the process list.
api() {
    local method="$1" url="$2" accepted="$3" api_key="$4" body="${5:-}" response status
    local args=(-sS -X "$method" -w '\n%{http_code}' -H 'Content-Type: application/json')
    [[ -z "$body" ]] || args+=(--data-binary @-)

    response="$(curl "${args[@]}" -K <(bearer_config "$api_key") "$url" <<<"$body")" || return 1
    status="${response##*$'\n'}"
    response="${response%$'\n'*}"

    if [[ ",$accepted," != *",$status,"* ]]; then
        printf '%s %s answered %s: %s\n' "$method" "$url" "$status" "$response" >&2
        return 1
    fi
    printf '%s\n' "$response"
}

bearer_config() {
    [[ -z "$1" ]] || printf 'header = "Authorization: Bearer %s"\n' "$1"
}

print_connection_help() {
    cat <<EOF2

The local stack is up. Connect to the demo cluster through the proxy:

  PGPASSWORD=$(secret demo-role-password) psql "host=$1.db.$DOMAIN hostaddr=127.0.0.1 port=$PROXY_PORT user=demo dbname=postgres sslmode=verify-full sslrootcert=$CERTS/ca.crt"

Management API key of the demo account: $DEMO_API_KEY
  curl -H "Authorization: Bearer \$(cat $DEMO_API_KEY)" $ROUTER_API/clusters
Logs: $LOGS    Stop everything: bin/local-stack down
EOF2
}
