package io.pgdispatch.proxy.compute;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * The client's side of a login that the compute authenticates itself (passthrough): the compute's authentication
 * messages go to the client unchanged, and the client's answers come back the same way.
 */
public interface ClientAuthentication {

    /** Passes an authentication message of the compute, a request or the final AuthenticationOk, to the client. */
    void toClient(Buffer message);

    /** Called once the compute is connected: from then on the client's answers go to {@code compute}. */
    void answersTo(Consumer<Buffer> compute);
}
