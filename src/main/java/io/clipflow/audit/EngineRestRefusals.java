package io.clipflow.audit;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST answers for {@link AuditDecisionGuard}'s refusals. Camunda wraps every exception a task listener
 * throws, and {@code POST /engine-rest/task/{id}/complete} turns whatever it does not recognise at the top into
 * a 500. This mapper looks inside: an authorization refusal becomes 403 and a validation refusal 400, in
 * Camunda's usual error body; anything else gets Camunda's own answer unchanged. (Tasklist talks to the webapp's
 * own REST application, which still shows these as errors with the guard's message.)
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

    @Bean
    ResourceConfigCustomizer auditRefusalsOnEngineRest() {
        return config -> config.register(RefusalMapper.class).register(AssignmentRefusalMapper.class);
    }

    /**
     * A change of assignee ({@code POST /engine-rest/task/{id}/assignee}, claim) that the assignment listener
     * refuses (the first auditor on a second review) arrives as the engine's exception itself, not wrapped.
     */
    @Priority(1)
    public static class AssignmentRefusalMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof AuthorizationException) {
                    return ExceptionHandlerHelper.getInstance()
                            .getResponse(new RestException(Response.Status.FORBIDDEN, cause.getMessage()));
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }

    @Priority(1)
    public static class RefusalMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof AuthorizationException) {
                    return refusal(Response.Status.FORBIDDEN, exception, cause);
                }
                if (cause instanceof FormFieldValidationException) {
                    return refusal(Response.Status.BAD_REQUEST, exception, cause);
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }

        private static Response refusal(Response.Status status, RestException wrapper, Throwable cause) {
            String prefix = wrapper.getMessage() == null ? "" : wrapper.getMessage().split(":", 2)[0] + ": ";
            return ExceptionHandlerHelper.getInstance()
                    .getResponse(new RestException(status, prefix + cause.getMessage()));
        }
    }
}
