package io.pgdispatch.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** pgjdbc through the proxy: the cluster's host name resolves to loopback, and JDBC sends it as SNI. */
final class Jdbc {

    private Jdbc() {
    }

    static Connection connect(DispatchSystem system, String host, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + system.proxyPort() + "/postgres",
            properties(system, user, password));
    }

    static Connection connect(DispatchSystem system, Tenant tenant) throws SQLException {
        return connect(system, tenant.host(), tenant.role(), tenant.password());
    }

    /** With the {@code options} startup parameter, which pgjdbc sends as given. */
    static Connection connect(DispatchSystem system, Tenant tenant, String options) throws SQLException {
        Properties properties = properties(system, tenant.role(), tenant.password());
        properties.setProperty("options", options);
        return DriverManager.getConnection("jdbc:postgresql://" + tenant.host() + ":" + system.proxyPort()
            + "/postgres", properties);
    }

    private static Properties properties(DispatchSystem system, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("sslrootcert", system.caCertificate().toString());
        properties.setProperty("connectTimeout", "60");
        properties.setProperty("socketTimeout", "90");
        return properties;
    }
}
