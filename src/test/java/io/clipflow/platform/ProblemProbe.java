package io.clipflow.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint, ops only, that exercises the API's error handling the way a feature would; not part of
 * the API document.
 */
@Hidden
@RestController
class ProblemProbe {

    record ProbeRequest(@NotBlank @Size(max = 100) String name, @Positive int count) {
    }

    @PostMapping("/api/test-probe")
    ProbeRequest probe(@Valid @RequestBody ProbeRequest request) {
        if (request.name().equals("conflict")) {
            throw Problems.conflict("PROBE_CONFLICT", "The probe is in conflict");
        }
        if (request.name().equals("boom")) {
            throw new IllegalStateException("secret internals");
        }
        return request;
    }

    @Configuration
    static class Rules {
        @Bean
        ApiAccessRules probeRules() {
            return rules -> rules.requestMatchers(HttpMethod.POST, "/api/test-probe")
                    .hasAuthority(ApiAccessRules.group(ClipflowGroups.OPS));
        }
    }
}
