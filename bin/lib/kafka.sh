# shellcheck shell=bash
# A single-node Kafka broker in KRaft mode (broker and controller in one JVM) on 127.0.0.1:9092, run from
# the Maven Central artifacts rather than a downloaded distribution: Maven is already here.

KAFKA_VERSION=4.1.2
KAFKA_DIR="$STATE/kafka"
KAFKA_CONTROLLER_PORT=9093
KAFKA_PID="$RUN/kafka.pid"
KAFKA_LOG="$LOGS/kafka.log"

kafka_up() {
    if running_pid "$KAFKA_PID" "$KAFKA_DIR/server.properties" >/dev/null; then
        log "Kafka already running on port $KAFKA_PORT"
        return 0
    fi
    mkdir -p "$KAFKA_DIR"
    resolve_kafka_classpath
    write_kafka_config
    format_kafka_storage
    start_kafka
}

kafka_down() {
    stop_pid Kafka "$KAFKA_PID" "$KAFKA_DIR/server.properties"
}

# A throwaway pom whose only purpose is to let Maven resolve the broker and a logging backend: the broker
# artifact declares only slf4j-api (1.7), and without a backend its errors would be invisible.
resolve_kafka_classpath() {
    [[ -s "$KAFKA_DIR/classpath.txt" ]] && return 0
    log "resolving Kafka $KAFKA_VERSION from Maven Central"
    cat >"$KAFKA_DIR/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
    <modelVersion>4.0.0</modelVersion>
    <groupId>io.pgdispatch.local</groupId>
    <artifactId>kafka-runtime</artifactId>
    <version>1</version>
    <dependencies>
        <dependency>
            <groupId>org.apache.kafka</groupId>
            <artifactId>kafka_2.13</artifactId>
            <version>$KAFKA_VERSION</version>
        </dependency>
        <dependency>
            <groupId>org.apache.logging.log4j</groupId>
            <artifactId>log4j-slf4j-impl</artifactId>
            <version>2.25.3</version>
        </dependency>
        <dependency>
            <groupId>org.apache.logging.log4j</groupId>
            <artifactId>log4j-core</artifactId>
            <version>2.25.3</version>
        </dependency>
    </dependencies>
</project>
EOF
    mvn -B -f "$KAFKA_DIR/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
        -Dmdep.outputFile="$KAFKA_DIR/classpath.txt" >"$LOGS/kafka-resolve.log" 2>&1 \
        || die "could not resolve Kafka $KAFKA_VERSION with Maven; see $LOGS/kafka-resolve.log"
}

# Broker and controller share the JVM; the controller listener (9093) is internal to it. Replication
# factors are 1 because there is one node. Logging stays at WARN so the log shows only trouble.
write_kafka_config() {
    cat >"$KAFKA_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
    cat >"$KAFKA_DIR/log4j2.xml" <<'EOF'
<Configuration status="warn">
    <Appenders>
        <Console name="stdout" target="SYSTEM_OUT">
            <PatternLayout pattern="%d{ISO8601} %-5p [%c] %m%n"/>
        </Console>
    </Appenders>
    <Loggers>
        <Root level="warn">
            <AppenderRef ref="stdout"/>
        </Root>
    </Loggers>
</Configuration>
EOF
}

# Formatting writes the cluster id and the single-voter quorum into the log folder; done once, as a
# second format would refuse the already formatted folder.
format_kafka_storage() {
    [[ -s "$KAFKA_DIR/data/meta.properties" ]] && return 0
    local cluster_id
    cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid)"
    kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" \
        -c "$KAFKA_DIR/server.properties" >>"$KAFKA_LOG" 2>&1 || die "Kafka storage format failed; see $KAFKA_LOG"
}

start_kafka() {
    log "starting Kafka on port $KAFKA_PORT"
    require_free_port "$KAFKA_PORT"
    require_free_port "$KAFKA_CONTROLLER_PORT"
    start_background "$KAFKA_PID" "$KAFKA_LOG" \
        java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.xml" \
        -cp "$(<"$KAFKA_DIR/classpath.txt")" kafka.Kafka "$KAFKA_DIR/server.properties"
    wait_for_port "$KAFKA_PORT" "$(<"$KAFKA_PID")" "$KAFKA_LOG" 60
}

kafka_java() {
    java -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.xml" -cp "$(<"$KAFKA_DIR/classpath.txt")" "$@"
}
