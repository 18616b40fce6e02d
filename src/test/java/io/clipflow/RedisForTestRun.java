package io.clipflow;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real redis-server for the whole test run, before any Spring context, and points
 * {@code spring.data.redis.port} at it. Registered through META-INF/services.
 */
public class RedisForTestRun implements LauncherSessionListener {

    private static RedisTestServer shared;

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
