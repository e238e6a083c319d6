package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion, feeding it standard input and collecting what it prints. */
final class Command {

    /** Longer than pg_ctl's own 60 s wait, so that pg_ctl reports a slow start itself. */
    private static final long TIMEOUT_SECONDS = 120;

    private Command() {
    }

    static CommandResult run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ComputeDriverException(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new CommandResult(process.exitValue(), output);
        } catch (IOException e) {
            throw new ComputeDriverException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeDriverException("interrupted while running " + command.get(0), e);
        }
    }
}
