package io.clipflow.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users the tests sign in as: the password is the user id, as for the demo users. */
public final class TestUsers {

    private TestUsers() {
    }

    /** {@code id} in {@code groups}, created if it does not exist yet (an existing one is left as it is). */
    public static String member(IdentityService identity, String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return id;
        }
        User user = identity.newUser(id);
        user.setPassword(id);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }
}
