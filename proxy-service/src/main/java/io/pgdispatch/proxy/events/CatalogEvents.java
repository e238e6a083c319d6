package io.pgdispatch.proxy.events;

import io.pgdispatch.contract.events.CatalogEvent;
import io.pgdispatch.proxy.auth.RoleSecrets;
import io.pgdispatch.proxy.listeners.DedicatedListeners;
import io.pgdispatch.proxy.routing.TargetResolver;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows changes to endpoints, clusters and roles, so that the next connection sees them without a restart: what
 * the proxy kept about the subject is dropped (a role's verifier, an endpoint's or cluster's routing), and the
 * dedicated listeners are bound again when an endpoint changed.
 * Every proxy reads every event (each in a consumer group of its own), from the moment it started; what it kept
 * before then expires by itself.
 */
@ApplicationScoped
public class CatalogEvents {

    private static final Logger LOG = Logger.getLogger(CatalogEvents.class);

    private final TargetResolver resolver;
    private final DedicatedListeners listeners;
    private final RoleSecrets roles;

    CatalogEvents(TargetResolver resolver, DedicatedListeners listeners, RoleSecrets roles) {
        this.resolver = resolver;
        this.listeners = listeners;
        this.roles = roles;
    }

    @Incoming("catalog-events")
    public void onEvent(CatalogEvent event) {
        LOG.debugf("catalog event %s for %s in cluster %s", event.type(), event.subjectId(), event.clusterId());
        switch (event.type()) {
            case ROLE_CHANGED -> roles.forget(event.accountId(), event.subjectId());
            case CLUSTER_CHANGED -> resolver.forget(event.clusterId(), event.subjectId());
            case ENDPOINT_CHANGED -> {
                resolver.forget(event.clusterId(), event.subjectId());
                listeners.refresh();
            }
        }
    }
}
