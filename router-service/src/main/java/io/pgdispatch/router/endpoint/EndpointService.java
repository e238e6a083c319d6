package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.BranchNotFoundException;
import io.pgdispatch.router.cluster.Quoted;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.events.CatalogEventPublisher;
import io.pgdispatch.router.store.ClusterStore;
import io.pgdispatch.router.store.EndpointStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates, changes and deletes the endpoints of an account's clusters. Every change that commits is announced
 * with a catalog event, so that proxies drop what they cached about the endpoint and rebind dedicated listeners.
 */
@ApplicationScoped
public class EndpointService {

    private static final Logger LOG = Logger.getLogger(EndpointService.class);

    private final ClusterStore clusters;
    private final EndpointStore endpoints;
    private final CatalogEventPublisher events;

    EndpointService(ClusterStore clusters, EndpointStore endpoints, CatalogEventPublisher events) {
        this.clusters = clusters;
        this.endpoints = endpoints;
        this.events = events;
    }

    /**
     * Creates an endpoint of the account's cluster. Fails with ClusterNotFoundException, InvalidEndpointSettings-
     * Exception (such as an unknown branch) or ListenAddressInUseException.
     */
    public Uni<Endpoint> create(String accountId, String clusterId, EndpointSettings settings) {
        return branchOf(accountId, clusterId, settings.branchName())
            .chain(target -> endpoints.insert(target, settings))
            .invoke(endpoint -> announce(endpoint, "created"));
    }

    /** The endpoints of one of the account's clusters, oldest first; ClusterNotFoundException for a foreign one. */
    public Uni<List<Endpoint>> list(String accountId, String clusterId) {
        return clusters.find(accountId, clusterId)
            .chain(() -> endpoints.list(accountId, clusterId));
    }

    /** One of the account's endpoints; EndpointNotFoundException for an unknown or foreign id. */
    public Uni<Endpoint> find(String accountId, String endpointId) {
        return endpoints.find(accountId, endpointId);
    }

    /**
     * Replaces every setting of the account's endpoint; its cluster stays. Fails with EndpointNotFoundException,
     * InvalidEndpointSettingsException or ListenAddressInUseException.
     */
    public Uni<Endpoint> replace(String accountId, String endpointId, EndpointSettings settings) {
        return endpoints.find(accountId, endpointId)
            .chain(current -> branchOf(accountId, current.target().clusterId(), settings.branchName()))
            .chain(target -> endpoints.update(endpointId, target, settings))
            .invoke(endpoint -> announce(endpoint, "changed"));
    }

    /** Deletes the account's endpoint; EndpointNotFoundException for an unknown or foreign id. */
    public Uni<Void> delete(String accountId, String endpointId) {
        return endpoints.delete(accountId, endpointId)
            .invoke(endpoint -> announce(endpoint, "deleted"))
            .replaceWithVoid();
    }

    /** The named branch of the cluster; an unknown branch is the request's fault, not a missing address. */
    private Uni<Target> branchOf(String accountId, String clusterId, String branchName) {
        return clusters.findTargetByName(accountId, clusterId, branchName)
            .onFailure(BranchNotFoundException.class)
            .transform(failure -> new InvalidEndpointSettingsException("branch " + Quoted.of(branchName)
                + " not found in cluster " + Quoted.of(clusterId) + ": name one of its branches, or leave branch"
                + " out for main"));
    }

    private void announce(Endpoint endpoint, String change) {
        LOG.infof("endpoint %s of cluster %s %s (branch %s, listener %s)", endpoint.id(),
            endpoint.target().clusterId(), change, endpoint.target().branchName(), endpoint.listenAddress());
        events.endpointChanged(endpoint);
    }
}
