package io.clipflow.platform;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's Basic filter leaves {@code /engine-rest/engine} (the list of engines) open; clipflow answers
 * nothing to anonymous callers, so every path under {@code /engine-rest} authenticates.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
        return true;
    }
}
