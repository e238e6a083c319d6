package io.pgdispatch.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The management REST API as a user calls it: account, role, cluster, branches and endpoints. */
final class ManagementApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int authPort;
    private final int routerPort;

    ManagementApi(int authPort, int routerPort) {
        this.authPort = authPort;
        this.routerPort = routerPort;
    }

    Tenant createTenant() throws IOException, InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        JsonNode account = post(authPort, "/v1/accounts", null, "{\"name\": \"test-" + suffix + "\"}");
        String apiKey = account.get("apiKey").asText();
        String role = "app_" + suffix;
        String password = "pw-" + UUID.randomUUID();
        post(authPort, "/v1/roles", apiKey, JSON.createObjectNode().put("name", role).put("password", password)
            .toString());
        JsonNode cluster = post(routerPort, "/v1/clusters", apiKey, "{\"name\": \"cluster " + suffix + "\"}");
        return new Tenant(account.get("id").asText(), apiKey, role, password, cluster.get("id").asText());
    }

    /** Another role of the tenant's account; the tenant's own role stays as it is. */
    void createRole(Tenant tenant, String role, String password) throws IOException, InterruptedException {
        post(authPort, "/v1/roles", tenant.apiKey(), JSON.createObjectNode().put("name", role)
            .put("password", password).toString());
    }

    void changePassword(Tenant tenant, String role, String password) throws IOException, InterruptedException {
        expect(204, send("PUT", authPort, "/v1/roles/" + role + "/password", tenant.apiKey(),
            JSON.createObjectNode().put("password", password).toString()));
    }

    void deleteRole(Tenant tenant, String role) throws IOException, InterruptedException {
        expect(204, send("DELETE", authPort, "/v1/roles/" + role, tenant.apiKey(), null));
    }

    /** Lets a person logged in at the OIDC provider as {@code subject} confirm login links for the account. */
    void addLoginIdentity(Tenant tenant, String issuer, String subject) throws IOException, InterruptedException {
        post(authPort, "/v1/login-identities", tenant.apiKey(), JSON.createObjectNode().put("issuer", issuer)
            .put("subject", subject).toString());
    }

    /** A new branch of the tenant's cluster, from the head of its parent branch. */
    JsonNode createBranch(Tenant tenant, String name, String parent) throws IOException, InterruptedException {
        return post(routerPort, "/v1/clusters/" + tenant.clusterId() + "/branches", tenant.apiKey(),
            JSON.createObjectNode().put("name", name).put("parent", parent).toString());
    }

    /** Deletes the tenant's account, and answers the status and body as they came. */
    HttpResponse<String> deleteAccount(Tenant tenant) throws IOException, InterruptedException {
        return send("DELETE", authPort, "/v1/account", tenant.apiKey(), null);
    }

    /** Reads the account of the tenant's API key, and answers the status and body as they came. */
    HttpResponse<String> getAccount(Tenant tenant) throws IOException, InterruptedException {
        return send("GET", authPort, "/v1/account", tenant.apiKey(), null);
    }

    /** Deletes the tenant's cluster, and answers the status and body as they came. */
    HttpResponse<String> deleteCluster(Tenant tenant) throws IOException, InterruptedException {
        return send("DELETE", routerPort, "/v1/clusters/" + tenant.clusterId(), tenant.apiKey(), null);
    }

    /** Reads the tenant's cluster, and answers the status and body as they came. */
    HttpResponse<String> getCluster(Tenant tenant) throws IOException, InterruptedException {
        return send("GET", routerPort, "/v1/clusters/" + tenant.clusterId(), tenant.apiKey(), null);
    }

    /** Deletes one of the tenant's branches by name, and answers the status and body as they came. */
    HttpResponse<String> deleteBranch(Tenant tenant, String name) throws IOException, InterruptedException {
        return send("DELETE", routerPort, "/v1/clusters/" + tenant.clusterId() + "/branches/" + name,
            tenant.apiKey(), null);
    }

    /**
     * Asks for a new branch with the given JSON body, such as one with a point in time, and answers the status and
     * body as they came, so that a refusal can be looked at.
     */
    HttpResponse<String> requestBranch(Tenant tenant, String body) throws IOException, InterruptedException {
        return send("POST", routerPort, "/v1/clusters/" + tenant.clusterId() + "/branches", tenant.apiKey(), body);
    }

    /** A new endpoint of the tenant's cluster; {@code settings} is the JSON body, {@code {}} for the defaults. */
    JsonNode createEndpoint(Tenant tenant, String settings) throws IOException, InterruptedException {
        return post(routerPort, "/v1/clusters/" + tenant.clusterId() + "/endpoints", tenant.apiKey(), settings);
    }

    /** Replaces an endpoint's settings; fails unless the API accepted them. */
    void updateEndpoint(Tenant tenant, String endpointId, String settings) throws IOException, InterruptedException {
        expect(200, send("PUT", routerPort, "/v1/endpoints/" + endpointId, tenant.apiKey(), settings));
    }

    /** Changes settings of the tenant's cluster, such as {@code optionsRoutingAllowed}. */
    void updateCluster(Tenant tenant, String settings) throws IOException, InterruptedException {
        expect(200, send("PATCH", routerPort, "/v1/clusters/" + tenant.clusterId(), tenant.apiKey(), settings));
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    HttpResponse<String> send(String method, int port, String path, String apiKey, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(int port, String path, String apiKey, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", port, path, apiKey, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                + response.body());
        }
        return JSON.readTree(response.body());
    }
}
