package io.pgdispatch.compute.lifecycle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs blocking tasks on worker threads, one at a time per compute and in the order they were submitted, so that a
 * start never overlaps a suspend of the same compute. Tasks of different computes run in parallel.
 */
final class PerComputeQueue {

    private final Executor workers;
    /** Per compute, a future that completes when its last submitted task is over; absent when nothing is queued. */
    private final ConcurrentMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    PerComputeQueue(Executor workers) {
        this.workers = workers;
    }

    <T> CompletableFuture<T> submit(String computeId, Supplier<T> task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(computeId, done);
        CompletableFuture<Void> turn = previous == null ? CompletableFuture.completedFuture(null) : previous;

        CompletableFuture<T> result = turn.thenApplyAsync(ignored -> task.get(), workers);
        result.whenComplete((value, failure) -> {
            tails.remove(computeId, done);
            done.complete(null);
        });
        return result;
    }
}
