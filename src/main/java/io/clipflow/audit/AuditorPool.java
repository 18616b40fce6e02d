package io.clipflow.audit;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.clipflow.category.Categories;
import io.clipflow.platform.ClipflowGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Who may be given audit work right now, read from the identity service on every assignment: a user added to a
 * pool's group in Admin gets that pool's next task, a removed one none. A user locked after failed logins is left
 * out while the lock lasts (they could not open the task anyway).
 *
 * <p>A pool is a Camunda group, named by a video's category. A group without members hands its work to
 * {@code auditors}, the general pool.
 */
@Component
class AuditorPool {

    /** The auditors a task may go to, in a stable order, and the group they were taken from. */
    record Eligible(List<String> auditors, String group) {
    }

    private final IdentityService identity;
    private final Categories categories;

    AuditorPool(IdentityService identity, Categories categories) {
        this.identity = identity;
        this.categories = categories;
    }

    /**
     * The members of {@code group} (of {@code auditors} when it has none, or for a task without a group) without
     * {@code excluded}. When that leaves nobody and {@code mayLeavePool}, the members of {@code auditors} without
     * {@code excluded}: a second review whose pool has no second member still finds a second auditor.
     */
    Eligible eligible(String group, Collection<String> excluded, boolean mayLeavePool) {
        String pool = group == null ? ClipflowGroups.AUDITORS : group;
        List<String> members = members(pool);
        if (members.isEmpty()) {
            pool = ClipflowGroups.AUDITORS;
            members = members(pool);
        }
        List<String> left = members.stream().filter(a -> !excluded.contains(a)).toList();
        if (left.isEmpty() && mayLeavePool && !pool.equals(ClipflowGroups.AUDITORS)) {
            pool = ClipflowGroups.AUDITORS;
            left = members(pool).stream().filter(a -> !excluded.contains(a)).toList();
        }
        return new Eligible(left, pool);
    }

    /** Every auditor of every pool, sorted: whose open audit tasks the shared load counts. */
    List<String> everyAuditor() {
        Set<String> all = new TreeSet<>();
        categories.auditorGroups().forEach(group -> all.addAll(members(group)));
        return List.copyOf(all);
    }

    /** Members of {@code group} that are not locked, sorted by id so that every node offers them in the same order. */
    private List<String> members(String group) {
        Date now = new Date();
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
                .stream().filter(user -> !isLocked(user, now)).map(User::getId).toList();
    }

    private static boolean isLocked(User user, Date now) {
        return user instanceof UserEntity entity && entity.getLockExpirationTime() != null
                && entity.getLockExpirationTime().after(now);
    }
}
