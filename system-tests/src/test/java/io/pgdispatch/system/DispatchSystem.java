package io.pgdispatch.system;

import io.pgdispatch.testing.PostgresServer;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system for the tests of this module: a control-plane PostgreSQL, a Kafka broker, and the four
 * services started from their built applications on free ports. Started once for the test run and shared by
 * every test class; each test makes its own account, role and cluster, so tests do not see each other's data.
 */
final class DispatchSystem implements ExtensionContext.Store.CloseableResource {

    static final String DOMAIN = "localtest.me";
    /** Short enough that the suspend tests run in seconds, long enough that no test is surprised by one. */
    static final String IDLE_TIMEOUT = "4s";
    /** How long a one-off compute may stay without a session before compute-manager removes it. */
    static final String ONE_OFF_GRACE = "3s";

    /**
     * The in-process broker and the tests' consumers log their whole configuration at INFO; WARN keeps the test
     * output readable. Held here because java.util.logging keeps loggers only while someone refers to them.
     */
    private static final List<Logger> QUIET_LOGGERS = quiet("org.apache.kafka", "kafka", "state.change.logger");

    private static DispatchSystem shared;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Path home;
    private final Path computes;
    private String kafkaServers;
    private int proxyPort;
    private int authPort;
    private int routerPort;
    private HostsFile hosts;
    private MockOAuth2Server identityProvider;

    private DispatchSystem(Path home) {
        this.home = home;
        this.computes = home.resolve("computes");
    }

    /** The running system, started on first use and stopped when the test run ends. */
    static synchronized DispatchSystem get(ExtensionContext context) throws Exception {
        if (shared == null) {
            DispatchSystem system = new DispatchSystem(Files.createTempDirectory("pg-dispatch-system-"));
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(DispatchSystem.class, system);
            system.start();
            shared = system;
        }
        return shared;
    }

    private void start() throws Exception {
        Path repository = Path.of(System.getProperty("dispatch.repository", "..")).toAbsolutePath();
        Path logs = Files.createDirectories(repository.resolve("system-tests/target/service-logs"));
        hosts = HostsFile.at(repository.resolve("system-tests/target/hosts"));
        Path certificates = Files.createDirectories(home.resolve("certs"));
        Certificates.create(certificates, DOMAIN);
        Files.createDirectories(computes);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        PostgresServer controlPlane = PostgresServer.start();
        started.add(controlPlane);
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true);
        kafkaServers = kafka.start().getAdvertisedListeners();
        started.add(kafka::close);

