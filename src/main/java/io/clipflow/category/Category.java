package io.clipflow.category;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A video category: {@code key} as videos carry it, a display {@code name}, the Camunda group whose members audit
 * its videos ({@code auditorGroup}), and whether two different auditors must approve a video before it is shown
 * ({@code fourEyes}).
 */
@Schema(example = "{\"key\": \"travel\", \"name\": \"Places to go\", \"auditorGroup\": \"travelAuditors\", "
        + "\"fourEyes\": true}")
public record Category(String key, String name, String auditorGroup, boolean fourEyes) {

    /** The category of a video published without one, and of every video published before categories existed. */
    public static final String GENERAL = "general";

    /** A key as the API accepts it: lower-case letters, digits and dashes, starting with a letter or digit. */
    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9-]{0,31}";
}
