package io.pgdispatch.compute.driver;

/**
 * A point in time the branch's history does not hold: in the future, or before the branch's history begins. Not a
 * {@link ComputeDriverException}, since retrying cannot help; the message names the point and the reachable range.
 */
public class PointInTimeOutOfRangeException extends RuntimeException {

    public PointInTimeOutOfRangeException(String message) {
        super(message);
    }
}
