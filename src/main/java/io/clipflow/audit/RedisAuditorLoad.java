package io.clipflow.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clipflow.platform.LuaScripts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Open audit tasks per auditor, shared by all nodes in one Redis hash and changed only by Lua scripts, so a
 * choice and its count are one atomic step. Both keys carry one hash tag: they live in the same Redis Cluster
 * slot, as a script needs.
 */
@Component
class RedisAuditorLoad {

    private static final RedisScript<String> ASSIGN = script("assign-auditor.lua", String.class);
    private static final RedisScript<Long> MOVE = script("move-auditor-load.lua", Long.class);
    private static final RedisScript<Long> REBUILD = script("rebuild-auditor-load.lua", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REPAIR = script("repair-auditor-load.lua", List.class);

    /** An auditor whose count differs from the engine's by {@code difference} (load minus engine). */
    record Drift(String auditor, long difference, boolean corrected) {
    }

    private final StringRedisTemplate redis;
    private final String loadKey;
    private final String turnKey;

    RedisAuditorLoad(StringRedisTemplate redis, @Value("${clipflow.audit.redis-prefix:clipflow:audit}") String prefix) {
        this.redis = redis;
        this.loadKey = "{" + prefix + "}:load";
        this.turnKey = "{" + prefix + "}:turn";
    }

    /**
     * Chooses by {@link FairAuditorChoice}'s rule and counts the task for the chosen one. Returns null when the
     * load is unknown (rebuild, then ask again) and "" when no eligible auditor is left.
     */
    String takeFewest(List<String> eligible, String excluded) {
        List<String> args = new ArrayList<>(eligible.size() + 1);
        args.add(excluded == null ? "" : excluded);
        args.addAll(eligible);
        return redis.execute(ASSIGN, List.of(loadKey, turnKey), args.toArray());
    }

    void move(String from, String to) {
        redis.execute(MOVE, List.of(loadKey), from == null ? "" : from, to == null ? "" : to);
    }

    void rebuild(Map<String, Long> openTasks) {
        if (openTasks.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>();
        openTasks.forEach((auditor, open) -> {
            args.add(auditor);
            args.add(String.valueOf(open));
        });
        redis.execute(REBUILD, List.of(loadKey), args.toArray());
    }

    /**
     * Compares each auditor's count with the engine's {@code openTasks} and corrects, by the difference, every
     * count that differs exactly as {@code seenBefore} says it did in the previous run. Returns the auditors whose
     * count differed, or null when the load is unknown (nothing to repair: the next assignment rebuilds it).
     */
    List<Drift> repair(Map<String, Long> openTasks, Map<String, Long> seenBefore) {
        List<String> args = new ArrayList<>(openTasks.size() * 3);
        openTasks.forEach((auditor, open) -> {
            args.add(auditor);
            args.add(String.valueOf(open));
            Long seen = seenBefore.get(auditor);
            args.add(seen == null ? "" : String.valueOf(seen));
        });
        List<?> reply = redis.execute(REPAIR, List.of(loadKey), args.toArray());
        if (reply == null) {
            return null;
        }
        List<Drift> found = new ArrayList<>(reply.size() / 3);
        for (int i = 0; i + 2 < reply.size(); i += 3) {
            found.add(new Drift(String.valueOf(reply.get(i)), ((Number) reply.get(i + 1)).longValue(),
                    ((Number) reply.get(i + 2)).longValue() == 1));
        }
        return found;
    }

    /** Forgets the load, so that the next assignment rebuilds it from the engine. */
    void forget() {
        redis.delete(loadKey);
    }

    Map<Object, Object> snapshot() {
        return redis.opsForHash().entries(loadKey);
    }

    private static <T> RedisScript<T> script(String name, Class<T> resultType) {
        return LuaScripts.load(RedisAuditorLoad.class, name, resultType);
    }
}
