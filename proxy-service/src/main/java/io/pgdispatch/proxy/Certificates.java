package io.pgdispatch.proxy;

import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The TLS certificates of the listener: every {@code name.crt} in the folder with its {@code name.key} (PEM).
 * During the TLS handshake the certificate whose names match the client's SNI is chosen.
 */
final class Certificates {

    private Certificates() {
    }

    static PemKeyCertOptions load(Path folder) {
        List<Path> certificates;
        try (Stream<Path> files = Files.list(folder)) {
            certificates = files.filter(file -> file.getFileName().toString().endsWith(".crt"))
                .filter(file -> !file.getFileName().toString().equals("ca.crt"))
                .sorted()
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate folder " + folder.toAbsolutePath()
                + " (dispatch.proxy.certificates)", e);
        }
        PemKeyCertOptions options = new PemKeyCertOptions();
        for (Path certificate : certificates) {
            String name = certificate.getFileName().toString();
            Path key = certificate.resolveSibling(name.substring(0, name.length() - ".crt".length()) + ".key");
            if (!Files.isReadable(key)) {
                throw new IllegalStateException("certificate " + certificate + " has no readable key " + key);
            }
            options.addCertPath(certificate.toString()).addKeyPath(key.toString());
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException("no certificate (name.crt with name.key) in " + folder.toAbsolutePath()
                + ": set dispatch.proxy.certificates to a folder that holds one");
        }
        return options;
    }
}
