package io.pgdispatch.auth.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgdispatch.contract.scram.ScramVerifier;
import io.pgdispatch.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that a real PostgreSQL treats our verifiers as its own: it logs a client in over TCP with SCRAM against
 * a verifier we made, and for the same password and salt it computes the very same string. The server's
 * pg_hba.conf asks for scram-sha-256 on every connection (initdb --auth), so a login proves the exchange.
 */
class PostgresAcceptsScramVerifierTest {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void logsInWithThePasswordOfOurVerifier() throws SQLException {
        String verifier = ScramVerifier.of("correct horse battery");
        execute("CREATE ROLE alice LOGIN PASSWORD '" + verifier + "'");

        assertEquals(verifier, storedVerifier("alice"), "PostgreSQL keeps a verifier given as password unchanged");
        try (Connection alice = connect("alice", "correct horse battery")) {
            assertEquals("alice", queryString(alice, "SELECT current_user"));
        }
        SQLException refused = assertThrows(SQLException.class, () -> connect("alice", "correct horse batterY"));
        assertEquals("28P01", refused.getSQLState());
    }

    /** Plain ASCII, a space SASLprep maps (U+00A0), a ligature NFKC splits, and a control SASLprep refuses. */
    @ParameterizedTest
    @ValueSource(strings = {"pencil", "p\u00e2ss\u00a0word", "\ufb00ort-long", "bell\u0007ringer"})
    void computesTheVerifierPostgresComputesForTheSameSalt(String password) throws SQLException {
        execute("DROP ROLE IF EXISTS bob");
        execute("SET password_encryption = 'scram-sha-256'; CREATE ROLE bob LOGIN PASSWORD '" + password + "'");
        String postgres = storedVerifier("bob");

        assertEquals(postgres, ScramVerifier.of(password, salt(postgres)));
    }

    @Test
    void usesPostgresDefaultsForIterationsAndSaltLength() {
        String verifier = ScramVerifier.of("pencil-and-paper");

        assertEquals("SCRAM-SHA-256$4096:", verifier.substring(0, verifier.indexOf(':') + 1));
        assertEquals(16, salt(verifier).length);
    }

    /** The salt of "SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey". */
    private static byte[] salt(String verifier) {
        String saltAndKeys = verifier.substring(verifier.indexOf(':') + 1);
        return Base64.getDecoder().decode(saltAndKeys.substring(0, saltAndKeys.indexOf('$')));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection admin = connect(PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String storedVerifier(String role) throws SQLException {
        try (Connection admin = connect(PostgresServer.USER, PostgresServer.PASSWORD)) {
            return queryString(admin, "SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'");
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + server.hostAndPort() + "/postgres", user, password);
    }
}
