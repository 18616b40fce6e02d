package io.clipflow.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assignment rule: the eligible auditor with the fewest open audit tasks; among equals, the turn decides
 * (round robin), so a quiet pool is not always handed to the first name. {@code assign-auditor.lua} applies the
 * same rule inside Redis; this is the rule as plain code for the fallback and for tests.
 */
final class FairAuditorChoice {

    private FairAuditorChoice() {
    }

    /**
     * @param eligible auditors in a stable order (the same on every node)
     * @param openTasks open audit tasks per auditor; missing means none
     * @param excluded an auditor to leave out (the one an overdue task is taken from), or null
     * @param turn a counter that grows by one per choice
     */
    static Optional<String> choose(List<String> eligible, Map<String, Long> openTasks, String excluded, long turn) {
        long fewest = Long.MAX_VALUE;
        List<String> tied = new ArrayList<>();
        for (String auditor : eligible) {
            if (auditor.equals(excluded)) {
                continue;
            }
            long open = openTasks.getOrDefault(auditor, 0L);
            if (open < fewest) {
                fewest = open;
                tied.clear();
            }
            if (open == fewest) {
                tied.add(auditor);
            }
        }
        if (tied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tied.get((int) Math.floorMod(turn, (long) tied.size())));
    }
}
