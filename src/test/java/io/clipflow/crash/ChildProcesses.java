package io.clipflow.crash;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child process the harness started, so that none outlives it: killed in the harness's {@code finally},
 * and by a shutdown hook if the JVM goes down another way (Ctrl-C, a test timeout).
 */
final class ChildProcesses {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "crash-harness-children"));
    }

    private ChildProcesses() {
    }

    static Process register(Process process) {
        LIVE.add(process);
        return process;
    }

    /** SIGKILL ({@link ProcessHandle#destroyForcibly()} is SIGKILL on Linux), and waits until it is gone. */
    static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }

    static void killAll() {
        for (Process process : Set.copyOf(LIVE)) {
            kill(process);
        }
    }
}
