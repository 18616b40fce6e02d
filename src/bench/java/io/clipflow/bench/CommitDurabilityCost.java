package io.clipflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import io.clipflow.ClipflowApplication;
import io.clipflow.RedisTestServer;
import io.clipflow.order.OrderLeg;
import io.clipflow.publish.PublishLeg;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What durable commits cost on H2 files, with everything else equal: the same code, the same two database files
 * and the same JVM, rounds alternating H2's lazy writes ({@code SET WRITE_DELAY 500}: a commit reaches the file up
 * to half a second later, so a kill -9 loses it) with the durable setting clipflow ships ({@code WRITE_DELAY 0}:
 * the commit is in the file before it returns). H2 switches the setting at run time, so both are measured in one
 * run. Measured at 1 thread (each commit pays its own write) and at N threads: H2 writes whatever has been committed
 * when its store lock frees up, so commits that wait behind a write share the next one, the group commit of a
 * server under load. Each order thread buys its own item, as buyers across a catalogue do.
 *
 * <p>Usage: {@code BENCH_MAIN=io.clipflow.bench.CommitDurabilityCost scripts/bench-engine [rounds] [instances]
 * [threads,threads...]}
 */
public final class CommitDurabilityCost {

    private static final Path FILES = Path.of("target", "bench-durability").toAbsolutePath();
    private static final String ENGINE_DB = "jdbc:h2:file:" + FILES.resolve("engine");
    private static final String SHARD_DB = "jdbc:h2:file:" + FILES.resolve("ds0");
    private static final int LAZY_MS = 500;
    // more H2 settings for both databases, e.g. -Dbench.h2-settings=";PAGE_SIZE=2048"
    private static final String SETTINGS = System.getProperty("bench.h2-settings", "");
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int[] threadCounts = Arrays.stream((args.length > 2 ? args[2] : "1,8").split(","))
                .mapToInt(Integer::parseInt).toArray();
        deleteFiles();
        try (RedisTestServer redis = RedisTestServer.startOnFreePort()) {
            System.setProperty("spring.data.redis.port", String.valueOf(redis.port()));
            ConfigurableApplicationContext app = SpringApplication.run(ClipflowApplication.class,
                    "--spring.profiles.active=test", "--server.port=0", "--logging.level.root=WARN",
                    "--logging.file.name=target/bench-durability.log",
                    "--spring.datasource.url=" + ENGINE_DB + ";WRITE_DELAY=0" + SETTINGS,
                    "--clipflow.shards.databases[0].url=" + SHARD_DB + ";WRITE_DELAY=0" + SETTINGS,
                    "--clipflow.shards.databases[0].username=sa", "--clipflow.shards.databases[0].password=");
            try {
                for (int threads : threadCounts) {
                    measure(app, threads, rounds, perRound);
                }
            }
            finally {
                app.close();
            }
        }
    }

    private static void measure(ConfigurableApplicationContext app, int threads, int rounds, int perRound)
            throws InterruptedException {
        PublishLeg publish = new PublishLeg(app);
        List<OrderLeg> orders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            orders.add(new OrderLeg(app));
        }
        List<Leg> legs = List.of(new Leg("publish → audit task", t -> publish),
                new Leg("order submit → PAID", orders::get));
        Mode[] modes = Mode.values();
        for (int round = 0; round < rounds + 2; round++) {
            boolean recorded = round >= 2; // two warm-up rounds: the JIT is still at work after one
            for (int m = 0; m < modes.length; m++) {
                // the mode that goes first rotates, so a drift in the machine's load hits each alike
                Mode mode = modes[(m + round) % modes.length];
                mode.apply();
                for (Leg leg : legs) {
                    Sample sample = leg.time(threads, perRound);
                    if (recorded) {
                        leg.rates(mode).add(sample.rate());
                        leg.cpu(mode).add(sample.cpuMicros());
                        leg.written(mode).add(sample.kib());
                        leg.stores(mode).add(sample.stores());
                    }
                }
            }
        }
        Mode.DURABLE.apply();
        System.out.printf(Locale.ROOT, "%n%d thread(s), %d rounds of %d instances: instances/s and process CPU "
                + "µs/instance (medians), ratio to LAZY%n", threads, rounds, perRound);
        for (Leg leg : legs) {
            double lazyRate = median(leg.rates(Mode.LAZY));
            double lazyCpu = median(leg.cpu(Mode.LAZY));
            for (Mode mode : modes) {
                System.out.printf(Locale.ROOT,
                        "  %-22s %-12s %7.1f/s (%.2f)  %6.0f µs CPU (%.2f)  %6.1f KiB in %.2f file writes  rounds %s%n",
                        leg.name, mode, median(leg.rates(mode)), median(leg.rates(mode)) / lazyRate,
                        median(leg.cpu(mode)), median(leg.cpu(mode)) / lazyCpu, median(leg.written(mode)),
                        median(leg.stores(mode)), format(leg.rates(mode)));
            }
        }
    }

    /** H2's write delay on the engine's and the shard's database. */
    private enum Mode {
        LAZY(LAZY_MS, LAZY_MS), DURABLE(0, 0), ENGINE_ONLY(0, LAZY_MS);

        private final int engineMillis;
        private final int shardMillis;

        Mode(int engineMillis, int shardMillis) {
            this.engineMillis = engineMillis;
            this.shardMillis = shardMillis;
        }

        void apply() {
            writeDelay(ENGINE_DB, engineMillis);
            writeDelay(SHARD_DB, shardMillis);
        }
    }

    private static void writeDelay(String db, int millis) {
        try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY " + millis);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void deleteFiles() throws IOException {
        if (Files.exists(FILES)) {
            try (Stream<Path> paths = Files.walk(FILES)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** File writes H2 made of the two databases so far: each store of a database is one new version. */
    private static long h2Stores() {
        long versions = 0;
        for (String db : List.of(ENGINE_DB, SHARD_DB)) {
            try (Connection c = DriverManager.getConnection(db, "sa", "")) {
                SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
                versions += session.getDatabase().getStore().getMvStore().getCurrentVersion();
            }
            catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return versions;
    }

    /** What this process has written through system calls (Linux), the files' share of a commit's cost. */
    private static long bytesWritten() {
        try {
            return Files.readAllLines(Path.of("/proc/self/io")).stream().filter(l -> l.startsWith("wchar:"))
                    .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElse(0);
        }
        catch (IOException ex) {
            return 0;
        }
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<String> format(List<Double> rates) {
        return rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList();
    }

    /** Per instance of one timed round: wall-time rate, the process's CPU time, bytes written, H2 file writes. */
    private record Sample(double rate, double cpuMicros, double kib, double stores) {
    }

    /** A leg run by N threads at once, thread i running the body {@code bodies.apply(i)}. */
    private record Leg(String name, IntFunction<Runnable> bodies, Map<Mode, List<Double>> rates,
            Map<Mode, List<Double>> cpu, Map<Mode, List<Double>> written, Map<Mode, List<Double>> stores) {

        Leg(String name, IntFunction<Runnable> bodies) {
            this(name, bodies, new EnumMap<>(Mode.class), new EnumMap<>(Mode.class), new EnumMap<>(Mode.class),
                    new EnumMap<>(Mode.class));
        }

        List<Double> rates(Mode mode) {
            return rates.computeIfAbsent(mode, m -> new ArrayList<>());
        }

        List<Double> cpu(Mode mode) {
            return cpu.computeIfAbsent(mode, m -> new ArrayList<>());
        }

        List<Double> stores(Mode mode) {
            return stores.computeIfAbsent(mode, m -> new ArrayList<>());
        }

        List<Double> written(Mode mode) {
            return written.computeIfAbsent(mode, m -> new ArrayList<>());
        }

        Sample time(int threads, int instances) throws InterruptedException {
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Runnable body = bodies.apply(t);
                int share = instances / threads + (t < instances % threads ? 1 : 0);
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < share; i++) {
                            body.run();
                        }
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    catch (RuntimeException ex) {
                        failure.compareAndSet(null, ex);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            long begin = System.nanoTime();
            long cpuBegin = PROCESS.getProcessCpuTime();
            long writtenBegin = bytesWritten();
            long storesBegin = h2Stores();
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            long elapsed = System.nanoTime() - begin;
            return new Sample(instances / (elapsed / 1e9), (PROCESS.getProcessCpuTime() - cpuBegin) / 1e3 / instances,
                    (bytesWritten() - writtenBegin) / 1024.0 / instances, (h2Stores() - storesBegin) / (double) instances);
        }
    }
}
