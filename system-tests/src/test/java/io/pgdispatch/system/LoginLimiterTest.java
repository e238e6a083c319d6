package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 100 wrong passwords from one address, presented by a load balancer's PROXY header, trip the failed-login limiter
 * for that address's subnet at that endpoint, while a client from another address logs in with the right password.
 */
@ExtendWith(DispatchSystemExtension.class)
class LoginLimiterTest {

    private static final int LIMIT = 20;

    @Test
    void wrongPasswordsFromOneAddressTripTheLimiterAndOtherAddressesStillLogIn(DispatchSystem system)
            throws Exception {
        Tenant tenant = system.newTenant();
        String endpoint = system.managementApi().createEndpoint(tenant, "{}").get("id").asText();
        InetSocketAddress guesser = new InetSocketAddress("203.0.113.9", 40000);

        List<Map<Character, String>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(passwordForm(system, tenant, guesser, "endpoint=" + endpoint + ";guess-" + i));
        }
        Map<Character, String> rightPasswordFromThere = passwordForm(system, tenant,
            new InetSocketAddress("203.0.113.10", 40000), "endpoint=" + endpoint + ";" + tenant.password());
        Psql.Result fromElsewhere = new Psql(system, tenant).runWithPassword("host=127.0.0.1 port="
            + system.proxyPort() + " user=" + tenant.role() + " dbname=postgres sslmode=require",
            "endpoint=" + endpoint + ";" + tenant.password(), "select 1");

        assertTrue(answers.subList(0, LIMIT).stream().allMatch(error -> "28P01".equals(error.get('C'))),
            answers.subList(0, LIMIT).toString());
        assertTrue(answers.subList(LIMIT, answers.size()).stream().allMatch(error -> "28000".equals(error.get('C'))
            && error.get('M').contains("too many failed logins from 203.0.113.0/24 to endpoint \"" + endpoint + "\"")),
            answers.get(LIMIT).toString());
        assertEquals("28000", rightPasswordFromThere.get('C'), "the subnet waits out the window");
        assertEquals("1", fromElsewhere.output(), fromElsewhere.errors());
    }

    /** One login by the password form, as a client behind a load balancer that reports {@code source}. */
    private static Map<Character, String> passwordForm(DispatchSystem system, Tenant tenant, InetSocketAddress source,
            String password) throws Exception {
        try (WireClient client = new WireClient(system.proxyPort())) {
            client.sendProxyHeader(source, Optional.empty())
                .startTls("localhost", system.caCertificate())
                .sendStartup(Map.of("user", tenant.role(), "database", "postgres"));
            WireClient.Received request = client.receive();
            if (request.type() == 'E') {
                return request.errorFields();
            }
            byte[] text = password.getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[text.length + 1];
            System.arraycopy(text, 0, body, 0, text.length);
            client.sendMessage('p', body);
            return client.receiveError();
        }
    }
}
