package io.clipflow.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two nodes on one engine database and one Redis, a browser going to either (a round-robin balancer): a Tasklist
 * login made on node A holds on node B, with its CSRF token, because the HTTP session lives in Redis (Spring
 * Session) and not in either node. Camunda's webapps keep their logins in the session as serialisable objects
 * ({@code Authentications}); they make the round trip through Redis here.
 */
class SharedSessionTest {

    private static final String ME = "/camunda/api/admin/auth/user/default";
    private static final ObjectMapper JSON = new ObjectMapper();

    static TwoNodes nodes;
    static AppNode a;
    static AppNode b;

    @BeforeAll
    static void twoNodesOnOneDatabaseAndOneRedis() {
        nodes = TwoNodes.start("sessions");
        a = nodes.a;
        b = nodes.b;
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void anAuditorSignedInOnOneNodeWorksOnTheOtherAndSignsOutEverywhere() throws Exception {
        String code = publish();
        Task task = a.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(code).singleResult();
        String auditor = task.getAssignee();
        Browser browser = new Browser();

        signIn(browser, a, auditor);

        HttpResponse<String> me = browser.get(b, ME);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("userId").asText()).isEqualTo(auditor);
        assertThat(new Browser().get(b, ME).statusCode()).as("nobody is signed in without the session").isNotEqualTo(200);
        HttpResponse<String> tasks = browser.get(b, "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                + code);
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(json(tasks).findValuesAsText("id")).containsExactly(task.getId());
        assertThat(new Browser().get(b, "/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);

        // a changing request on B: its CSRF token came from A's session
        HttpResponse<String> approved = browser.post(b, "/camunda/api/engine/engine/default/task/" + task.getId()
                + "/submit-form", "application/json", "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");
        assertThat(approved.statusCode()).as(approved.body()).isIn(200, 204);
        await("the video approved").atMost(Duration.ofSeconds(20)).until(() -> json(a.call("GET",
                "/api/videos/" + code, "creator1", null, Map.of())).path("status").asText().equals("APPROVED"));

        HttpResponse<String> out = browser.post(b, ME + "/logout", "application/x-www-form-urlencoded", "");
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(browser.get(a, ME).statusCode()).isNotEqualTo(200);
    }

    @Test
    void theSessionLivesInRedisAndNowhereElse() throws Exception {
        Browser browser = new Browser();
        signIn(browser, a, "auditor1");
        String sessionKey = "clipflow:session:sessions:"
                + new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
        StringRedisTemplate redis = a.bean(StringRedisTemplate.class);
        assertThat(redis.hasKey(sessionKey)).isTrue();
        assertThat(redis.getExpire(sessionKey)).as("30 minutes idle").isBetween(29 * 60L, 30 * 60L);
        assertThat(browser.get(b, ME).statusCode()).isEqualTo(200);

        redis.delete(sessionKey);

        assertThat(browser.get(a, ME).statusCode()).isNotEqualTo(200);
        assertThat(browser.get(b, ME).statusCode()).isNotEqualTo(200);
    }

    private static void signIn(Browser browser, AppNode node, String user) throws Exception {
        // a first page hands out the CSRF token (cookie XSRF-TOKEN) and the session
        assertThat(browser.get(node, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();
        HttpResponse<String> login = browser.post(node, ME + "/login/tasklist",
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + user);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(json(login).path("userId").asText()).isEqualTo(user);
        assertThat(browser.cookie("SESSION")).as("the session cookie of Spring Session").isNotBlank();
    }

    private static String publish() throws Exception {
        HttpResponse<String> published = a.call("POST", "/api/videos", "creator1",
                "{\"title\":\"Harbour at dawn\",\"description\":\"boats\",\"videoUrl\":\"https://v.example/h.mp4\"}",
                Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        return json(published).path("code").asText();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
