package io.clipflow.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL of the run's own: {@code scripts/postgres-local.sh} (installs the OS package if missing) with a
 * fresh cluster in {@code dataDir} on a free loopback port, so its databases {@code camunda}, {@code clipflow_ds0}
 * and {@code clipflow_ds1} start empty. Stopped with the same script at the end.
 */
final class LocalPostgres {

    private final Path dataDir;
    private final int port;

    LocalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
    }

    int port() {
        return port;
    }

    void start() {
        if (Files.exists(dataDir)) {
            throw new IllegalStateException(dataDir + " exists: every run starts on an empty PostgreSQL");
        }
        script();
    }

    void stop() {
        script("stop");
    }

    /** The app arguments that point the {@code postgres} profile's three databases here. */
    List<String> appArgs() {
        String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
        return List.of("--spring.profiles.active=postgres", "--ENGINE_DB_URL=" + base + "camunda",
                "--SHARD0_DB_URL=" + base + "clipflow_ds0", "--SHARD1_DB_URL=" + base + "clipflow_ds1");
    }

    private void script(String... args) {
        Path log = dataDir.resolveSibling("postgres-script.log");
        List<String> command = new ArrayList<>(List.of("scripts/postgres-local.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PGPORT", String.valueOf(port));
        builder.environment().put("PGDATA", dataDir.toString());
        try {
            Files.createDirectories(dataDir.getParent());
            Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                    log.toFile())).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/postgres-local.sh " + String.join(" ", args)
                        + " failed, see " + log);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
