package io.pgdispatch.system;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Repeats an attempt until its result is the expected one, for changes that take effect asynchronously. */
final class Await {

    private static final long PAUSE_MILLIS = 200;

    private Await() {
    }

    /** The first result that {@code done} accepts; fails with the last result when {@code limit} passes first. */
    static <T> T until(Duration limit, Callable<T> attempt, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T result = attempt.call();
            if (done.test(result)) {
                return result;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not done within " + limit.toSeconds() + " s; last result: " + result);
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
