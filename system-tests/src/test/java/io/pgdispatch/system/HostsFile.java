package io.pgdispatch.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The host names of this test JVM (it runs with {@code -Djdk.net.hosts.file}), so that JDBC connects to
 * {@code <cluster>.db.localtest.me} on loopback and sends that name as SNI, as it would with real DNS.
 */
final class HostsFile {

    private final Path file;

    private HostsFile(Path file) {
        this.file = file;
    }

    static HostsFile at(Path file) throws IOException {
        Files.writeString(file, "127.0.0.1 localhost\n");
        return new HostsFile(file);
    }

    synchronized void add(String host, String address) throws IOException {
        Files.writeString(file, address + " " + host + "\n", StandardOpenOption.APPEND);
    }
}
