package io.pgdispatch.compute.driver.local;

import java.util.ArrayList;
import java.util.List;

/**
 * psql as superuser {@code postgres} on a compute's private unix socket, where pg_hba.conf trusts local connections
 * (initdb's {@code --auth-local=trust}); the socket folder is reachable only by the server user and root.
 */
record Superuser(PostgresBinaries binaries, ComputeFolder folder, int port) {

    private static final String NAME = "postgres";

    /** Runs one statement and returns its unaligned, header-less output without the final newline. */
    String query(String sql) {
        List<String> command = new ArrayList<>(connection());
        command.addAll(List.of("-A", "-t", "-c", sql));
        return Command.run(command, "").orFail("psql " + sql).output().strip();
    }

    /** Runs a script from standard input in one transaction, stopping at the first error. */
    void runScript(String script, String what) {
        List<String> command = new ArrayList<>(connection());
        command.addAll(List.of("--single-transaction", "-f", "-"));
        Command.run(command, script).orFail(what);
    }

    private List<String> connection() {
        return List.of(binaries.psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder.socket().toString(),
            "-p", Integer.toString(port), "-U", NAME, "-d", "postgres");
    }
}
