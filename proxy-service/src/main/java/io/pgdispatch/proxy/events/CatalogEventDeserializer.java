package io.pgdispatch.proxy.events;

import io.pgdispatch.contract.events.CatalogEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads router-service's JSON catalog events. */
public class CatalogEventDeserializer extends ObjectMapperDeserializer<CatalogEvent> {

    public CatalogEventDeserializer() {
        super(CatalogEvent.class);
    }
}
