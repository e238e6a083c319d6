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
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("sslrootcert", system.caCertificate().toString());
        properties.setProperty("connectTimeout", "60");
        properties.setProperty("socketTimeout", "90");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + system.proxyPort() + "/postgres",
            properties);
    }

    static Connection connect(DispatchSystem system, Tenant tenant) throws SQLException {
        return connect(system, tenant.host(), tenant.role(), tenant.password());
    }
}
