package io.clipflow.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets {@link AuditDecisionGuard}'s refusals reach every caller as what they are. The engine wraps whatever a task
 * listener throws in plain {@link ProcessEngineException}s ("ENGINE-03051 There was an exception while invoking
 * the TaskListener ..."), and Camunda's REST resources, the webapp's one that Tasklist submits its forms to
 * included, answer such a wrapper with 500 and its nested message. Outermost around every command (so after the
 * transaction rolled back, as before), this interceptor throws an {@link AuthorizationException} or a
 * {@link FormFieldValidationException} found under plain wrappers as itself: REST answers them with 403 and 400
 * and their own message, which Tasklist shows. Any other failure passes unchanged.
 */
@Component
class ListenerRefusals extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new Unwrapping());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** The refusal inside {@code failure}'s plain wrappers, or {@code failure} itself. */
    static ProcessEngineException unwrapped(ProcessEngineException failure) {
        Throwable inner = failure;
        while (inner != null && inner.getClass() == ProcessEngineException.class) {
            inner = inner.getCause();
        }
        return inner instanceof AuthorizationException || inner instanceof FormFieldValidationException
                ? (ProcessEngineException) inner : failure;
    }

    static final class Unwrapping extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            }
            catch (ProcessEngineException failure) {
                throw unwrapped(failure);
            }
        }
    }
}
