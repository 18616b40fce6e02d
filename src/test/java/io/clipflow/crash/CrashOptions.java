package io.clipflow.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one run of the harness goes. Read from {@code --name=value} arguments ({@link CrashHarness#main}) or from
 * {@code crash.*} system properties (the IT); {@code appArgs} are handed to the app as they are.
 *
 * @param kills           how many {@code kill -9} cycles
 * @param redisKillRatio  the share of kills that take the app's redis-server down too, spread evenly
 * @param profile         {@code default} (H2 files under the app's {@code ./data}) or {@code postgres}
 * @param runDir          a fresh folder for this run: the app's working directory, Redis's files, the logs
 * @param settleTimeout   after a restart, how long accepted seckill attempts may take to leave PENDING
 * @param inFlightLease   the app's {@code clipflow.orders.in-flight-lease}: a cut-off order's key is replayed
 *                        only once it has run out
 */
record CrashOptions(int kills, double redisKillRatio, String profile, Path jar, Path runDir, int threads,
        int buyers, int saleUnits, long seed, Duration killFrom, Duration killTo, Duration settleTimeout,
        Duration inFlightLease, Duration startLimit, List<String> jvmArgs, List<String> appArgs) {

    static final Path DEFAULT_JAR = Path.of("target", "clipflow-0.1.0-SNAPSHOT.jar");

    CrashOptions {
        if (!profile.equals("default") && !profile.equals("postgres")) {
            throw new IllegalArgumentException("profile must be default or postgres, not " + profile);
        }
        if (kills < 1 || redisKillRatio < 0 || redisKillRatio > 1) {
            throw new IllegalArgumentException("kills >= 1 and 0 <= redis-kill-ratio <= 1");
        }
    }

    /** Kill {@code cycle} (1-based) takes Redis down too: the ratio's kills spread evenly, the last ones first. */
    boolean killsRedis(int cycle) {
        return Math.floor(cycle * redisKillRatio) > Math.floor((cycle - 1) * redisKillRatio);
    }

    /** What the app is started with beyond port and Redis: the profile's switches, then the caller's. */
    List<String> effectiveAppArgs() {
        List<String> args = new ArrayList<>();
        if (profile.equals("postgres")) {
            args.add("--spring.profiles.active=postgres");
            args.add("--clipflow.demo-data=true");
        }
        args.addAll(appArgs);
        return args;
    }

    /**
     * @param values  option name → value, e.g. {@code kills → 20}; names as in the README of the script
     * @param appArgs arguments for the app
     */
    static CrashOptions from(Map<String, String> values, List<String> appArgs) {
        Map<String, String> v = new HashMap<>(values);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        CrashOptions options = new CrashOptions(
                Integer.parseInt(or(v.remove("kills"), "20")),
                Double.parseDouble(or(v.remove("redis-kill-ratio"), "0.3")),
                or(v.remove("profile"), "default"),
                Path.of(or(v.remove("jar"), DEFAULT_JAR.toString())),
                Path.of(or(v.remove("run-dir"), "target/crash/" + stamp)),
                Integer.parseInt(or(v.remove("threads"), "6")),
                Integer.parseInt(or(v.remove("buyers"), "60")),
                Integer.parseInt(or(v.remove("sale-units"), "30")),
                Long.parseLong(or(v.remove("seed"), String.valueOf(System.nanoTime() % 1_000_000))),
                Duration.ofMillis(Long.parseLong(or(v.remove("kill-from-ms"), "2000"))),
                Duration.ofMillis(Long.parseLong(or(v.remove("kill-to-ms"), "6000"))),
                Duration.ofSeconds(Long.parseLong(or(v.remove("settle-s"), "60"))),
                Duration.ofSeconds(Long.parseLong(or(v.remove("in-flight-lease-s"), "30"))),
                Duration.ofSeconds(Long.parseLong(or(v.remove("start-limit-s"), "180"))),
                split(or(v.remove("jvm-args"), "-Xmx1g")),
                appArgs);
        if (!v.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + v.keySet());
        }
        return options;
    }

    /** {@code --kills=3 --profile=default -- --spring.datasource.url=...}: options, then the app's own. */
    static CrashOptions fromArgs(String[] args) {
        Map<String, String> values = new HashMap<>();
        List<String> appArgs = new ArrayList<>();
        boolean forApp = false;
        for (String arg : args) {
            if (forApp) {
                appArgs.add(arg);
            }
            else if (arg.equals("--")) {
                forApp = true;
            }
            else if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            else {
                throw new IllegalArgumentException("expected --name=value or --, got " + arg);
            }
        }
        return from(values, appArgs);
    }

    /** {@code crash.kills}, {@code crash.redis-kill-ratio}, ..., {@code crash.app-args} (space-separated). */
    static CrashOptions fromSystemProperties(Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("crash."))
                .filter(name -> !System.getProperty(name).isBlank())
                .forEach(name -> values.put(name.substring("crash.".length()), System.getProperty(name)));
        List<String> appArgs = split(values.remove("app-args"));
        return from(values, appArgs);
    }

    @Override
    public String toString() {
        return "profile " + profile + ", " + kills + " kills (" + Math.round(redisKillRatio * 100)
                + " % with Redis), " + threads + " threads, " + buyers + " buyers, " + saleUnits
                + " units per sale, seed " + seed + ", kill " + killFrom.toMillis() / 1000.0 + "–"
                + killTo.toMillis() / 1000.0 + " s into each burst"
                + (appArgs.isEmpty() ? "" : ", app args " + appArgs);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.trim().split("\\s+")).toList();
    }
}
