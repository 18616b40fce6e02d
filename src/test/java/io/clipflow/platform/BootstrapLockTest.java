package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the bootstrap lock is PostgreSQL's alone: on H2 there is nothing to lock, because a second process cannot open
 * an H2 file database that one process has open. (Nodes started together on PostgreSQL: ClusterIT.)
 */
class BootstrapLockTest {

    @Test
    void anH2DatabaseTakesNoLock() {
        try (BootstrapLock lock = BootstrapLock.acquire("jdbc:h2:mem:bootstrap", "sa", "")) {
            assertThat(lock.held()).isFalse();
        }
    }

    @Test
    void aSecondProcessCannotOpenAnH2FileDatabaseThatOneHasOpen(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("engine").toAbsolutePath();
        try (Connection first = DriverManager.getConnection(url, "sa", "")) {
            first.createStatement().execute("CREATE TABLE t (id INT)");
            String h2Jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            Path output = dir.resolve("second.log");
            Process second = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", h2Jar, "org.h2.tools.Shell", "-url", url, "-user", "sa", "-sql",
                    "SELECT COUNT(*) FROM t")).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).isNotZero();
            assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("Database may be already in use");
        }
    }
}
