package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;

/** How a program ended: its exit code and what it printed (standard output and error together). */
record CommandResult(int exitCode, String output) {

    boolean succeeded() {
        return exitCode == 0;
    }

    /** Fails with the program's own words when it did not succeed. */
    CommandResult orFail(String what) {
        if (!succeeded()) {
            throw new ComputeDriverException(what + " failed (exit code " + exitCode + "): " + output.trim());
        }
        return this;
    }
}
