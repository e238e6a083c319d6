package io.pgdispatch.router.compute;

/** compute-manager found the point in time outside its branch's history: in the future or before it begins. */
public class PointInTimeOutOfRangeException extends RuntimeException {

    public PointInTimeOutOfRangeException(String message) {
        super(message);
    }
}