        Map<String, String> common = new HashMap<>();
        common.put("quarkus.datasource.username", PostgresServer.USER);
        common.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        common.put("quarkus.datasource.reactive.url", "postgresql://" + controlPlane.hostAndPort() + "/postgres");
        common.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + controlPlane.hostAndPort() + "/postgres");
        common.put("kafka.bootstrap.servers", kafkaServers);
        common.put("dispatch.internal-token", UUID.randomUUID().toString());

        authPort = freePort();
        int authPagesPort = freePort();
        int computePort = freePort();
        routerPort = freePort();
        proxyPort = freePort();
        identityProvider = new MockOAuth2Server(new OAuth2Config(true));
        identityProvider.start(InetAddress.getLoopbackAddress(), 0);
        started.add(identityProvider::shutdown);

        Map<String, String> auth = new HashMap<>(common);
        auth.put("quarkus.grpc.clients.router.port", String.valueOf(routerPort));
        // Login links point at a second replica of auth-service, which only the browser reaches: the proxy waits on
        // the first, so every link test shows that the replicas share the link sessions through the database.
        auth.put("dispatch.link.base-url", "http://127.0.0.1:" + authPagesPort + "/link/");
        auth.put("quarkus.oidc.tenant-enabled", "true");
        auth.put("quarkus.oidc.auth-server-url", identityIssuer());
        auth.put("quarkus.oidc.client-id", "pg-dispatch");
        auth.put("quarkus.oidc.credentials.secret", UUID.randomUUID() + "-" + UUID.randomUUID());
        startService(repository, "auth-service", authPort, auth, logs);
        started.add(ServiceProcess.start(repository, "auth-service", "auth-service-pages", authPagesPort, auth, logs));

        Map<String, String> compute = new HashMap<>(common);
        compute.put("quarkus.grpc.clients.auth.port", String.valueOf(authPort));
        compute.put("dispatch.compute.local.data-root", computes.toString());
        compute.put("dispatch.compute.idle-timeout", IDLE_TIMEOUT);
        compute.put("dispatch.compute.idle-check-interval", "1s");
        compute.put("dispatch.compute.one-off-grace", ONE_OFF_GRACE);
        compute.put("dispatch.compute.one-off-check-interval", "1s");
        startService(repository, "compute-manager", computePort, compute, logs);

        Map<String, String> router = new HashMap<>(common);
        router.put("quarkus.grpc.clients.auth.port", String.valueOf(authPort));
        router.put("quarkus.grpc.clients.compute.port", String.valueOf(computePort));
        startService(repository, "router-service", routerPort, router, logs);

        Map<String, String> proxy = new HashMap<>(common);
        proxy.put("quarkus.grpc.clients.auth.port", String.valueOf(authPort));
        proxy.put("quarkus.grpc.clients.router.port", String.valueOf(routerPort));
        proxy.put("dispatch.proxy.port", String.valueOf(proxyPort));
        proxy.put("dispatch.proxy.host", "127.0.0.1");
        proxy.put("dispatch.proxy.certificates", certificates.toString());
        proxy.put("dispatch.proxy.domain", DOMAIN);
        proxy.put("dispatch.proxy.handshake-timeout", "3s");
        proxy.put("dispatch.proxy.drain-timeout", "5s");
        // Tests present other client addresses and VPC endpoints as a load balancer would.
        proxy.put("dispatch.proxy.proxy-protocol", "optional");
        startService(repository, "proxy-service", freePort(), proxy, logs);
    }

    private void startService(Path repository, String module, int port, Map<String, String> properties, Path logs)
            throws IOException, InterruptedException {
        started.add(ServiceProcess.start(repository, module, port, properties, logs));
    }

    /** Kills a service with SIGKILL, as a crash would. */
    void crash(String module) throws InterruptedException {
        service(module).crash();
    }

    /** Asks a service to stop as a platform does (SIGTERM), without waiting for it. */
    void terminate(String module) {
        service(module).terminate();
    }

    /** Whether a service asked to stop has ended within the timeout. */
    boolean exited(String module, Duration timeout) throws InterruptedException {
        return service(module).exited(timeout);
    }

    /** The log of a service, as it has written it so far. */
    String log(String module) throws IOException {
        return Files.readString(service(module).log());
    }

    /** Starts a crashed or stopped service again, with the same settings and port, and waits until it is ready. */
    void restart(String module) throws IOException, InterruptedException {
        ServiceProcess crashed = service(module);
        started.set(started.indexOf(crashed), crashed.restarted());
    }

    private ServiceProcess service(String module) {
        return started.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast)
            .filter(service -> service.name().equals(module)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    /** A new account with a role and a cluster, made through the management API as a user would. */
    Tenant newTenant() throws Exception {
        Tenant tenant = managementApi().createTenant();
        addHost(tenant.host());
        return tenant;
    }

    /** The management API, as the tenants' owners call it. */
    ManagementApi managementApi() {
        return new ManagementApi(authPort, routerPort);
    }

    /** Makes a host name resolve to loopback in this JVM. */
    void addHost(String host) throws IOException {
        hosts.add(host, "127.0.0.1");
    }

    int proxyPort() {
        return proxyPort;
    }

    /**
     * The OpenID Connect provider auth-service logs people in with for login links: a real one, with a login form
     * where any user name is accepted and becomes the ID token's subject. Its address is 127.0.0.1, as the browser,
     * auth-service and the token's issuer claim must agree on one host name.
     */
    String identityIssuer() {
        return "http://127.0.0.1:" + identityProvider.baseUrl().port() + "/default";
    }

    int authPort() {
        return authPort;
    }

    int routerPort() {
        return routerPort;
    }

    String kafkaServers() {
        return kafkaServers;
    }

    Path caCertificate() {
        return home.resolve("certs/ca.crt");
    }

    /** Data directories of computes that are running now (their postmaster.pid exists). */
    List<Path> runningComputes() throws IOException {
        try (Stream<Path> files = Files.walk(computes)) {
            return files.filter(file -> file.getFileName().toString().equals("postmaster.pid"))
                .map(Path::getParent)
                .toList();
        }
    }

    /** The folders of a cluster's computes other than its branches' primaries: replicas, points in time, one-offs. */
    /** The branches of a cluster that have storage: the folder names under the cluster's, which are branch ids. */
    List<String> branchFolders(String clusterId) throws IOException {
        Path cluster = computes.resolve(clusterId);
        if (!Files.isDirectory(cluster)) {
            return List.of();
        }
        try (Stream<Path> branches = Files.list(cluster)) {
            return branches.map(branch -> branch.getFileName().toString()).sorted().toList();
        }
    }

    List<Path> computeFolders(String clusterId) throws IOException {
        Path cluster = computes.resolve(clusterId);
        if (!Files.isDirectory(cluster)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cluster, 3)) {
            return files.filter(path -> path.getNameCount() == cluster.getNameCount() + 3
                    && path.getParent().getFileName().toString().equals("computes"))
                .toList();
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        for (Path dataDirectory : runningComputes()) {
            new ProcessBuilder("runuser", "-u", "postgres", "--", PostgresServer.binaries().resolve("pg_ctl")
                .toString(), "stop", "-m", "immediate", "-D", dataDirectory.toString()).inheritIO().start().waitFor();
        }
    }

    private static List<Logger> quiet(String... categories) {
        List<Logger> loggers = new ArrayList<>();
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            loggers.add(logger);
        }
        return loggers;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
