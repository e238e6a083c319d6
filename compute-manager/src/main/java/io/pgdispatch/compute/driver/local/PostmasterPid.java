package io.pgdispatch.compute.driver.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a running postmaster wrote into {@code postmaster.pid}. The layout is fixed by PostgreSQL's
 * src/include/utils/pidfile.h; line 4 holds the port.
 * The file may outlive a crashed server, so its presence alone does not prove the server runs.
 */
record PostmasterPid(int port) {

    private static final int PORT_LINE = 3;

    static Optional<PostmasterPid> read(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            if (lines.size() <= PORT_LINE) {
                return Optional.empty();
            }
            return Optional.of(new PostmasterPid(Integer.parseInt(lines.get(PORT_LINE).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
