package io.pgdispatch.compute.driver.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.compute.driver.HostAuthentication;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pg_hba.conf a compute gets, and the methods and options compute-manager refuses to write into it. */
class HbaFileTest {

    @Test
    void theSocketIsTrustedAndEveryTcpConnectionUsesTheMethod() {
        String file = HbaFile.of(new HostAuthentication("ldap", "ldapserver=127.0.0.1 ldapprefix=\"uid=\""));

        List<String> rules = file.lines().filter(line -> !line.startsWith("#")).map(line -> line.split("\\s+", 4)[0]
            + " " + line.split("\\s+", 4)[1]).toList();
        assertEquals(List.of("local all", "local replication", "host all", "host all"), rules);
        assertTrue(file.contains("127.0.0.1/32  ldap ldapserver=127.0.0.1 ldapprefix=\"uid=\"\n"), file);
        assertTrue(file.contains("::1/128       ldap ldapserver=127.0.0.1 ldapprefix=\"uid=\"\n"), file);
        assertTrue(HbaFile.of(HostAuthentication.DEFAULT).contains("127.0.0.1/32  scram-sha-256\n"));
    }

    @Test
    void onlyMethodsWithoutKeytabsAndOptionsOnOneLineAreTaken() {
        assertEquals(Optional.empty(), HostAuthentication.problem("radius", "radiusservers=127.0.0.1"));
        assertFalse(HostAuthentication.problem("trust", "").isEmpty());
        assertFalse(HostAuthentication.problem("gss", "").isEmpty());
        assertFalse(HostAuthentication.problem("ldap", "ldapserver=a\nhost all all 0.0.0.0/0 trust").isEmpty());
        assertFalse(HostAuthentication.problem("ldap", "ldapserver=a # and more").isEmpty());
    }
}
