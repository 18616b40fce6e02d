package io.clipflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.clipflow.platform.AsyncAnswers;
import jakarta.servlet.Filter;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * MockMvc returns when the handler does; an answer written later by another thread ({@link AsyncAnswers}) is awaited
 * inside {@code perform}, before anything (the test, the printer, {@link ApiDocumentValidation}) reads it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AsyncAnswersInMockMvc {

    @Bean
    MockMvcBuilderCustomizer awaitAsyncAnswers() {
        Filter awaiting = (request, response, chain) -> {
            chain.doFilter(request, response);
            if (request.getAttribute(AsyncAnswers.WRITTEN) instanceof CompletableFuture<?> written) {
                try {
                    written.get(30, TimeUnit.SECONDS);
                }
                catch (Exception ex) {
                    throw new IllegalStateException("The answer was not written", ex);
                }
            }
        };
        return builder -> builder.addFilters(awaiting);
    }
}
