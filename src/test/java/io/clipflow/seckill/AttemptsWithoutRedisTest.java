package io.clipflow.seckill;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.RedisForTestRun;
import io.clipflow.RedisTestServer;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stops the test run's Redis and starts it again: an attempt answered from Redis's reply, on another thread, still
 * answers 503 while Redis is away (the client gives up after its command time-out) and takes nothing; once Redis is
 * back, attempts work again.
 */
@ClipflowIntegrationTest
class AttemptsWithoutRedisTest {

    final RedisTestServer redis = RedisForTestRun.shared();

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdentityService identity;

    @Test
    void anAttemptAnswers503WhileRedisIsDownThenWorksAgain() throws Exception {
        SeckillApi api = new SeckillApi(mvc);
        SeckillApi.newBuyer(identity, "offlinebuyer");
        long event = api.openEvent(items.create("Clock", 1_000, 5).id(), 5);
        String token = api.eventToken("offlinebuyer", event);

        redis.stop();
        MockHttpServletResponse refused;
        try {
            refused = api.attempt("offlinebuyer", event, token);
        }
        finally {
            redis.start();
        }

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.code")).isEqualTo("UNAVAILABLE");
        // this Redis keeps nothing across a restart: a sale loaded after it takes attempts again
        long reopened = api.openEvent(items.create("Clock", 1_000, 5).id(), 5);
        MockHttpServletResponse accepted = api.attempt("offlinebuyer", reopened,
                api.eventToken("offlinebuyer", reopened));
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(202);
    }
}
