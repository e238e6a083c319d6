package io.pgdispatch.compute.driver.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pgdispatch.compute.config.ComputeConfig;
import io.pgdispatch.compute.driver.ComputeDriver;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.HostAuthentication;
import io.pgdispatch.compute.driver.PlatformRole;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.driver.StorageExistsException;
import io.pgdispatch.contract.target.PointInTime;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Computes as CloudNativePG Clusters in one namespace, through the Kubernetes API. A branch's primary is a one-instance
 * Cluster reached on its {@code -rw} Service; its shared read replica is a second instance of the same Cluster,
 * reached on the {@code -ro} Service. Suspend and wake set and remove the hibernation annotation, which stops the
 * instances and keeps their volumes. Point-in-time and one-off computes are Clusters of their own (see
 * {@link ClusterManifest}); a one-off compute is deleted when it is stopped.
 *
 * <p>Every wait is an informer on the one Cluster, which completes when the operator's status says the step is
 * done or cannot be done; the operator's own phase and condition messages become the failure's message. Nothing is
 * kept in this process: names derive from the ids and labels confirm them, so a restarted compute-manager finds
 * its computes in the API.
 *
 * <p>Limitation: a branch made from its parent has the parent's data up to the last WAL segment archived to the
 * object store, not the parent's very last commit, and needs a base backup of the parent in the store.
 * Limitation: a point-in-time compute refuses writes by {@code default_transaction_read_only}, which a session can
 * turn off; it keeps the roles of its time, and is hibernated, never deleted, when idle.
 */
public final class KubernetesDriver implements ComputeDriver {

    private static final Logger LOG = Logger.getLogger(KubernetesDriver.class);

    private final KubernetesClient client;
    private final String namespace;
    private final Duration timeout;
    private final ClusterManifest manifests;

    public KubernetesDriver(KubernetesClient client, ComputeConfig.Kubernetes config) {
        this.client = client;
        this.namespace = config.namespace().or(() -> Optional.ofNullable(client.getNamespace()))
            .orElseThrow(() -> new ComputeDriverException("the kubernetes driver needs a namespace for its computes:"
                + " set dispatch.compute.kubernetes.namespace or run compute-manager in a pod"));
        this.timeout = config.readyTimeout();
        this.manifests = new ClusterManifest(config);
    }

    /** Creates the compute's Cluster unless it exists; a shared replica is served by its branch's Cluster. */
    @Override
    public String ensureStorage(ComputeSpec spec) {
        String name = ComputeLabels.clusterName(spec);
        if (find(spec).isPresent()) {
            return where(name);
        }
        GenericKubernetesResource cluster = switch (spec.kind()) {
            case PRIMARY, REPLICA -> manifests.newBranch(spec);
            case POINT_IN_TIME -> manifests.pointInTime(spec);
            case ONE_OFF_BRANCH -> {
                if (spec.pointInTime().isEmpty()) {
                    requirePrimaryRunning(spec);
                }
                yield manifests.oneOffBranch(spec);
            }
            case ONE_OFF_REPLICA -> {
                requirePrimaryRunning(spec);
                yield manifests.oneOffReplica(spec);
            }
        };
        if (create(cluster)) {
            LOG.infof("Compute %s: created Cluster %s for cluster %s branch %s (%s)", spec.computeId(), where(name),
                spec.clusterId(), spec.branchId(), spec.kind());
        }
        return where(name);
    }

    /** CloudNativePG takes base backups on the ScheduledBackup each archiving Cluster gets. */
    @Override
    public void refreshBaseBackup(ComputeSpec spec) {
    }

    /**
     * A one-off replica, and a one-off copy of the branch's head, copy the primary's Cluster; everything else
     * recovers from the object store.
     */
    @Override
    public boolean needsRunningPrimary(ComputeSpec spec) {
        return spec.kind() == ComputeSpec.Kind.ONE_OFF_REPLICA
            || spec.kind() == ComputeSpec.Kind.ONE_OFF_BRANCH && spec.pointInTime().isEmpty();
    }

    /** A compute's storage is its Cluster's volumes, so it exists while its Cluster does. */
    @Override
    public boolean hasStorage(ComputeSpec spec) {
        return find(spec).isPresent();
    }

