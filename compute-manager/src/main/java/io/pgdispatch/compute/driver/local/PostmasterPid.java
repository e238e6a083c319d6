package io.pgdispatch.compute.driver.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a running postmaster wrote into {@code postmaster.pid}. The layout is fixed by PostgreSQL's
 * src/include/utils/pidfile.h: line 1 holds the process id and line 4 the port.
 * The file may outlive a crashed server, so its presence alone does not prove the server runs.
 */
record PostmasterPid(long processId, int port) {

    private static final int PID_LINE = 0;
    private static final int PORT_LINE = 3;

    static Optional<PostmasterPid> read(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            if (lines.size() <= PORT_LINE) {
                return Optional.empty();
            }
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(PID_LINE).trim()),
                Integer.parseInt(lines.get(PORT_LINE).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the recorded process still lives, the check {@code pg_ctl status} makes, without starting a
     * process for it: this runs on every connection to the compute.
     */
    boolean alive() {
        return ProcessHandle.of(processId).map(ProcessHandle::isAlive).orElse(false);
    }
}
