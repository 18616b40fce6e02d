package io.clipflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import one.profiler.AsyncProfiler;

/**
 * A CPU profile of one bench leg with async-profiler (kernel time included, which a Java-only sampler misses):
 * {@code instances} runs of the leg, sampled every 100 µs of CPU on every thread, written as collapsed stacks to
 * {@code <dir>/<leg>.collapsed}. {@code scripts/bench-engine.d/parts.py} turns two of them into a table of parts.
 */
final class LegProfiles {

    private LegProfiles() {
    }

    static void record(String leg, Runnable body, int instances, Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(leg.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".collapsed");
            AsyncProfiler profiler = AsyncProfiler.getInstance();
            profiler.execute("start,event=cpu,interval=100us,threads");
            for (int i = 0; i < instances; i++) {
                body.run();
            }
            profiler.execute("stop,collapsed,file=" + file.toAbsolutePath());
            System.out.printf(Locale.ROOT, "profile of %s: %d instances in %s%n", leg, instances, file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