    /**
     * Recovers the branch's Cluster from the parent's archive and waits for the recovery to end; then hibernates it,
     * so that it starts on first use like any other branch. A recovery that fails is deleted again.
     */
    @Override
    public void createBranchStorage(ComputeSpec parent, ComputeSpec branch, Optional<PointInTime> point) {
        String name = ComputeLabels.branchClusterName(branch);
        if (clusters().withName(name).get() != null || !create(manifests.branchFrom(parent, branch, point))) {
            throw new StorageExistsException("branch " + branch.branchId() + " already has its Cluster " + where(name)
                + ": choose another branch id");
        }
        try {
            awaitStatus(name, "recover from its parent's backups", status -> status.readyWith(1),
                ClusterStatus::failure);
        } catch (ComputeDriverException e) {
            clusters().withName(name).delete();
            throw e;
        }
        hibernate(branch, name);
        LOG.infof("Compute %s: Cluster %s recovered from the backups of %s", branch.computeId(), where(name),
            ComputeLabels.branchClusterName(parent));
    }

    /** Wakes the Cluster (and adds the replica instance for a shared replica) and waits until it serves. */
    @Override
    public ComputeEndpoint start(ComputeSpec spec) {
        String name = ComputeLabels.clusterName(spec);
        int instances = instancesFor(spec);
        GenericKubernetesResource cluster = requireCluster(spec);
        Number current = cluster.get("spec", "instances");
        Map<String, Object> annotations = new HashMap<>();
        annotations.put(Cnpg.HIBERNATION, null);
        patch(name, Map.of(
            "metadata", Map.of("annotations", annotations),
            "spec", Map.of("instances", Math.max(current == null ? 1 : current.intValue(), instances))));
        awaitStatus(name, "start", status -> status.readyWith(instances), ClusterStatus::failure);
        ComputeEndpoint endpoint = endpoint(spec, name);
        LOG.infof("Compute %s: Cluster %s serves on %s:%d", spec.computeId(), where(name), endpoint.host(),
            endpoint.port());
        return endpoint;
    }

    /**
     * Puts a method other than the default on a rule of the Cluster's own ({@code spec.postgresql.pg_hba}) for every
     * host, which CloudNativePG places after its rules for itself and for streaming replication and before its
     * default scram-sha-256 rule; the default method removes it again. The operator reloads running instances.
     * Limitation: that reload is not awaited (the status tells no version of it), so right after a change on a
     * running compute a login may still meet the method before.
     */
    @Override
    public void authenticateWith(ComputeSpec spec, HostAuthentication authentication) {
        GenericKubernetesResource cluster = requireCluster(spec);
        List<String> wanted = authentication.isDefault() ? null
            : List.of(("host all all all " + authentication.method() + " " + authentication.options()).strip());
        if (Objects.equals(cluster.get("spec", "postgresql", "pg_hba"), wanted)) {
            return;
        }
        replaceInSpec(cluster, "postgresql", "pg_hba", wanted);
        LOG.infof("Compute %s: connections to Cluster %s authenticate by %s", spec.computeId(),
            where(cluster.getMetadata().getName()), authentication.method());
    }

    /**
     * Declares the platform roles beside the account's (see {@link ManagedRoles}), each with its branch's verifier in
     * a Secret of its own, on primaries: their replicas and points in time take them from the WAL. A one-off copy
     * has every role of the branch from its copy, and declares only {@code dispatch_anonymous}, which may write there.
     */
    @Override
    public void applyPlatformRoles(ComputeSpec spec, Map<PlatformRole, String> verifiers) {
        boolean copy = spec.kind() == ComputeSpec.Kind.ONE_OFF_BRANCH;
        if (spec.kind() != ComputeSpec.Kind.PRIMARY && !copy) {
            return;
        }
        GenericKubernetesResource cluster = requireCluster(spec);
        Map<PlatformRole, String> secrets = new EnumMap<>(PlatformRole.class);
        Map<String, String> written = new HashMap<>();
        verifiers.forEach((role, verifier) -> {
            if (copy && role != PlatformRole.ANONYMOUS) {
                return;
            }
            Secret secret = storeVerifier(cluster, role.roleName(), verifier);
            secrets.put(role, secret.getMetadata().getName());
            written.put(role.roleName(), secret.getMetadata().getResourceVersion());
        });
        declare(cluster, ManagedRoles.declaredBy(cluster).withPlatformRoles(secrets, copy), written);
    }

