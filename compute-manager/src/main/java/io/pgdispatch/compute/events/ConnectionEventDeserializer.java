package io.pgdispatch.compute.events;

import io.pgdispatch.contract.events.ConnectionEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads the proxy's JSON session events. */
public class ConnectionEventDeserializer extends ObjectMapperDeserializer<ConnectionEvent> {

    public ConnectionEventDeserializer() {
        super(ConnectionEvent.class);
    }
}
