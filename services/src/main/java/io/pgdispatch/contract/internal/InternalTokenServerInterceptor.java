package io.pgdispatch.contract.internal;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Refuses every gRPC call to a service that does not carry the internal token. */
@ApplicationScoped
@GlobalInterceptor
public class InternalTokenServerInterceptor implements ServerInterceptor {

    private static final Logger LOG = Logger.getLogger(InternalTokenServerInterceptor.class);

    @ConfigProperty(name = InternalToken.PROPERTY)
    String token;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        if (InternalToken.matches(token, headers.get(InternalToken.HEADER))) {
            return next.startCall(call, headers);
        }
        LOG.warnf("refused %s from %s: no valid internal token", call.getMethodDescriptor().getFullMethodName(),
            call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
        call.close(Status.UNAUTHENTICATED.withDescription("internal calls need the shared internal token ("
            + InternalToken.PROPERTY + ")"), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
