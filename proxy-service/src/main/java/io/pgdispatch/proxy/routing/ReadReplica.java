package io.pgdispatch.proxy.routing;

/** Whether a connection asks for a read replica, from the {@code read-replica} routing option. */
public enum ReadReplica {

    /** No {@code read-replica} option: the primary. */
    NONE,

    /** A bare {@code read-replica}: the branch's shared replica. */
    SHARED,

    /** {@code read-replica:new}: a replica created for this session and removed when it ends. */
    ONE_OFF
}