    /**
     * Declares the roles as the Cluster's managed roles, each with its verifier in a Secret of its own (CloudNativePG
     * docs, "Database Role Management": a password already in SCRAM form is stored as-is), keeping the platform
     * roles. Replicas, one-off ones included, get their roles from their primary, and a point-in-time compute keeps
     * those of its time, so only primaries take roles.
     */
    @Override
    public void applyRoles(ComputeSpec spec, List<RoleSecret> roles) {
        if (spec.kind() != ComputeSpec.Kind.PRIMARY) {
            return;
        }
        GenericKubernetesResource cluster = requireCluster(spec);
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, String> written = new HashMap<>();
        for (RoleSecret role : roles) {
            Secret secret = storeVerifier(cluster, role.name(), role.verifier());
            secrets.put(role.name(), secret.getMetadata().getName());
            written.put(role.name(), secret.getMetadata().getResourceVersion());
        }
        declare(cluster, ManagedRoles.declaredBy(cluster).withAccountRoles(secrets), written);
    }

    /**
     * Writes the managed roles and waits until the operator reports each one applied with the current version of
     * its Secret. Limitation: a change of memberships alone (a role added to or removed from {@code dispatch_link})
     * is not awaited, since the operator's status gives no version of it; it takes effect at the next reconcile.
     */
    private void declare(GenericKubernetesResource cluster, ManagedRoles roles, Map<String, String> writtenVersions) {
        if (roles.isEmpty()) {
            return;
        }
        String name = cluster.getMetadata().getName();
        Map<String, String> secretVersions = new LinkedHashMap<>();
        roles.passwordSecrets().forEach((role, secret) -> secretVersions.put(role,
            writtenVersions.containsKey(role) ? writtenVersions.get(role) : currentVersion(name, role, secret)));
        replaceInSpec(cluster, "managed", "roles", roles.declaration());
        awaitStatus(name, "apply roles", status -> status.rolesApplied(secretVersions),
            status -> status.roleFailures(secretVersions.keySet()));
        LOG.debugf("Cluster %s: %d managed roles applied", where(name), secretVersions.size());
    }

    /**
     * Sets {@code spec.<group>.<field>} by a JSON patch (RFC 6902), whose {@code add} replaces a list whole (a merge
     * patch does too by its RFC, but not on every server), keeping the group's other fields; null removes the field.
     */
    private void replaceInSpec(GenericKubernetesResource cluster, String group, String field, Object value) {
        String path = "/spec/" + group + "/" + field;
        Map<String, Object> operation;
        if (value == null) {
            if (cluster.get("spec", group, field) == null) {
                return;
            }
            operation = Map.of("op", "remove", "path", path);
        } else if (cluster.get("spec", group) == null) {
            operation = Map.of("op", "add", "path", "/spec/" + group, "value", Map.of(field, value));
        } else {
            operation = Map.of("op", "add", "path", path, "value", value);
        }
        String name = cluster.getMetadata().getName();
        try {
            clusters().withName(name).patch(PatchContext.of(PatchType.JSON), Serialization.asJson(List.of(operation)));
        } catch (KubernetesClientException e) {
            throw new ComputeDriverException("could not change " + path + " of Cluster " + where(name) + ": "
                + e.getMessage(), e);
        }
    }

    private String currentVersion(String clusterName, String role, String secretName) {
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        if (secret == null) {
            throw new ComputeDriverException("Cluster " + where(clusterName) + " declares role " + role
                + " with the password Secret " + secretName + ", which does not exist: delete the role from"
                + " spec.managed.roles, and compute-manager declares it again with its Secret at the next start");
        }
        return secret.getMetadata().getResourceVersion();
    }

    /**
     * Hibernates a primary or point-in-time compute, keeping its volumes; removes a shared replica's instance;
     * deletes a one-off compute's Cluster with its volumes. Waits until the operator has done so.
     */
    @Override
    public void stop(ComputeSpec spec) {
        String name = ComputeLabels.clusterName(spec);
        if (find(spec).isEmpty()) {
            return;
        }
        switch (spec.kind()) {
            case PRIMARY, POINT_IN_TIME -> hibernate(spec, name);
            case REPLICA -> {
                patch(name, Map.of("spec", Map.of("instances", 1)));
                awaitStatus(name, "remove its replica", status -> status.instances() <= 1, ClusterStatus::failure);
                LOG.infof("Compute %s: replica of Cluster %s removed", spec.computeId(), where(name));
            }
            case ONE_OFF_REPLICA, ONE_OFF_BRANCH -> {
                clusters().withName(name).delete();
                await(name, "be deleted", List::isEmpty);
                LOG.infof("Compute %s: Cluster %s deleted", spec.computeId(), where(name));
            }
        }
    }

    /**
     * Limitation: the sessions of a compute are not read from the Kubernetes API, so one-off computes are released
     * on the proxy's connection events alone.
     */
    @Override
    public OptionalInt clientSessions(ComputeSpec spec) {
        return OptionalInt.empty();
    }

