package io.skillform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The test server's database, for client-side tests that check what the database holds. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("skillform.it.dbUrl"), System.getProperty("skillform.it.dbUser"),
                System.getProperty("skillform.it.dbPassword"));
    }

    /** The first column of the first row as a number (0 for SQL NULL). */
    public static long single(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = prepare(db, sql, parameters); ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("No row for " + sql);
            }
            return rows.getLong(1);
        }
    }

    /** The first column of the first row as text. */
    public static String text(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = prepare(db, sql, parameters); ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("No row for " + sql);
            }
            return rows.getString(1);
        }
    }

    public static int execute(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = prepare(db, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
