package io.clipflow.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken promises found by the checks, each with the request that was answered and what was found instead.
 * Checks run after every restart over everything answered so far, so the same broken promise is found again
 * and again: it is kept (and printed) once, with the cycle that first found it.
 */
final class Violations {

    record Violation(int foundAfterKill, String check, String request, String found) {

        @Override
        public String toString() {
            return "[" + check + "] " + request + " -- found: " + found + " (after kill " + foundAfterKill + ")";
        }
    }

    private final Map<String, Violation> found = new ConcurrentHashMap<>();
    /** violation → the last kill after which it was found again: still there at the end, or repaired. */
    private final Map<Violation, Integer> lastSeen = new ConcurrentHashMap<>();
    private final List<Violation> inOrder = new ArrayList<>();
    private volatile int cycle;

    void cycle(int cycle) {
        this.cycle = cycle;
    }

    void report(String check, String request, String what) {
        Violation violation = new Violation(cycle, check, request, what);
        Violation first = found.putIfAbsent(check + "|" + request, violation);
        lastSeen.put(first == null ? violation : first, cycle);
        if (first == null) {
            synchronized (inOrder) {
                inOrder.add(violation);
            }
            System.out.println("VIOLATION " + violation);
        }
    }

    int lastSeen(Violation violation) {
        return lastSeen.getOrDefault(violation, violation.foundAfterKill());
    }

    List<Violation> all() {
        synchronized (inOrder) {
            return List.copyOf(inOrder);
        }
    }
}
