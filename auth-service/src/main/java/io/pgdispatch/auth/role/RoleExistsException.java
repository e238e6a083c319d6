package io.pgdispatch.auth.role;

/** The account already has a role of the requested name. */
public class RoleExistsException extends RuntimeException {

    public RoleExistsException(String name) {
        super("role \"" + name + "\" already exists: choose another name");
    }
}
