package io.pgdispatch.deploy;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** The objects the chart and the kustomize manifests describe, as typed Kubernetes objects. */
final class Manifests {

    static final Path CHART = Path.of("..", "charts", "pg-dispatch");
    static final Path KUSTOMIZE_BASE = Path.of("..", "k8s", "base");
    static final String RELEASE = "pg-dispatch";
    static final String NAMESPACE = "databases";

    /** The oldest Kubernetes the chart supports: the proxy's preStop uses the sleep action of 1.30. */
    private static final String KUBE_VERSION = "1.30.0";

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private Manifests() {
    }

    /** {@code helm template} of the chart in process, with the given values set. */
    static List<HasMetadata> chart(Map<String, Object> values) {
        var template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
        values.forEach(template::set);
        return parse(template.call());
    }

    /**
     * {@code kubectl kustomize} of a folder; skips the test where kubectl is missing, since kustomize has no Java
     * implementation.
     */
    static List<HasMetadata> kustomize(Path folder) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", folder.toString()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + folder + " failed: " + errors);
            }
            return parse(output);
        } catch (IOException e) {
            Assumptions.abort("kubectl is not installed, so the kustomize manifests cannot be built: "
                + e.getMessage());
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> kind, String name) {
        return ofKind(objects, kind).stream().filter(object -> object.getMetadata().getName().equals(name))
            .findFirst().orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name
                + " among " + ofKind(objects, kind).stream().map(o -> o.getMetadata().getName())
                .collect(Collectors.joining(", "))));
    }

    /** Splits a multi-document YAML stream; documents holding only comments are dropped. */
    private static List<HasMetadata> parse(String yaml) {
        return Arrays.stream(yaml.split("(?m)^---\\s*$"))
            .filter(document -> document.lines().anyMatch(line -> !line.isBlank() && !line.startsWith("#")))
            .map(document -> (HasMetadata) YAML.unmarshal(document))
            .toList();
    }
}
