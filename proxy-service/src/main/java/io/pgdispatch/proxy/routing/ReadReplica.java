package io.pgdispatch.proxy.routing;

/** Whether a connection asks for a read replica, from the {@code read-replica} routing option. */
public enum ReadReplica {

    /** No {@code read-replica} option: the primary. */
    NONE("its primary"),

    /** A bare {@code read-replica}: the branch's shared replica. */
    SHARED("its shared read replica"),

    /** {@code read-replica:new}: a replica created for this session and removed when it ends. */
    ONE_OFF("a read replica of its own");

    private final String description;

    ReadReplica(String description) {
        this.description = description;
    }

    /** What the connection reaches of its branch, for messages and log lines. */
    public String description() {
        return description;
    }
}
