package io.pgdispatch.compute.events;

import io.pgdispatch.contract.events.CatalogEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads the JSON catalog events of auth-service and router-service. */
public class CatalogEventDeserializer extends ObjectMapperDeserializer<CatalogEvent> {

    public CatalogEventDeserializer() {
        super(CatalogEvent.class);
    }
}
