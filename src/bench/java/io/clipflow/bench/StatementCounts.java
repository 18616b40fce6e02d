package io.clipflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * SQL statements per instance of a leg, read from H2's own query statistics on each database: the count that
 * explains a ratio (the engine's inserts, updates and selects, clipflow's sharded statements).
 */
final class StatementCounts {

    private StatementCounts() {
    }

    static void print(String leg, Runnable body, int instances, String... databases) {
        try {
            for (String db : databases) {
                exec(db, "SET QUERY_STATISTICS_MAX_ENTRIES 1000");
                exec(db, "SET QUERY_STATISTICS TRUE");
            }
            body.run();
            System.out.printf(Locale.ROOT, "%n%s: statements per instance%n", leg);
            for (String db : databases) {
                try (Connection c = DriverManager.getConnection(db, "sa", "");
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME "
                             + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' "
                             + "ORDER BY EXECUTION_COUNT DESC")) {
                    double total = 0;
                    while (rs.next()) {
                        double perInstance = rs.getLong(2) / (double) instances;
                        total += perInstance;
                        if (perInstance >= 0.1) {
                            String sql = rs.getString(1).replaceAll("\\s+", " ");
                            System.out.printf(Locale.ROOT, "  %5.2f  %6.1f ms  %s%n", perInstance, rs.getDouble(3),
                                    sql.substring(0, Math.min(140, sql.length())));
                        }
                    }
                    System.out.printf(Locale.ROOT, "  %5.2f  total on %s%n", total, db.substring(0, db.indexOf(';')));
                }
                exec(db, "SET QUERY_STATISTICS FALSE");
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void exec(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
