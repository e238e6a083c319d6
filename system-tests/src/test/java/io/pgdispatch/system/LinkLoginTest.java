package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Login by link with real psql, a real OIDC provider and headless Chromium: psql connects to start.&lt;domain&gt;
 * and prints the link; a person logs in, picks a branch and a role, and the waiting session runs there as that
 * role. Cancelling in the browser ends the connection with 28000; a link whose client went away cannot be used.
 * The links point at another replica of auth-service than the one the proxy waits on ({@link DispatchSystem}).
 */
@ExtendWith(DispatchSystemExtension.class)
class LinkLoginTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/link/[A-Za-z0-9_-]+)");

    @Test
    void thePersonChoosesTheBranchAndTheSessionRunsThereAsTheChosenRole(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String person = linkedPerson(system, tenant);
        system.managementApi().createBranch(tenant, "testing", "main");
        Psql owner = new Psql(system, tenant);
        assertEquals(0, owner.run("create table marker as select 'testing' as branch", tenant.password(),
            "options=branch:testing").exitCode());

        WaitingPsql psql = WaitingPsql.start(system, "select current_user, current_database(), branch from marker");
        assertTrue(psql.link().startsWith("http://127.0.0.1:"), psql.link());
        assertNotEquals(system.authPort(), URI.create(psql.link()).getPort(), "the page is served by another replica");
        try (Browser browser = new Browser()) {
            browser.open(psql.link());
            browser.logInAs(person);
            assertEquals(person, browser.text("subject"));
            assertTrue(browser.text("client").startsWith("127.0.0.1"), browser.text("client"));
            browser.choose("target", "branch:" + tenant.clusterId() + "/testing");
            browser.choose("role", tenant.role());
            browser.click("confirm");
            assertTrue(browser.text("result").contains("Connected"), browser.text("result"));
        }
        Psql.Result result = psql.finish();
        assertEquals(0, result.exitCode(), result.errors());
        assertEquals(tenant.role() + "|postgres|testing", result.output());
    }

    @Test
    void aClientThatSendsNoServerNameAsksForALinkInOptions(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String person = linkedPerson(system, tenant);
        WaitingPsql psql = WaitingPsql.start("host=127.0.0.1 port=" + system.proxyPort() + " user=whoever"
            + " dbname=postgres sslmode=verify-ca sslrootcert=" + system.caCertificate() + " options=link",
            "select current_user");
        try (Browser browser = new Browser()) {
            browser.open(psql.link());
            browser.logInAs(person);
            browser.choose("target", "branch:" + tenant.clusterId() + "/main");
            browser.click("confirm");
            assertTrue(browser.text("result").contains("Connected"), browser.text("result"));
        }
        Psql.Result result = psql.finish();
        assertEquals(tenant.role(), result.output(), result.errors());
    }

    @Test
    void theWaitOutlastsACrashOfTheAuthServiceReplicaItWaitsOn(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String person = linkedPerson(system, tenant);
        WaitingPsql psql = WaitingPsql.start(system, "select current_user");
        String link = psql.link();
        system.crash("auth-service");
        try (Browser browser = new Browser()) {
            browser.open(link);
            browser.logInAs(person);
            browser.click("confirm");
            assertTrue(browser.text("result").contains("Connected"), browser.text("result"));
        } finally {
            system.restart("auth-service");
        }
        Psql.Result result = psql.finish();
        assertEquals(tenant.role(), result.output(), result.errors());
    }

    @Test
    void aLinkLoginThatAlsoNamesATargetIsRefused(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql.Result result = WaitingPsql.start(startConnection(system) + " options=cluster:" + tenant.clusterId(),
            "select 1").finish();
        assertNotEquals(0, result.exitCode());
        assertTrue(result.errors().contains("chooses the target in the browser, but the connection names cluster \""
            + tenant.clusterId() + "\" too"), result.errors());
    }

    @Test
    void cancellingInTheBrowserEndsTheWaitingConnection(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String person = linkedPerson(system, tenant);
        WaitingPsql psql = WaitingPsql.start(system, "select 1");
        try (Browser browser = new Browser()) {
            browser.open(psql.link());
            browser.logInAs(person);
            browser.click("cancel");
            assertTrue(browser.text("result").contains("cancelled"), browser.text("result"));
        }
        Psql.Result result = psql.finish();
        assertNotEquals(0, result.exitCode());
        assertTrue(result.errors().contains("the login was cancelled in the browser"), result.errors());
    }

    @Test
    void aLinkWhoseClientWentAwayCannotBeConfirmed(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        String person = linkedPerson(system, tenant);
        WaitingPsql psql = WaitingPsql.start(system, "select 1");
        String link = psql.link();
        psql.end();
        try (Browser browser = new Browser()) {
            browser.open(link);
            browser.logInAs(person);
            String page = Await.until(Duration.ofSeconds(20), () -> {
                browser.open(link);
                return browser.find(By.tagName("body")).getText();
            }, text -> text.contains("has closed"));
            assertTrue(page.contains("connect again"), page);
        }
    }

    @Test
    void aPersonWhoseLoginActsForNoAccountIsToldHowToRegisterIt(DispatchSystem system) throws Exception {
        WaitingPsql psql = WaitingPsql.start(system, "select 1");
        try (Browser browser = new Browser()) {
            browser.open(psql.link());
            String stranger = "stranger-" + UUID.randomUUID();
            browser.logInAs(stranger);
            String result = browser.text("result");
            assertTrue(result.contains("POST /v1/login-identities"), result);
            assertTrue(result.contains("{\"issuer\":\"" + system.identityIssuer() + "\",\"subject\":\"" + stranger
                + "\"}"), result);
        } finally {
            psql.end();
        }
    }

    private static String startConnection(DispatchSystem system) {
        return "host=start." + DispatchSystem.DOMAIN + " hostaddr=127.0.0.1 port=" + system.proxyPort()
            + " user=whoever dbname=postgres sslmode=verify-full sslrootcert=" + system.caCertificate();
    }

    private static String linkedPerson(DispatchSystem system, Tenant tenant) throws Exception {
        String person = "person-" + UUID.randomUUID();
        system.managementApi().addLoginIdentity(tenant, system.identityIssuer(), person);
        return person;
    }

    /** psql connected to start.&lt;domain&gt;, waiting for the link it printed to be confirmed. */
    private static final class WaitingPsql {

        private final Process process;
        private final CompletableFuture<String> firstLink = new CompletableFuture<>();
        private final StringBuilder errors = new StringBuilder();
        private final Thread reader;

        private WaitingPsql(Process process) {
            this.process = process;
            this.reader = new Thread(this::readErrors, "psql-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        static WaitingPsql start(DispatchSystem system, String sql) throws IOException {
            return start(startConnection(system), sql);
        }

        static WaitingPsql start(String connection, String sql) throws IOException {
            return new WaitingPsql(new ProcessBuilder("psql", "-X", "-A", "-t", "-c", sql, connection).start());
        }

        /** The notice with the link comes on stderr while psql waits; the rest of stderr is kept for asserts. */
        private void readErrors() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (errors) {
                        errors.append(line).append('\n');
                    }
                    Matcher link = LINK.matcher(line);
                    if (link.find()) {
                        firstLink.complete(link.group(1));
                    }
                }
            } catch (IOException e) {
                firstLink.completeExceptionally(e);
            }
            firstLink.completeExceptionally(new IllegalStateException("psql printed no link: " + errors));
        }

        String link() throws Exception {
            return firstLink.get(60, TimeUnit.SECONDS);
        }

        void end() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        Psql.Result finish() throws Exception {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("psql did not finish within 60 s: " + errors);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (errors) {
                return new Psql.Result(process.exitValue(), output, errors.toString().trim());
            }
        }
    }
}
