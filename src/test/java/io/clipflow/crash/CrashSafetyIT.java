package io.clipflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The crash harness's reduced form, part of {@code mvn verify} (failsafe, after {@code package} built the jar):
 * three {@code kill -9} on the default profile, two of the app alone and the last of the app with its Redis.
 * Every 2xx answer must hold after the restarts; see {@link CrashHarness} and docs/operations.md. The full form
 * is {@code scripts/crash-test}. {@code -Dcrash.<option>=...} overrides an option, e.g. {@code -Dcrash.seed=42}.
 */
class CrashSafetyIT {

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyAnswerGivenBeforeAKillHoldsAfterTheRestart() throws Exception {
        CrashOptions options = CrashOptions.fromSystemProperties(Map.of("kills", "3", "redis-kill-ratio", "0.34",
                "run-dir", "target/crash/it-" + System.currentTimeMillis()));
        CrashHarness.Report report = new CrashHarness(options).run();
        assertThat(report.violations()).as(report.summary()).isEmpty();
    }
}
