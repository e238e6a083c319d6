package io.pgdispatch.auth.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Login by link: where its pages are reached and how long a link stays valid. */
@ConfigMapping(prefix = "dispatch.link")
public interface LinkConfig {

    /** The address of the login pages up to the link id, as a browser reaches auth-service (or its ingress). */
    @WithDefault("http://127.0.0.1:8081/link/")
    String baseUrl();

    /** How long a person has to open the link and confirm; the waiting connection ends after it. */
    @WithDefault("PT2M")
    Duration ttl();
}
