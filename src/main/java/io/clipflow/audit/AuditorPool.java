package io.clipflow.audit;

import java.util.Date;
import java.util.List;

import io.clipflow.platform.ClipflowGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Who may be given audit work right now, read from the identity service on every assignment: a user added to
 * {@code auditors} in Admin gets the next task, a removed one none. A user locked after failed logins is left
 * out while the lock lasts (they could not open the task anyway).
 */
@Component
class AuditorPool {

    private final IdentityService identity;

    AuditorPool(IdentityService identity) {
        this.identity = identity;
    }

    /** Eligible auditors, sorted by id so that every node offers them in the same order. */
    List<String> eligible() {
        Date now = new Date();
        return identity.createUserQuery().memberOfGroup(ClipflowGroups.AUDITORS).orderByUserId().asc().list()
                .stream().filter(user -> !isLocked(user, now)).map(User::getId).toList();
    }

    private static boolean isLocked(User user, Date now) {
        return user instanceof UserEntity entity && entity.getLockExpirationTime() != null
                && entity.getLockExpirationTime().after(now);
    }
}
