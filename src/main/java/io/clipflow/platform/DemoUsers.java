package io.clipflow.platform;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo logins (password = user id), created at first start where {@code clipflow.demo-data} is on; features with
 * demo users of their own (the pools' auditors) create them through {@link #createIfMissing}.
 */
@Component
@ConditionalOnProperty("clipflow.demo-data")
public class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoUser(String id, String firstName, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Admin", List.of(ClipflowGroups.ADMIN, ClipflowGroups.OPS)),
            new DemoUser("auditor1", "Ada", List.of(ClipflowGroups.AUDITORS)),
            new DemoUser("auditor2", "Bo", List.of(ClipflowGroups.AUDITORS)),
            new DemoUser("auditor3", "Chen", List.of(ClipflowGroups.AUDITORS)),
            new DemoUser("creator1", "Cora", List.of(ClipflowGroups.CREATORS)),
            new DemoUser("buyer1", "Bea", List.of(ClipflowGroups.BUYERS)));

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(2)
    void createDemoUsers() {
        USERS.forEach(demo -> createIfMissing(demo.id(), demo.firstName(), demo.groups()));
    }

    /** A demo user "firstName Demo" in {@code groups}, password = id, unless {@code id} exists already. */
    public void createIfMissing(String id, String firstName, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName("Demo");
        user.setEmail(id + "@clipflow.example");
        user.setPassword(id);
        identity.saveUser(user);
        groups.forEach(group -> identity.createMembership(id, group));
        log.info("Created demo user {} in {}", id, groups);
    }
}
