package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

class EngineClientErrorsTest {

    /** How the engine hands on what a task listener threw. */
    private static ProcessEngineException fromListener(Exception thrown) {
        return new ProcessEngineException("ENGINE-03051 Exception while invoking TaskListener: "
                + thrown.getMessage(), thrown);
    }

    @Test
    void aListenersRefusalIsFoundThroughTheEnginesWrapping() {
        assertThat(EngineClientErrors.classify(fromListener(new AuthorizationException("Only the assignee"))))
                .hasValueSatisfying(e -> {
                    assertThat(e.status()).isEqualTo(Response.Status.FORBIDDEN);
                    assertThat(e.cause().getMessage()).isEqualTo("Only the assignee");
                });
        assertThat(EngineClientErrors.classify(fromListener(new FormFieldValidationException("reason", "Needs one"))))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(Response.Status.BAD_REQUEST));
    }

    @Test
    void whatTheEngineSaysOfTheRequestItselfIsAClientError() {
        assertThat(EngineClientErrors.classify(new NullValueException("Cannot find task with id x: task is null")))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(Response.Status.BAD_REQUEST));
        assertThat(EngineClientErrors.classify(new NotFoundException("no such task")))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(Response.Status.BAD_REQUEST));
        assertThat(EngineClientErrors.classify(new ProcessEngineException(
                "User has an invalid id: 'a b' is not a valid resource identifier.")))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(Response.Status.BAD_REQUEST));
        assertThat(EngineClientErrors.classify(new OptimisticLockingException("changed meanwhile")))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(Response.Status.CONFLICT));
    }

    @Test
    void theSameExceptionsDeepInsideTheAppsOwnCodeStayServerErrors() {
        assertThat(EngineClientErrors.classify(fromListener(new NullValueException("a bean returned null"))))
                .isEmpty();
        assertThat(EngineClientErrors.classify(new ProcessEngineException("database is gone"))).isEmpty();
        assertThat(EngineClientErrors.classify(new IllegalStateException("bug"))).isEmpty();
    }
}
