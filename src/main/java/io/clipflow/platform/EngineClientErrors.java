package io.clipflow.platform;

import java.util.Optional;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;

/**
 * Which engine exceptions are the request's fault, and so a 4xx, not the 500 Camunda's REST layer answers for
 * any it does not know.
 *
 * <ul>
 * <li>A refusal thrown by a task listener or delegate (clipflow's audit decision guard throws an
 * {@link AuthorizationException} or a {@link FormFieldValidationException}) arrives wrapped by the engine's
 * listener invocation, so the whole chain is searched for these two: 403 and 400.</li>
 * <li>What the engine says of the request itself is the outermost engine exception only: an id that does not exist
 * ({@link NullValueException}, "task is null") or is not valid ("is not a valid resource identifier", thrown as a
 * bare {@link ProcessEngineException}), a process variable the request did not give: 400, as Camunda answers its
 * own {@link BadUserRequestException}; a concurrent change: 409. Deeper down, the same exceptions are a fault of
 * the app and stay 500.</li>
 * </ul>
 */
final class EngineClientErrors {

    record ClientError(Response.Status status, Throwable cause) {
    }

    private static final String INVALID_ID = "is not a valid resource identifier";

    private EngineClientErrors() {
    }

    static Optional<ClientError> classify(Throwable top) {
        for (Throwable cause = top; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return Optional.of(new ClientError(Response.Status.FORBIDDEN, cause));
            }
            if (cause instanceof FormFieldValidationException) {
                return Optional.of(new ClientError(Response.Status.BAD_REQUEST, cause));
            }
        }
        if (top instanceof OptimisticLockingException) {
            return Optional.of(new ClientError(Response.Status.CONFLICT, top));
        }
        if (top instanceof BadUserRequestException || top instanceof NullValueException
                || (top instanceof ProcessEngineException && String.valueOf(top.getMessage()).contains(INVALID_ID))) {
            return Optional.of(new ClientError(Response.Status.BAD_REQUEST, top));
        }
        if (top instanceof ProcessEngineException && top.getCause() instanceof PropertyNotFoundException) {
            return Optional.of(new ClientError(Response.Status.BAD_REQUEST, top));
        }
        return Optional.empty();
    }
}
