package io.pgdispatch.contract.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Adds the internal token to every gRPC call a service makes. */
@ApplicationScoped
@GlobalInterceptor
public class InternalTokenClientInterceptor implements ClientInterceptor {

    @ConfigProperty(name = InternalToken.PROPERTY)
    String token;

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> responseListener, Metadata headers) {
                headers.put(InternalToken.HEADER, token);
                super.start(responseListener, headers);
            }
        };
    }
}
