package io.clipflow.platform;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is to clipflow: lets an app check a login and show what its user may do. */
@RestController
class CallerController {

    record Caller(String userId, List<String> groups) {
    }

    @GetMapping("/api/me")
    Caller me(Authentication caller) {
        return new Caller(caller.getName(), CallerGroups.of(caller));
    }
}
