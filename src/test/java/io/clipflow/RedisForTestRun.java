package io.clipflow;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real redis-server for the whole test run, before any Spring context, and points
 * {@code spring.data.redis.port} at it. Registered through META-INF/services.
 *
 * <p>Tests that need Redis to go away stop and restart this one ({@link #shared()}) rather than start a Spring
 * context of their own: every context registers an engine named "default", and engine REST would then talk to
 * whichever registered last. The server keeps nothing across a restart.
 */
public class RedisForTestRun implements LauncherSessionListener {

    private static RedisTestServer shared;

    /** The run's server; a test that stops it must start it again. */
    public static RedisTestServer shared() {
        if (shared == null) {
            throw new IllegalStateException("no shared redis-server: the test run did not start one");
        }
        return shared;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (shared == null && System.getProperty("spring.data.redis.port") == null) {
            shared = RedisTestServer.startOnFreePort();
            System.setProperty("spring.data.redis.port", String.valueOf(shared.port()));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (shared != null) {
            shared.stop();
            shared = null;
            System.clearProperty("spring.data.redis.port");
        }
    }
}
