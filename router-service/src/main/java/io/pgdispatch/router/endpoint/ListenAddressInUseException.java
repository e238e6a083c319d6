package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.Quoted;

/** Another endpoint, of any account, already has this dedicated listener address; the proxy binds each once. */
public class ListenAddressInUseException extends RuntimeException {

    public ListenAddressInUseException(String listenAddress) {
        super("listen address " + Quoted.of(listenAddress) + " is already used by another endpoint: choose another"
            + " address or port");
    }
}
