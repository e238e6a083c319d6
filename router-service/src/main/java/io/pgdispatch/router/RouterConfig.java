package io.pgdispatch.router;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of router-service beyond the standard Quarkus ones. */
@ConfigMapping(prefix = "dispatch.router")
public interface RouterConfig {

    /** Longest wait for compute-manager to return a running compute, including a cold start. */
    @WithDefault("30s")
    Duration computeTimeout();

    /** Longest wait for compute-manager to copy a parent branch's data for a new branch (a full base backup). */
    @WithDefault("120s")
    Duration branchTimeout();
}
