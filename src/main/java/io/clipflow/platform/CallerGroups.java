package io.clipflow.platform;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The one place that knows how an {@code /api} caller's Camunda groups are carried in Spring Security: as
 * authorities {@code GROUP_<groupId>}. Features ask here rather than spell the prefix themselves.
 */
public final class CallerGroups {

    private static final String PREFIX = "GROUP_";

    private CallerGroups() {
    }

    /** The authority a member of {@code group} holds. */
    public static String authority(String group) {
        return PREFIX + group;
    }

    /** The caller's group ids, for the engine's own authorization checks. */
    public static List<String> of(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PREFIX)).map(a -> a.substring(PREFIX.length())).sorted().toList();
    }

    public static boolean isInAny(Authentication caller, String... groups) {
        List<String> wanted = Arrays.stream(groups).map(CallerGroups::authority).toList();
        return caller.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority()));
    }
}