    /**
     * Deletes every Cluster labelled with the branch (its primary's, with the shared replica, and those of its
     * points in time and one-off computes), their volumes and Secrets going with them, and waits until none is left.
     */
    @Override
    public void deleteBranch(String clusterId, String branchId) {
        Map<String, String> labels = Map.of(ComputeLabels.CLUSTER, clusterId, ComputeLabels.BRANCH, branchId);
        FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList,
                Resource<GenericKubernetesResource>> branchClusters = clusters().withLabels(labels);
        if (branchClusters.list().getItems().isEmpty()) {
            return;
        }
        branchClusters.delete();
        CompletableFuture<List<GenericKubernetesResource>> gone = branchClusters.informOnCondition(List::isEmpty);
        try {
            gone.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ComputeDriverException("the Clusters of branch " + branchId + " were not deleted within "
                + timeout + ": see kubectl get clusters -n " + namespace + " -l " + ComputeLabels.BRANCH + "="
                + branchId, e);
        } catch (ExecutionException e) {
            throw new ComputeDriverException("watching the Clusters of branch " + branchId + " failed: "
                + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeDriverException("interrupted while deleting the Clusters of branch " + branchId, e);
        } finally {
            gone.cancel(true);
        }
        LOG.infof("Branch %s of cluster %s: Clusters deleted", branchId, clusterId);
    }

    /** Where the compute serves, if its Cluster exists, is not hibernated and has its instances ready. */
    @Override
    public Optional<ComputeEndpoint> running(ComputeSpec spec) {
        int instances = instancesFor(spec);
        return find(spec)
            .filter(cluster -> !hibernationRequested(cluster))
            .filter(cluster -> ClusterStatus.of(cluster).readyWith(instances))
            .map(cluster -> endpoint(spec, cluster.getMetadata().getName()));
    }

    private void hibernate(ComputeSpec spec, String name) {
        patch(name, Map.of("metadata", Map.of("annotations", Map.of(Cnpg.HIBERNATION, "on"))));
        awaitStatus(name, "hibernate", ClusterStatus::hibernated, ClusterStatus::failure);
        LOG.infof("Compute %s: Cluster %s hibernated", spec.computeId(), where(name));
    }

    /** A one-off replica or copy of the head copies the primary with pg_basebackup, so the primary must serve first. */
    private void requirePrimaryRunning(ComputeSpec spec) {
        String primary = ComputeLabels.branchClusterName(spec);
        Optional<GenericKubernetesResource> cluster = Optional.ofNullable(clusters().withName(primary).get());
        if (cluster.filter(found -> !hibernationRequested(found))
                .filter(found -> ClusterStatus.of(found).readyWith(1)).isEmpty()) {
            String what = spec.kind() == ComputeSpec.Kind.ONE_OFF_REPLICA ? "replica" : "copy";
            throw new ComputeDriverException("a one-off " + what + " of branch " + spec.branchId() + " copies its"
                + " primary, which does not run: start the primary first");
        }
    }

    /**
     * Waits until the Cluster's status says the step is done, or fails with the operator's reason. The informer
     * sees each change of the Cluster as it happens; nothing polls.
     */
    private ClusterStatus awaitStatus(String name, String what, Predicate<ClusterStatus> done,
            Function<ClusterStatus, Optional<String>> failure) {
        List<GenericKubernetesResource> found = await(name, what, items -> items.isEmpty()
            || done.test(ClusterStatus.of(items.get(0))) || failure.apply(ClusterStatus.of(items.get(0))).isPresent());
        if (found.isEmpty()) {
            throw new ComputeDriverException("Cluster " + where(name) + " was deleted while waiting for it to " + what);
        }
        ClusterStatus status = ClusterStatus.of(found.get(0));
        Optional<String> reason = failure.apply(status);
        if (reason.isPresent() && !done.test(status)) {
            throw new ComputeDriverException("Cluster " + where(name) + " cannot " + what + ": " + reason.get());
        }
        return status;
    }

    private List<GenericKubernetesResource> await(String name, String what,
            Predicate<List<GenericKubernetesResource>> condition) {
        CompletableFuture<List<GenericKubernetesResource>> future = clusters().withName(name)
            .informOnCondition(condition);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ComputeDriverException("Cluster " + where(name) + " did not " + what + " within " + timeout
                + ": " + lastKnown(name), e);
        } catch (ExecutionException e) {
            throw new ComputeDriverException("watching Cluster " + where(name) + " failed: "
                + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeDriverException("interrupted while waiting for Cluster " + where(name) + " to " + what,
                e);
        } finally {
            future.cancel(true);
        }
    }

    /**
     * Changes the Cluster by a JSON merge patch (RFC 7386) of the given fields only, without a resourceVersion: the
     * operator writes the status meanwhile, and a change of other fields must not fail on that. A null removes.
     */
    private void patch(String name, Map<String, Object> fields) {
        try {
            clusters().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(fields));
        } catch (KubernetesClientException e) {
            throw new ComputeDriverException("could not change Cluster " + where(name) + ": " + e.getMessage(), e);
        }
    }

