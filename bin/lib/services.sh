# shellcheck shell=bash
# The four services, each run from its built Quarkus application with the local stack's addresses.

# Start order: the services a caller depends on come first, so the callers find them ready.
SERVICES=(auth-service compute-manager router-service proxy-service)
COMPUTES="$STATE/computes"
READY_TIMEOUT=120

services_up() {
    local service
    install -d -o postgres -g postgres -m 755 "$COMPUTES"
    for service in "${SERVICES[@]}"; do
        service_up "$service"
    done
}

# Stopped in reverse, so no service outlives one it calls.
services_down() {
    local i service
    for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
        service="${SERVICES[i]}"
        stop_pid "$service" "$RUN/$service.pid" "$(service_jar "$service")"
    done
}

service_up() {
    local service="$1" pid
    if pid="$(running_pid "$RUN/$service.pid" "$(service_jar "$service")")"; then
        log "$service already running (pid $pid)"
    else
        start_service "$service"
    fi
    wait_until_ready "$service"
}

start_service() {
    local service="$1" jar properties environment
    jar="$(service_jar "$service")"
    [[ -f "$jar" ]] || die "$jar not found: build the project (mvn -B install -DskipTests) or unset DISPATCH_SKIP_BUILD"
    log "starting $service on port $(service_port "$service")"
    require_free_port "$(service_port "$service")"
    [[ "$service" != proxy-service ]] || require_free_port "$PROXY_PORT"
    mapfile -t properties < <(service_properties "$service")
    mapfile -t environment < <(service_environment "$service")
    start_background "$RUN/$service.pid" "$(service_log "$service")" \
        env "${environment[@]}" java "${properties[@]}" -jar "$jar"
}

wait_until_ready() {
    local service="$1" url waited=0 pid
    url="http://127.0.0.1:$(service_port "$service")/q/health/ready"
    until curl -fsS --max-time 2 "$url" 2>/dev/null | jq -e '.status == "UP"' >/dev/null; do
        if ! pid="$(running_pid "$RUN/$service.pid" "$(service_jar "$service")")" || ! process_alive "$pid"; then
            die "$service exited during start; see $(service_log "$service")"
        fi
        ((waited++ < READY_TIMEOUT)) \
            || die "$service not ready at $url after ${READY_TIMEOUT}s; see $(service_log "$service")"
        sleep 1
    done
}

# One -D property a line, so that a state folder with spaces in its path stays one argument.
service_properties() {
    local service="$1"
    echo "-Dquarkus.http.host=127.0.0.1"
    echo "-Dquarkus.http.port=$(service_port "$service")"
    echo "-Dkafka.bootstrap.servers=127.0.0.1:$KAFKA_PORT"
    case "$service" in
        auth-service)
            datasource_properties
            grpc_client_properties router:router-service
            ;;
        router-service)
            datasource_properties
            grpc_client_properties auth:auth-service compute:compute-manager
            ;;
        compute-manager)
            datasource_properties
            grpc_client_properties auth:auth-service
            echo "-Ddispatch.compute.local.data-root=$COMPUTES"
            ;;
        proxy-service)
            grpc_client_properties auth:auth-service router:router-service
            echo "-Ddispatch.proxy.host=127.0.0.1"
            echo "-Ddispatch.proxy.port=$PROXY_PORT"
            echo "-Ddispatch.proxy.certificates=$CERTS"
            echo "-Ddispatch.proxy.domain=$DOMAIN"
            # Open sessions get 10 s to end when the stack goes down, well within stop_pid's 30 s.
            echo "-Ddispatch.proxy.drain-timeout=10s"
            ;;
    esac
}

# Secrets go through the environment (Quarkus reads QUARKUS_DATASOURCE_PASSWORD for
# quarkus.datasource.password and DISPATCH_INTERNAL_TOKEN for dispatch.internal-token), not through -D,
# where every user of the machine could read them in the process list.
service_environment() {
    echo "DISPATCH_INTERNAL_TOKEN=$(secret internal-token)"
    if [[ "$1" != proxy-service ]]; then
        echo "QUARKUS_DATASOURCE_PASSWORD=$(secret control-plane-password)"
    fi
}

datasource_properties() {
    echo "-Dquarkus.datasource.username=dispatch"
    echo "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:$CONTROL_PLANE_PORT/dispatch"
    echo "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:$CONTROL_PLANE_PORT/dispatch"
}

# Arguments are client:service pairs, the client being the name in @GrpcClient("...").
grpc_client_properties() {
    local pair
    for pair in "$@"; do
        echo "-Dquarkus.grpc.clients.${pair%%:*}.host=127.0.0.1"
        echo "-Dquarkus.grpc.clients.${pair%%:*}.port=$(service_port "${pair#*:}")"
    done
}

# The proxy's HTTP port serves only health and metrics; its PostgreSQL port is 4432.
service_port() {
    case "$1" in
        auth-service) echo 8081 ;;
        router-service) echo 8082 ;;
        compute-manager) echo 8083 ;;
        proxy-service) echo 7000 ;;
        *) die "unknown service $1" ;;
    esac
}

service_jar() {
    echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"
}

service_log() {
    echo "$LOGS/$1.log"
}
