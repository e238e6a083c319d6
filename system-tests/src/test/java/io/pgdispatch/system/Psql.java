package io.pgdispatch.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real psql, connecting through the proxy as the README shows: the cluster's host name for SNI and
 * {@code hostaddr} for the address, with the server certificate verified against the local CA.
 */
final class Psql {

    private final DispatchSystem system;
    private final Tenant tenant;

    Psql(DispatchSystem system, Tenant tenant) {
        this.system = system;
        this.tenant = tenant;
    }

    String connectionString(String extra) {
        return "host=" + tenant.host() + " hostaddr=127.0.0.1 port=" + system.proxyPort() + " user="
            + tenant.role() + " dbname=postgres sslmode=verify-full sslrootcert=" + system.caCertificate()
            + " connect_timeout=60 " + extra;
    }

    /** Connects to the proxy's address with no host name, so libpq sends no server name (SNI). */
    String connectionStringWithoutServerName(String extra) {
        return "host=127.0.0.1 port=" + system.proxyPort() + " user=" + tenant.role() + " dbname=postgres"
            + " sslmode=verify-ca sslrootcert=" + system.caCertificate() + " connect_timeout=60 " + extra;
    }

    /** Runs the statements in one session; output is unaligned and tuples-only. */
    Result run(String sql) throws IOException, InterruptedException {
        return run(sql, tenant.password(), "");
    }

    Result run(String sql, String password, String extra) throws IOException, InterruptedException {
        return finish(start(sql, password, connectionString(extra)));
    }

    /** Runs the statements with a whole connection string of the caller's and the tenant's password. */
    Result runWith(String connection, String sql) throws IOException, InterruptedException {
        return finish(start(sql, tenant.password(), connection));
    }

    /** As {@link #run(String, String, String)}, with each error message led by its SQLSTATE. */
    Result runVerbose(String sql, String extra) throws IOException, InterruptedException {
        return finish(start(List.of("-v", "VERBOSITY=verbose"), sql, tenant.password(), connectionString(extra)));
    }

    /** Runs the statements with a whole connection string and the given password. */
    Result runWithPassword(String connection, String password, String sql) throws IOException, InterruptedException {
        return finish(start(sql, password, connection));
    }

    private static Result finish(Process process) throws InterruptedException, IOException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish within 90 s");
        }
        return new Result(process.exitValue(),
            new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(),
            new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    Process start(String sql, String password, String connection) throws IOException {
        return start(List.of(), sql, password, connection);
    }

    private Process start(List<String> switches, String sql, String password, String connection) throws IOException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1"));
        command.addAll(switches);
        command.addAll(List.of("-c", sql, connection));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PGCONNECT_TIMEOUT", "60");
        return builder.start();
    }

    record Result(int exitCode, String output, String errors) {
    }
}
