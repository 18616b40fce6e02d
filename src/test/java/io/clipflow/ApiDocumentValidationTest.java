package io.clipflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The check every API test runs: what the document does not describe fails, what it describes passes. */
@ClipflowIntegrationTest
class ApiDocumentValidationTest {

    @Autowired ApiDocumentValidation validation;
    @Autowired TestRestTemplate http;

    @Test
    void aCodeTheOperationDoesNotListForThatStatusFails() {
        var order = new SimpleRequest.Builder("POST", "/api/orders").withHeader("Authorization", "Basic eDp4")
                .withContentType("application/json").withBody("{\"itemId\":1,\"quantity\":1}").build();
        assertThatCode(() -> validation.check(order, problem(409, "OUT_OF_STOCK"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> validation.check(order, problem(409, "SOLD_OUT")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /api/orders → 409");
        assertThatThrownBy(() -> validation.check(order, problem(422, "OUT_OF_STOCK")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anUndocumentedStatusOrBodyFails() {
        var me = new SimpleRequest.Builder("GET", "/api/me").withHeader("Authorization", "Basic eDp4").build();
        assertThatThrownBy(() -> validation.check(me, problem(500, "INTERNAL"))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> validation.check(me, SimpleResponse.Builder.ok()
                .withContentType("application/json").withBody("{\"userId\":\"x\",\"secret\":1}").build()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("secret");
        assertThatCode(() -> validation.check(me, SimpleResponse.Builder.ok().withContentType("application/json")
                .withBody("{\"userId\":\"x\",\"groups\":[\"buyers\"]}").build())).doesNotThrowAnyException();
    }

    @Test
    void restTemplateCallsAreCheckedToo() {
        assertThat(http.getRestTemplate().getInterceptors()).isNotEmpty();
        assertThat(http.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static SimpleResponse problem(int status, String code) {
        return SimpleResponse.Builder.status(status).withContentType("application/problem+json")
                .withBody("{\"type\":\"urn:clipflow:problem:x\",\"title\":\"t\",\"status\":" + status
                        + ",\"detail\":\"d\",\"code\":\"" + code + "\"}").build();
    }
}
