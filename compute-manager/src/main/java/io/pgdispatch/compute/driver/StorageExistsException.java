package io.pgdispatch.compute.driver;

/**
 * A branch cannot get new storage because it has some: a copy never overwrites data. Not a
 * {@link ComputeDriverException}, since retrying cannot help.
 */
public class StorageExistsException extends RuntimeException {

    public StorageExistsException(String message) {
        super(message);
    }
}
