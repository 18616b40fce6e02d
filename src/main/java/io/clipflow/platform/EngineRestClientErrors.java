package io.clipflow.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The engine's REST answers for what the caller got wrong, on both ways in: {@code /engine-rest} and the webapps'
 * own copy of it ({@code /camunda/api/engine}, what Tasklist submits its forms to). Camunda answers 500 for every
 * engine exception it does not know at the top, and wraps what a task listener throws; {@link EngineClientErrors}
 * says which of them are the request's fault. Everything else keeps Camunda's own answer.
 *
 * <p>Jersey finds this class through {@code META-INF/services} and registers the mappers in every Jersey
 * application of the app: Camunda's starter creates the webapps' one in its own servlet initializer, which no
 * Spring bean can reach in time.
 */
public final class EngineRestClientErrors implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(EngineExceptions.class)) {
            context.register(EngineExceptions.class).register(WrappedExceptions.class);
        }
    }

    /** An engine exception thrown straight through the resource (e.g. creating a user with an invalid id). */
    @Priority(1)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(exception, exception, "");
        }
    }

    /** An engine exception the resource wrapped as a 500 with its own message in front ("Cannot complete task"). */
    @Priority(1)
    public static class WrappedExceptions implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            boolean serverError = exception.getStatus() == null
                    || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
            if (!serverError || exception.getCause() == null) {
                return ExceptionHandlerHelper.getInstance().getResponse(exception);
            }
            String message = exception.getMessage();
            String prefix = message == null || !message.contains(":") ? "" : message.split(":", 2)[0] + ": ";
            return answer(exception, exception.getCause(), prefix);
        }
    }

    private static Response answer(Exception thrown, Throwable engineCause, String prefix) {
        return EngineClientErrors.classify(engineCause)
                .map(error -> {
                    ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(error.cause());
                    body.setMessage(prefix + error.cause().getMessage());
                    return Response.status(error.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                            .build();
                })
                .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(thrown));
    }
}
