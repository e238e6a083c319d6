package io.pgdispatch.contract.internal;

import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The credential of calls between the services: a secret shared by all of them (configuration property
 * {@value #PROPERTY}), sent in the gRPC header {@code x-dispatch-internal-token} of every call. A call without
 * it, or with another value, is refused with UNAUTHENTICATED before it reaches any service method.
 */
public final class InternalToken {

    public static final String PROPERTY = "dispatch.internal-token";
    public static final Metadata.Key<String> HEADER =
        Metadata.Key.of("x-dispatch-internal-token", Metadata.ASCII_STRING_MARSHALLER);

    private InternalToken() {
    }

    /** Compares in constant time, so that the time to refuse tells nothing about the secret. */
    static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
    }
}
