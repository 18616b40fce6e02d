package io.clipflow.platform;

import java.io.IOException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests Spring Security's firewall turns away before any part of the app sees them: paths with dot segments
 * ({@code /api/videos/../../engine-rest/user}), path parameters ({@code ..;/}), encoded separators or percent
 * signs, and (added here) parameter names or values with control characters. Spring's default rethrows the
 * refusal, which the container answered with a 500; here it is a 400 problem detail, on every path.
 *
 * <p>The firewall also runs first of all filters: a non-normalized path that the container maps to a servlet other
 * than Spring MVC's ({@code /api/videos/../../engine-rest/user} reaches engine REST's) made Spring's request-path
 * filter, which runs before Spring Security's own firewall check, fail with a 500.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    static final String CODE = "REJECTED_REQUEST";
    static final String DETAIL = "The request's path or parameters are not allowed (dot segments, encoded "
            + "separators, path parameters or control characters)";

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        Predicate<String> plain = text -> !StrictJsonInput.PlainText.hasControlCharacter(text);
        firewall.setAllowedParameterNames(plain);
        firewall.setAllowedParameterValues(plain);
        return firewall;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> firewallFirst(HttpFirewall firewall,
            RequestRejectedHandler rejected) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        try {
                            firewall.getFirewalledRequest(request);
                        }
                        catch (RequestRejectedException ex) {
                            rejected.handle(request, response, ex);
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("firewall-first");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RequestRejectedHandler rejectedAsProblem(ObjectMapper json) {
        return (request, response, ex) -> {
            log.debug("Rejected {}: {}", request.getRequestURI(), ex.getMessage());
            SecurityConfig.writeProblem(response, json, HttpStatus.BAD_REQUEST, CODE, DETAIL);
        };
    }
}
