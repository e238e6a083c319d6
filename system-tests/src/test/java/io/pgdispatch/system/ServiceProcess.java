package io.pgdispatch.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service started from its built Quarkus application, as the local stack runs it. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Path log;
    private final int httpPort;

    private ServiceProcess(String name, List<String> command, Process process, Path log, int httpPort) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts {@code module}'s application with these properties and waits until it reports ready. */
    static ServiceProcess start(Path repository, String module, int httpPort, Map<String, String> properties,
            Path logs) throws IOException, InterruptedException {
        return start(repository, module, module, httpPort, properties, logs);
    }

    /** As {@link #start(Path, String, int, Map, Path)}, for another replica of a module, named for its log. */
    static ServiceProcess start(Path repository, String module, String name, int httpPort,
            Map<String, String> properties, Path logs) throws IOException, InterruptedException {
        Path application = repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(application)) {
            throw new IllegalStateException(application + " is missing: build with mvn package first");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-Dquarkus.http.port=" + httpPort));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", application.toString()));
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(name, command, process, log, httpPort);
        service.awaitReady();
        return service;
    }

    /** Asks the process to stop with SIGTERM, as a platform stopping it does, and returns at once. */
    void terminate() {
        process.destroy();
    }

    /** Whether the process has ended within the timeout. */
    boolean exited(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the process with SIGKILL, as a crash would: no shutdown hook, no last message. */
    void crash() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the same application again, with the same settings and port, its output appended to the log. */
    ServiceProcess restarted() throws IOException, InterruptedException {
        Process again = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceProcess service = new ServiceProcess(name, command, again, log, httpPort);
        service.awaitReady();
        return service;
    }

    String name() {
        return name;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The service is still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + tail());
    }

    int httpPort() {
        return httpPort;
    }

    /** The last lines of the service's log, to show why something failed. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
