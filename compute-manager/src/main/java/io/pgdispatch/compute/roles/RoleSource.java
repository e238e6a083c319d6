package io.pgdispatch.compute.roles;

import io.pgdispatch.compute.driver.RoleSecret;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Where the login roles of an account come from; a compute gets all of them on every start. */
public interface RoleSource {

    Uni<List<RoleSecret>> rolesOf(String accountId);
}
