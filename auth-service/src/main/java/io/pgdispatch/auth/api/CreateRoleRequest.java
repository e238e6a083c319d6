package io.pgdispatch.auth.api;

/** Body of POST /v1/roles. */
public record CreateRoleRequest(String name, String password) {

    /** Leaves the password out of anything that prints the request. */
    @Override
    public String toString() {
        return "CreateRoleRequest[name=" + name + "]";
    }
}
