package io.pgdispatch.compute.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real client: psql logging in over TCP with a password, as an application would. */
public final class Psql {

    private Psql() {
    }

    /** What psql printed (unaligned, tuples only), with its exit code; a failed login exits with 2. */
    public static Result run(String host, int port, String role, String password, String sql) {
        ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-w", "-A", "-t", "-v", "ON_ERROR_STOP=1",
            "-h", host, "-p", Integer.toString(port), "-U", role, "-d", "postgres", "-c", sql))
            .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PGCONNECT_TIMEOUT", "5");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the statement and fails the test when psql fails. */
    public static String query(String host, int port, String role, String password, String sql) {
        Result result = run(host, port, role, password, sql);
        if (result.exitCode() != 0) {
            throw new AssertionError("psql failed: " + result.output());
        }
        return result.output();
    }

    public record Result(int exitCode, String output) {
    }
}
