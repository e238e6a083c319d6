package io.pgdispatch.auth.role;

/** The account has no role of the requested name. */
public class RoleNotFoundException extends RuntimeException {

    public RoleNotFoundException(String name) {
        super("role \"" + name + "\" does not exist: GET /v1/roles lists the account's roles");
    }
}
