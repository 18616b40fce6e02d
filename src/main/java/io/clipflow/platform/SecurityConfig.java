package io.clipflow.platform;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * {@code /api}: stateless HTTP Basic against Camunda's identity service, access by group (each feature's
 * {@link ApiAccessRules}). {@code /engine-rest}: Camunda's own Basic filter, after which the engine's
 * authorization checks decide (so a non-admin cannot create users). The webapps keep their own session login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, List<ApiAccessRules> featureRules, ObjectMapper json)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn(json)))
                .exceptionHandling(e -> e.accessDeniedHandler(refused(json)))
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                // written before the handler runs: an answer written by another thread (AsyncAnswers) must not race
                // the filter writing them on the way out
                .headers(h -> h.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .authorizeHttpRequests(rules -> {
                    featureRules.forEach(r -> r.configure(rules));
                    rules.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * Path patterns match a request by its path alone. Spring Security's default for {@code requestMatchers(String)}
     * asks Spring MVC's handler mappings for every rule on every request: a third of the request threads' time
     * under load (profiled on the seckill accept path).
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    SecurityFilterChain documentationIsPublic(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(r -> r.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    /**
     * Actuator: health's UP/DOWN and info for anyone (load balancers, start-up scripts); health's details
     * ({@code management.endpoint.health.roles}), metrics and Prometheus for ops, by HTTP Basic as on {@code /api}.
     */
    @Bean
    SecurityFilterChain operationsSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn(json)))
                .exceptionHandling(e -> e.authenticationEntryPoint(signIn(json)).accessDeniedHandler(refused(json)))
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasAuthority(CallerGroups.authority(ClipflowGroups.OPS)));
        return http.build();
    }

    private static AuthenticationEntryPoint signIn(ObjectMapper json) {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"clipflow\"");
            writeProblem(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "Sign in with HTTP Basic (a Camunda user)");
        };
    }

    private static AccessDeniedHandler refused(ObjectMapper json) {
        return (request, response, ex) -> writeProblem(response, json, HttpStatus.FORBIDDEN, "FORBIDDEN",
                "Your groups do not allow this call");
    }

    @Bean
    FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<EngineRestAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("engine-rest-authentication");
        registration.setFilter(new EngineRestAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code,
            String detail) throws IOException {
        ProblemDetail body = Problems.detail(status, code, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