    /** The Cluster's status as last reported, for a timeout's message. */
    private String lastKnown(String name) {
        return Optional.ofNullable(clusters().withName(name).get()).map(cluster -> ClusterStatus.of(cluster)
            .describe()).orElse("it no longer exists");
    }

    /** The compute's Cluster, after checking by its labels that it serves the compute's branch. */
    private Optional<GenericKubernetesResource> find(ComputeSpec spec) {
        String name = ComputeLabels.clusterName(spec);
        Optional<GenericKubernetesResource> cluster = Optional.ofNullable(clusters().withName(name).get());
        cluster.filter(found -> !ComputeLabels.servesBranch(found.getMetadata().getLabels(), spec))
            .ifPresent(found -> {
                throw new ComputeDriverException("Cluster " + where(name) + " exists but its labels do not name "
                    + "cluster " + spec.clusterId() + " branch " + spec.branchId() + ": it was not made by pg-dispatch"
                    + " for this compute; delete or rename it");
            });
        return cluster;
    }

    private GenericKubernetesResource requireCluster(ComputeSpec spec) {
        return find(spec).orElseThrow(() -> new ComputeDriverException("compute " + spec.computeId()
            + " has no Cluster " + where(ComputeLabels.clusterName(spec))));
    }

    /** Creates the Cluster and its scheduled backups; false when a Cluster of that name exists already. */
    private boolean create(GenericKubernetesResource cluster) {
        GenericKubernetesResource created;
        try {
            created = clusters().resource(cluster).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw new ComputeDriverException("could not create Cluster " + where(cluster.getMetadata().getName())
                + ": " + e.getMessage(), e);
        }
        manifests.scheduledBackup(created).ifPresent(backup -> {
            backup.getMetadata().setOwnerReferences(List.of(ownedBy(created)));
            client.genericKubernetesResources(Cnpg.SCHEDULED_BACKUPS).inNamespace(namespace).resource(backup)
                .createOr(NonDeletingOperation::update);
        });
        return true;
    }

    /** The role's verifier as a basic-auth Secret owned by the Cluster, so that it goes when the Cluster goes. */
    private Secret storeVerifier(GenericKubernetesResource cluster, String role, String verifier) {
        String clusterName = cluster.getMetadata().getName();
        Secret secret = new SecretBuilder()
            .withNewMetadata()
                .withName(ComputeLabels.roleSecretName(clusterName, role))
                .withLabels(cluster.getMetadata().getLabels())
                .addToLabels(Cnpg.RELOAD, "true")
                .withOwnerReferences(ownedBy(cluster))
            .endMetadata()
            .withType("kubernetes.io/basic-auth")
            .addToStringData("username", role)
            .addToStringData("password", verifier)
            .build();
        return client.secrets().inNamespace(namespace).resource(secret).createOr(NonDeletingOperation::update);
    }

    private ComputeEndpoint endpoint(ComputeSpec spec, String name) {
        String service = spec.kind() == ComputeSpec.Kind.REPLICA ? Cnpg.readOnlyService(name)
            : Cnpg.readWriteService(name);
        return new ComputeEndpoint(service + "." + namespace + ".svc", Cnpg.PORT);
    }

    private static int instancesFor(ComputeSpec spec) {
        return spec.kind() == ComputeSpec.Kind.REPLICA ? 2 : 1;
    }

    private static boolean hibernationRequested(GenericKubernetesResource cluster) {
        Map<String, String> annotations = cluster.getMetadata().getAnnotations();
        return annotations != null && "on".equals(annotations.get(Cnpg.HIBERNATION));
    }

    private static OwnerReference ownedBy(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
            .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).build();
    }

    private String where(String name) {
        return namespace + "/" + name;
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> clusters() {
        return client.genericKubernetesResources(Cnpg.CLUSTERS).inNamespace(namespace);
    }
}
