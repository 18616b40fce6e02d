package io.clipflow.bench;

import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ClipflowGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/seckill/noop}, in the bench build only: does nothing, as cheaply as the framework allows, behind
 * the same security as a seckill attempt (buyers, HTTP Basic, the credential cache): the baseline the seckill load
 * driver ({@code io.clipflow.seckill.SeckillLoad}) measures the accept path against. An app started from the bench
 * build's class path ({@code scripts/bench-seckill}) finds it by component scan; the production jar has no such
 * endpoint.
 */
@RestController
class SeckillNoop {

    record Noop(String status) {
        static final Noop INSTANCE = new Noop("NOOP");
    }

    @PostMapping("/api/seckill/noop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Noop noop() {
        return Noop.INSTANCE;
    }

    @Bean
    static ApiAccessRules seckillNoopRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/seckill/noop")
                .hasAuthority(ApiAccessRules.group(ClipflowGroups.BUYERS));
    }
}
