package io.pgdispatch.proxy.proxyprotocol;

/** Whether a listener expects the PROXY protocol header that a load balancer writes before the client's bytes. */
public enum ProxyProtocolMode {

    /** Clients connect directly; the first byte is PostgreSQL's. */
    OFF,

    /**
     * A connection may start with a header or with PostgreSQL's first packet. A header is believed as sent, so a
     * client that can reach this listener without the load balancer can claim any address and VPC endpoint: use it
     * only while moving a listener behind a load balancer, never where those claims grant access.
     */
    OPTIONAL,

    /** Every connection must start with a header; one that does not is refused before PostgreSQL is read. */
    REQUIRED
}
