package io.clipflow.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.clipflow.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis Sentinel is selected by {@code spring.data.redis.sentinel.master} and {@code .nodes} (README, "How it
 * scales out"): with them the app asks a real {@code redis-server --sentinel} which server is the master and talks
 * to that one. Everything lives on one master, so the scripts' keys need no shared slot there.
 */
class RedisSentinelTest {

    static RedisTestServer master;
    static Process sentinel;
    static int sentinelPort;
    static Path directory;

    @BeforeAll
    static void aMasterWatchedByASentinel() throws IOException {
        master = RedisTestServer.startOnFreePort();
        directory = Files.createTempDirectory("redis-sentinel");
        try (ServerSocket probe = new ServerSocket(0)) {
            sentinelPort = probe.getLocalPort();
        }
        Path config = directory.resolve("sentinel.conf");
        Files.writeString(config, "port " + sentinelPort + "\nbind 127.0.0.1\ndir " + directory + "\n"
                + "sentinel monitor clipflow 127.0.0.1 " + master.port() + " 1\n", StandardCharsets.UTF_8);
        sentinel = new ProcessBuilder("redis-server", config.toString(), "--sentinel", "--loglevel", "warning")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await("the sentinel watching the master").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(100)).until(() -> cli(sentinelPort, "SENTINEL",
                        "get-master-addr-by-name", "clipflow").contains(String.valueOf(master.port())));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sentinel != null) {
            sentinel.destroy();
            sentinel.waitFor();
        }
        if (master != null) {
            master.stop();
        }
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theSentinelPropertiesSelectTheMasterTheSentinelNames() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.sentinel.master=clipflow",
                        "spring.data.redis.sentinel.nodes=127.0.0.1:" + sentinelPort,
                        "spring.data.redis.port=1")
                .run(context -> {
                    LettuceConnectionFactory connections = (LettuceConnectionFactory) context
                            .getBean(RedisConnectionFactory.class);
                    assertThat(connections.getSentinelConfiguration()).isNotNull();
                    context.getBean(StringRedisTemplate.class).opsForValue().set("clipflow:sentinel-probe", "seen");

                    assertThat(cli(master.port(), "GET", "clipflow:sentinel-probe")).isEqualTo("seen");
                });
    }

    private static String cli(int port, String... command) throws IOException, InterruptedException {
        String[] line = new String[command.length + 3];
        line[0] = "redis-cli";
        line[1] = "-p";
        line[2] = String.valueOf(port);
        System.arraycopy(command, 0, line, 3, command.length);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return output;
    }
}
