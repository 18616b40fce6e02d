package io.clipflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.clipflow.platform.AsyncAnswers;
import jakarta.servlet.Filter;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * MockMvc returns when the handler does; an answer written later by another thread ({@link AsyncAnswers}) must be
 * written within the client's time-outs, and is awaited inside {@code perform}, before anything (the test, the
 * printer, {@link ApiDocumentValidation}) reads it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AsyncAnswersInMockMvc {

    @Bean
    MockMvcBuilderCustomizer awaitAsyncAnswers() {
        Filter awaiting = (request, response, chain) -> {
            chain.doFilter(request, response);
            if (request.getAttribute(AsyncAnswers.WRITTEN) instanceof CompletableFuture<?> written) {
                assertThat(written).as("the answer to %s", request).succeedsWithin(Duration.ofSeconds(30));
            }
        };
        return builder -> builder.addFilters(awaiting);
    }
}
