package io.pgdispatch.proxy.listeners;

/**
 * A dedicated listener's address as router-service stores it: {@code host:port} or {@code [ipv6]:port}, with a
 * literal IP address (router-service validated it when the endpoint was saved).
 */
record ListenAddress(String host, int port) {

    static ListenAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("listen address \"" + text + "\" has no port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen address \"" + text + "\" has no valid port", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("listen address \"" + text + "\" has no valid port");
        }
        return new ListenAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
