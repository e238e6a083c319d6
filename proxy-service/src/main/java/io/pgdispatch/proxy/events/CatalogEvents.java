package io.pgdispatch.proxy.events;

import io.pgdispatch.contract.events.CatalogEvent;
import io.pgdispatch.proxy.listeners.DedicatedListeners;
import io.pgdispatch.proxy.routing.TargetResolver;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows changes to endpoints and clusters, so that the next connection sees them without a restart: what the
 * proxy kept about the subject is dropped, and the dedicated listeners are bound again when an endpoint changed.
 * Every proxy reads every event (each in a consumer group of its own), from the moment it started; what it kept
 * before then expires by itself.
 */
@ApplicationScoped
public class CatalogEvents {

    private static final Logger LOG = Logger.getLogger(CatalogEvents.class);

    private final TargetResolver resolver;
    private final DedicatedListeners listeners;

    CatalogEvents(TargetResolver resolver, DedicatedListeners listeners) {
        this.resolver = resolver;
        this.listeners = listeners;
    }

    @Incoming("catalog-events")
    public void onEvent(CatalogEvent event) {
        LOG.debugf("catalog event %s for %s in cluster %s", event.type(), event.subjectId(), event.clusterId());
        resolver.forget(event.clusterId(), event.subjectId());
        if (event.type() == CatalogEvent.Type.ENDPOINT_CHANGED) {
            listeners.refresh();
        }
    }
}
