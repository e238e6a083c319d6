package io.pgdispatch.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A CA and the proxy's certificates for a test domain, made with openssl as the local stack makes them. */
final class Certificates {

    private Certificates() {
    }

    static void create(Path folder, String domain) throws IOException, InterruptedException {
        run(folder, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
            "/CN=pg-dispatch test CA", "-keyout", "ca.key", "-out", "ca.crt");
        issue(folder, "db", "*.db." + domain);
        issue(folder, "endpoint", "*.endpoint." + domain);
        issue(folder, "start", "start." + domain);
    }

    private static void issue(Path folder, String name, String host) throws IOException, InterruptedException {
        run(folder, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + host,
            "-keyout", name + ".key", "-out", name + ".csr");
        Path extensions = folder.resolve(name + ".ext");
        Files.writeString(extensions, "subjectAltName=DNS:" + host + "\n");
        run(folder, "openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(), "-out", name + ".crt");
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(folder.toFile())
            .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
