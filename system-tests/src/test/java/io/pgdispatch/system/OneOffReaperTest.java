package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One-off computes outlive a crash of the proxy and of compute-manager (no closed event is ever sent for their
 * sessions); once compute-manager is back, its reaper finds them without sessions and removes their processes and
 * folders.
 */
@ExtendWith(DispatchSystemExtension.class)
class OneOffReaperTest {

    private static final Duration REAPED = Duration.ofSeconds(60);

    @Test
    void oneOffComputesLeftByACrashAreRemovedAfterTheRestart(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        assertEquals(0, new Psql(system, tenant).run("create table notes (id int)").exitCode());
        Connection replica = Jdbc.connect(system, tenant, "read-replica:new");
        Connection copy = Jdbc.connect(system, tenant, "one-off");
        List<Integer> ports = List.of(serverPort(replica), serverPort(copy));

        system.crash("proxy-service");
        system.crash("compute-manager");
        boolean leftRunning = ports.stream().allMatch(OneOffReaperTest::listening);
        system.restart("compute-manager");
        system.restart("proxy-service");

        assertTrue(leftRunning, "the crash left the one-off computes running");
        Await.until(REAPED, () -> ports.stream().noneMatch(OneOffReaperTest::listening), gone -> gone);
        Await.until(REAPED, () -> oneOffFolders(system, tenant).isEmpty(), none -> none);
        closeQuietly(replica);
        closeQuietly(copy);
    }

    private static int serverPort(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select inet_server_port()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What is left of the tenant's one-off computes on disk: their folders under each branch's computes/. */
    private static List<Path> oneOffFolders(DispatchSystem system, Tenant tenant) throws IOException {
        return system.computeFolders(tenant.clusterId());
    }

    /** The proxy that served these connections is gone, so closing them may fail; that is expected. */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException expected) {
            // The socket was cut by the crash.
        }
    }
}
