package io.pgdispatch.auth.api;

/** Body of PUT /v1/roles/{name}/password. */
public record ChangePasswordRequest(String password) {

    /** Leaves the password out of anything that prints the request. */
    @Override
    public String toString() {
        return "ChangePasswordRequest[]";
    }
}
