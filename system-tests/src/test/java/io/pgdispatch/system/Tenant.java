package io.pgdispatch.system;

/** An account made for one test: its API key, one role with its password and one cluster. */
record Tenant(String accountId, String apiKey, String role, String password, String clusterId) {

    String host() {
        return clusterId + ".db." + DispatchSystem.DOMAIN;
    }
}
