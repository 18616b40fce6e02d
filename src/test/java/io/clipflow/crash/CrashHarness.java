package io.clipflow.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The crash harness: the packaged app and its redis-server as child processes, mixed load on the three flows,
 * {@code kill -9} at a random instant of each burst (the app alone, or the app and its Redis), restart, and the
 * {@link Checks} over every answer given so far. The promise it checks: a 2xx answer means the work is durable
 * and whole, even after {@code kill -9}.
 *
 * <p>Run from {@code scripts/crash-test} (the full form) or {@code CrashSafetyIT} (the reduced form in
 * {@code mvn verify}). Exit code of {@link #main}: 0 no violation, 1 violations, 2 the harness itself failed.
 */
public final class CrashHarness {

    /** What a run found: the broken promises, and the summary printed at its end. */
    record Report(List<Violations.Violation> violations, String summary) {
    }

    private static final Duration BURST_LIMIT = Duration.ofSeconds(60);

    private final CrashOptions options;
    private final Ledger ledger = new Ledger();
    private final Violations violations = new Violations();
    private final List<String> cycleLines = new ArrayList<>();

    CrashHarness(CrashOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        int exit;
        try {
            Report report = new CrashHarness(CrashOptions.fromArgs(args)).run();
            exit = report.violations().isEmpty() ? 0 : 1;
        }
        catch (RuntimeException | InterruptedException ex) {
            ex.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    Report run() throws InterruptedException {
        Path runDir = options.runDir().toAbsolutePath();
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException(options.jar() + " is missing: build it with mvn -B package first");
        }
        Path appDir = runDir.resolve("app");
        if (Files.exists(appDir.resolve("data"))) {
            throw new IllegalStateException(appDir.resolve("data") + " exists: every run starts on a fresh folder");
        }
        log("Crash harness: " + options + "; files under " + runDir);
        RedisServer redis = new RedisServer(freePort(), runDir.resolve("redis"));
        AppProcess app = new AppProcess(options.jar(), appDir, freePort(), redis.port(), options.jvmArgs(),
                options.effectiveAppArgs(), options.startLimit());
        Random random = new Random(options.seed());
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try {
            redis.start();
            Duration firstStart = app.start();
            log("app healthy on port " + app.port() + " after " + seconds(firstStart) + " (redis on " + redis.port()
                    + ")");
            ApiClient api = client(app);
            World world = World.create(api, options.buyers(), options.saleUnits());
            Checks checks = new Checks(ledger, world, violations, options);
            log("fixtures: order item " + world.orderItemId + ", " + world.buyers.size() + " buyers");
            for (int cycle = 1; cycle <= options.kills(); cycle++) {
                World.Sale sale = world.openSale(api, cycle);
                boolean withRedis = options.killsRedis(cycle);
                long spread = options.killTo().toMillis() - options.killFrom().toMillis();
                long killAfter = options.killFrom().toMillis() + (spread <= 0 ? 0 : random.nextLong(spread));
                AtomicBoolean killed = new AtomicBoolean();
                int thisCycle = cycle;
                Instant burstStart = Instant.now();
                killer.schedule(() -> {
                    // kill first, then tell the workers: their requests in flight are cut off, not finished
                    Instant at = Instant.now();
                    app.kill();
                    if (withRedis) {
                        redis.kill();
                    }
                    ledger.kills.add(new Ledger.Kill(thisCycle, withRedis, at, Duration.between(burstStart, at)));
                    killed.set(true);
                }, killAfter, TimeUnit.MILLISECONDS);
                new LoadGenerator(api, world, ledger, cycle, options.seed())
                        .run(options.threads(), killed, BURST_LIMIT);
                if (!killed.get()) {
                    throw new IllegalStateException("the burst ended before the kill");
                }
                Instant restartFrom = Instant.now();
                if (withRedis) {
                    redis.start();
                }
                Duration restart = app.start();
                ledger.restarts.put(cycle, restart);
                Instant healthyAt = Instant.now();
                ledger.healthyAt.put(cycle, healthyAt);
                api = client(app);
                Ledger.Kill kill = ledger.killOf(cycle).orElseThrow();
                log(String.format("kill %d/%d (%s) %.1f s into the burst of sale %d; app healthy again %s after its"
                        + " start (%s after the kill)", cycle, options.kills(), withRedis ? "app+redis" : "app",
                        kill.burst().toMillis() / 1000.0, sale.eventId(), seconds(restart),
                        seconds(Duration.between(kill.at(), healthyAt))));
                String checked = checks.afterRestart(api, cycle, cycle == options.kills());
                log("checks after kill " + cycle + ": " + checked + "; violations so far: "
                        + violations.all().size());
                cycleLines.add(String.format("%5d  %-9s  %5.1f s  %7s  %s", cycle, withRedis ? "app+redis" : "app",
                        kill.burst().toMillis() / 1000.0, seconds(restart),
                        seconds(Duration.between(restartFrom, healthyAt))));
            }
        }
        finally {
            killer.shutdownNow();
            app.kill();
            redis.kill();
            ChildProcesses.killAll();
        }
        String summary = summary();
        System.out.println(summary);
        return new Report(violations.all(), summary);
    }

    private ApiClient client(AppProcess app) {
        return new ApiClient(app.port(), Duration.ofSeconds(20));
    }

    private String summary() {
        StringBuilder out = new StringBuilder("\n=== Crash harness summary: ").append(options).append(" ===\n");
        long withRedis = ledger.kills.stream().filter(Ledger.Kill::withRedis).count();
        out.append(String.format("kills: %d (app alone %d, app+redis %d)%n", ledger.kills.size(),
                ledger.kills.size() - withRedis, withRedis));
        out.append("kill   kind       burst    start    kill→healthy\n");
        cycleLines.forEach(line -> out.append(line).append('\n'));
        out.append("requests per kind (2xx answered, cut off, not sent, other answers):\n");
        for (Map.Entry<Ledger.Kind, Map<String, Long>> kind : ledger.counts().entrySet()) {
            Map<String, Long> c = kind.getValue();
            Map<String, Long> other = new java.util.TreeMap<>(c);
            other.keySet().removeAll(List.of("2xx", "cut off", "not sent"));
            out.append(String.format("  %-9s %6d 2xx, %3d cut off, %3d not sent, other %s%n", kind.getKey(),
                    c.getOrDefault("2xx", 0L), c.getOrDefault("cut off", 0L), c.getOrDefault("not sent", 0L), other));
        }
        out.append(seckillTimes());
        List<Violations.Violation> all = violations.all();
        out.append("violations: ").append(all.size()).append('\n');
        int last = ledger.kills.size();
        // re-checked every round: marked if still so at the end (unmarked: a one-time check, or repaired since)
        all.forEach(v -> out.append("  ").append(v).append(violations.lastSeen(v) == last
                && v.foundAfterKill() != last ? " [still so after the last kill]" : "").append('\n'));
        return out.toString();
    }

    /** For attempts accepted in the last 5 s before a kill: how long from acceptance to SUCCEEDED. */
    private String seckillTimes() {
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        int never = 0;
        for (Ledger.Attempt a : ledger.attempts) {
            Ledger.Kill kill = ledger.killOf(a.cycle()).orElse(null);
            if (kill == null || Duration.between(a.at(), kill.at()).compareTo(Duration.ofSeconds(5)) > 0) {
                continue;
            }
            Instant done = ledger.succeededAt.get(a.attemptId());
            if (done == null) {
                never++;
            }
            else {
                (done.isBefore(kill.at()) ? before : after).add(Duration.between(a.at(), done).toMillis() / 1000.0);
            }
        }
        long failed = ledger.attemptStatus.values().stream().filter("FAILED"::equals).count();
        return String.format("seckill: %d attempts accepted, %d FAILED; accepted <= 5 s before a kill: %d seen"
                + " SUCCEEDED before it (accept→SUCCEEDED %s), %d only after it (%s), %d never%n",
                ledger.attempts.size(), failed, before.size(), stats(before), after.size(), stats(after), never);
    }

    private static String stats(List<Double> seconds) {
        if (seconds.isEmpty()) {
            return "-";
        }
        List<Double> sorted = seconds.stream().sorted(Comparator.naturalOrder()).toList();
        return String.format("min %.2f s, median %.2f s, max %.2f s", sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static void log(String line) {
        System.out.println("[crash " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
