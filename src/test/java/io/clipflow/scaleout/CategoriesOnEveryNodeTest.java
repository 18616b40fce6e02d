package io.clipflow.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one engine database, one set of shards and one Redis: a category saved on one node is what the very
 * next request on the other finds (categories are read from the engine's database when used, never cached), its
 * pool included.
 */
class CategoriesOnEveryNodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TwoNodes nodes;
    static AppNode a;
    static AppNode b;

    @BeforeAll
    static void twoNodes() {
        nodes = TwoNodes.start("categories");
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
    void aCategorySavedOnOneNodeAppliesAtOnceOnTheOther() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String key = "dance-" + run;
        String group = "dance" + run;
        String dancer = "dancer" + run;

        assertThat(a.call("PUT", "/api/categories/" + key, "admin",
                "{\"name\":\"Dance\",\"auditorGroup\":\"" + group + "\",\"fourEyes\":false}", Map.of()).statusCode())
                .isEqualTo(201);
        assertThat(a.call("POST", "/engine-rest/user/create", "admin", "{\"profile\":{\"id\":\"" + dancer
                + "\"},\"credentials\":{\"password\":\"" + dancer + "\"}}", Map.of()).statusCode()).isEqualTo(204);
        assertThat(a.call("PUT", "/engine-rest/group/" + group + "/members/" + dancer, "admin", null, Map.of())
                .statusCode()).isEqualTo(204);

        HttpResponse<String> listed = b.call("GET", "/api/categories", "creator1", null, Map.of());
        assertThat(JSON.readTree(listed.body()).findValuesAsText("key")).contains(key);
        String code = publish(b, key, "Salsa night");
        assertThat(auditTask(code).getAssignee()).isEqualTo(dancer);
        assertThat(auditTask(code).getName()).isEqualTo("Audit: Salsa night (Dance)");

        // changed on B, applied on A's next publish: the video now needs two auditors
        assertThat(b.call("PUT", "/api/categories/" + key, "admin",
                "{\"name\":\"Dance\",\"auditorGroup\":\"" + group + "\",\"fourEyes\":true}", Map.of()).statusCode())
                .isEqualTo(200);
        String fourEyes = publish(a, key, "Tango lesson");
        assertThat(a.call("POST", "/api/audits/" + fourEyes + "/decision", dancer, "{\"approved\":true}", Map.of())
                .statusCode()).isEqualTo(200);
        JsonNode video = JSON.readTree(b.call("GET", "/api/videos/" + fourEyes, "creator1", null, Map.of()).body());
        assertThat(video.get("status").asText()).isEqualTo("PENDING");
        assertThat(video.get("decisions")).hasSize(1);
        assertThat(a.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(fourEyes)
                .taskDefinitionKey("secondReview").count()).isEqualTo(1);
    }

    private static String publish(AppNode node, String category, String title) throws Exception {
        HttpResponse<String> published = node.call("POST", "/api/videos", "creator1", "{\"title\":\"" + title
                + "\",\"description\":\"d\",\"videoUrl\":\"https://v.example/d.mp4\",\"category\":\"" + category
                + "\"}", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        JsonNode video = JSON.readTree(published.body());
        assertThat(video.get("category").asText()).isEqualTo(category);
        return video.get("code").asText();
    }

    private static Task auditTask(String code) {
        return a.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey("auditVideo").singleResult();
    }
}
