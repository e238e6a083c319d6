package io.pgdispatch.proxy.proxyprotocol;

/** What a PROXY protocol header says about the connection it starts. */
public enum ProxyCommand {

    /** The load balancer opened the connection itself, a health check for instance: it carries no client. */
    LOCAL,

    /** The connection relays a client, whose addresses the header gives when it can. */
    PROXY
}
