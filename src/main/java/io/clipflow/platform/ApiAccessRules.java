package io.clipflow.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Each feature says which groups may call its part of {@code /api}, next to its controller, so the security
 * configuration does not have to know every feature. Whatever no rule names needs a signed-in caller.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

    /** The authority a member of {@code group} holds. */
    static String group(String group) {
        return CallerGroups.authority(group);
    }
}
