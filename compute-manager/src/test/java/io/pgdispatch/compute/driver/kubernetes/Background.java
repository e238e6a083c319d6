package io.pgdispatch.compute.driver.kubernetes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A driver call that blocks until the operator acts, run beside the test that plays the operator.
 *
 * @param <T> what the call returns
 */
final class Background<T> {

    private final CompletableFuture<T> call;

    private Background(CompletableFuture<T> call) {
        this.call = call;
    }

    static <T> Background<T> call(Supplier<T> driverCall) {
        return new Background<>(CompletableFuture.supplyAsync(driverCall));
    }

    static Background<Void> run(Runnable driverCall) {
        return new Background<>(CompletableFuture.runAsync(driverCall));
    }

    /** The call's result; its own exception when it failed. */
    T result() throws Exception {
        try {
            return call.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the driver call did not return within 10 s", e);
        }
    }
}
