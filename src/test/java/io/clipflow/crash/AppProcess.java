package io.clipflow.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * The packaged app ({@code java -jar}) as a child process, working directory {@code workDir} (so the default
 * profile's H2 files are in {@code workDir/data}), its console in {@code workDir/console-<n>.log} per
 * incarnation. Started, killed with SIGKILL, started again on the same port with the same files.
 */
final class AppProcess {

    private final Path jar;
    private final Path workDir;
    private final int port;
    private final int redisPort;
    private final List<String> jvmArgs;
    private final List<String> appArgs;
    private final Duration startLimit;
    private Process process;
    private int incarnation;

    AppProcess(Path jar, Path workDir, int port, int redisPort, List<String> jvmArgs, List<String> appArgs,
            Duration startLimit) {
        this.jar = jar;
        this.workDir = workDir;
        this.port = port;
        this.redisPort = redisPort;
        this.jvmArgs = jvmArgs;
        this.appArgs = appArgs;
        this.startLimit = startLimit;
    }

    int port() {
        return port;
    }

    Path consoleLog(int n) {
        return workDir.resolve("console-" + n + ".log");
    }

    int incarnation() {
        return incarnation;
    }

    /** Starts the app and waits until {@code /actuator/health} is UP; returns how long that took. */
    Duration start() {
        incarnation++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--spring.data.redis.port=" + redisPort));
        command.addAll(appArgs);
        Instant launched = Instant.now();
        try {
            Files.createDirectories(workDir);
            process = ChildProcesses.register(new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(consoleLog(incarnation).toFile()).start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start " + command, ex);
        }
        Process started = process;
        ApiClient health = new ApiClient(port, Duration.ofSeconds(5));
        Awaitility.await("clipflow healthy on port " + port).atMost(startLimit).pollInterval(Duration.ofMillis(250))
                .failFast("the app exited, see " + consoleLog(incarnation), () -> !started.isAlive())
                .until(() -> isUp(health));
        return Duration.between(launched, Instant.now());
    }

    /** {@code kill -9}: the JVM gets no chance to finish anything. */
    void kill() {
        ChildProcesses.kill(process);
        process = null;
    }

    private static boolean isUp(ApiClient health) {
        try {
            ApiClient.Answer answer = health.get(null, "/actuator/health");
            if (answer.status() == 401) {
                answer = health.get("admin", "/actuator/health");
            }
            return answer.status() == 200 && "UP".equals(answer.text("status"));
        }
        catch (ApiClient.NoAnswer notYet) {
            return false;
        }
    }
}
