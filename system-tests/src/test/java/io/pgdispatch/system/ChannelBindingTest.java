package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * psql that requires channel binding logs in through the proxy: the proxy offers SCRAM-SHA-256-PLUS and binds the
 * exchange to the certificate it presented (libpq refuses to go on without it when channel_binding=require). A man
 * in the middle with another certificate, which the client was not asked to verify, relays a login without binding,
 * and cannot relay one with it.
 */
@ExtendWith(DispatchSystemExtension.class)
class ChannelBindingTest {

    @Test
    void psqlRequiringChannelBindingLogsIn(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();

        Psql.Result result = new Psql(system, tenant).run("select current_user", tenant.password(),
            "channel_binding=require");

        assertEquals(tenant.role(), result.output(), result.errors());
    }

    @Test
    void aManInTheMiddleWithAnotherCertificateIsRefused(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        Path folder = Files.createTempDirectory("pg-dispatch-interceptor-");
        try (TlsInterceptor interceptor = TlsInterceptor.start(system.proxyPort(), folder)) {
            String throughInterceptor = "host=127.0.0.1 port=" + interceptor.port() + " user=" + tenant.role()
                + " dbname=postgres sslmode=require connect_timeout=30 options=cluster=" + tenant.clusterId();

            Psql.Result unbound = psql.runWith(throughInterceptor + " channel_binding=disable", "select 1");
            Psql.Result bound = psql.runWith(throughInterceptor + " channel_binding=require", "select 1");

            assertEquals("1", unbound.output(), "without binding the interceptor relays the login: "
                + unbound.errors());
            assertNotEquals(0, bound.exitCode());
            assertTrue(bound.errors().contains("password authentication failed for user \"" + tenant.role() + "\""),
                bound.errors());
        }
    }
}
