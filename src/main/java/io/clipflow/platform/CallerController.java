package io.clipflow.platform;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is to clipflow: lets an app check a login and show what its user may do. */
@Tag(name = "caller", description = "Who the signed-in caller is")
@RestController
class CallerController {

    @Schema(example = "{\"userId\": \"creator1\", \"groups\": [\"creators\"]}")
    record Caller(String userId, List<String> groups) {
    }

    @Operation(operationId = "getCaller", summary = "Who am I",
            description = "The caller's user id and groups, to check a login and show what its "
            + "user may do.")
    @ApiErrors({})
    @GetMapping("/api/me")
    Caller me(Authentication caller) {
        return new Caller(caller.getName(), CallerGroups.of(caller));
    }
}
