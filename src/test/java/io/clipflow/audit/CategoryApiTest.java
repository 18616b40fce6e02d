package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * {@code GET/PUT /api/categories}, the demo categories, and publishing into a category: the video carries it, an
 * unknown one is refused, and a saved category's group is a working pool in the engine at once.
 */
@ClipflowIntegrationTest
class CategoryApiTest extends AuditApiSupport {

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Test
    void anyoneSignedInReadsTheCategoriesWithTheDemoPools() throws Exception {
        mvc.perform(get("/api/categories").with(httpBasic("buyer1", "buyer1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == 'general')].auditorGroup").value("auditors"))
                .andExpect(jsonPath("$[?(@.key == 'general')].fourEyes").value(false))
                .andExpect(jsonPath("$[?(@.key == 'cooking')].auditorGroup").value("cookingAuditors"))
                .andExpect(jsonPath("$[?(@.key == 'singing')].name").value("Singing"))
                .andExpect(jsonPath("$[?(@.key == 'travel')].fourEyes").value(true));
        mvc.perform(get("/api/categories")).andExpect(status().isUnauthorized());

        assertThat(identity.createUserQuery().memberOfGroup("cookingAuditors").list()).extracting("id")
                .contains("chef1");
        assertThat(identity.createUserQuery().memberOfGroup("singingAuditors").list()).extracting("id")
                .contains("chef1", "singer1");
        assertThat(identity.createUserQuery().memberOfGroup("travelAuditors").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void opsCreateACategoryWhosePoolWorksInTheEngineAtOnceAndChangeIt() throws Exception {
        String key = "pets-" + UUID.randomUUID().toString().substring(0, 6);
        String group = "pets" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

        mvc.perform(putCategory(key, "admin", "{\"name\":\"Pets\",\"auditorGroup\":\"" + group
                        + "\",\"fourEyes\":false}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/categories/" + key))
                .andExpect(jsonPath("$.key").value(key)).andExpect(jsonPath("$.auditorGroup").value(group));

        assertThat(identity.createGroupQuery().groupId(group).singleResult().getName()).isEqualTo("Pets auditors");
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.APPLICATION)
                .resourceId("tasklist").hasPermission(Permissions.ACCESS).count()).isEqualTo(1);
        Filter pool = filters.createFilterQuery().filterName("Pool: Pets").singleResult();
        assertThat(pool).isNotNull();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
                .resourceId(pool.getId()).hasPermission(Permissions.READ).count()).isEqualTo(1);

        mvc.perform(putCategory(key, "admin", "{\"name\":\"Pets and animals\",\"auditorGroup\":\"" + group
                        + "\",\"fourEyes\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fourEyes").value(true));
        mvc.perform(get("/api/categories").with(httpBasic("creator1", "creator1")))
                .andExpect(jsonPath("$[?(@.key == '" + key + "')].name").value("Pets and animals"))
                .andExpect(jsonPath("$[?(@.key == '" + key + "')].fourEyes").value(true));
        assertThat(filters.createFilterQuery().filterName("Pool: Pets and animals").count()).isEqualTo(1);
        assertThat(filters.createFilterQuery().filterName("Pool: Pets").count()).isZero();
    }

    @Test
    void onlyOpsChangeCategoriesAndBadInputIsA400() throws Exception {
        String valid = "{\"name\":\"Gardening\",\"auditorGroup\":\"gardeners\",\"fourEyes\":false}";
        mvc.perform(putCategory("gardening", "creator1", valid)).andExpect(status().isForbidden());
        mvc.perform(putCategory("gardening", "auditor1", valid)).andExpect(status().isForbidden());

        mvc.perform(putCategory("Bad Key", "admin", valid))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION"));
        mvc.perform(putCategory("gardening", "admin", "{\"name\":\"Gardening\",\"auditorGroup\":\"gardeners\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION"));
        mvc.perform(putCategory("gardening", "admin",
                        "{\"name\":\"Gardening\",\"auditorGroup\":\"garden-crew\",\"fourEyes\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION"));
        mvc.perform(putCategory("gardening", "admin",
                        "{\"name\":\"" + "x".repeat(31) + "\",\"auditorGroup\":\"gardeners\",\"fourEyes\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION"));
        mvc.perform(putCategory("gardening", "admin",
                        "{\"name\":\"Gardening\",\"auditorGroup\":\"creators\",\"fourEyes\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("GROUP_NOT_FOR_AUDIT"));

        mvc.perform(get("/api/categories").with(httpBasic("admin", "admin")))
                .andExpect(jsonPath("$[?(@.key == 'gardening')]").isEmpty());
    }

    @Test
    void aVideoIsPublishedIntoItsCategoryAndAuditedByItsPool() throws Exception {
        String code = publishIn("cooking", "Hand-pulled noodles");
        Task task = openTask(code);

        assertThat(task.getAssignee()).isEqualTo("chef1");
        assertThat(task.getName()).isEqualTo("Audit: Hand-pulled noodles (Cooking)");
        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("creator1", "creator1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.category").value("cooking"))
                .andExpect(jsonPath("$.auditor").value("chef1")).andExpect(jsonPath("$.decisions").isEmpty());
        // chef1 is in no group but the cooking and singing pools: an auditor all the same
        mvc.perform(get("/api/audits/mine?size=100").with(httpBasic("chef1", "chef1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].category").value("cooking"))
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].review").value("FIRST"));
        mvc.perform(decision(code, "chef1", "{\"approved\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decisions[0].auditor").value("chef1"))
                .andExpect(jsonPath("$.decisions[0].approved").value(true));

        String general = publish("No category given", "plain");
        mvc.perform(get("/api/videos/{code}", general).with(httpBasic("creator1", "creator1")))
                .andExpect(jsonPath("$.category").value("general"));
        assertThat(openTask(general).getName()).isEqualTo("Audit: No category given (General)");
    }

    @Test
    void anUnknownCategoryIsRefusedAndNothingIsPublished() throws Exception {
        String title = "Lost category " + UUID.randomUUID();
        mvc.perform(post("/api/videos").with(httpBasic("creator1", "creator1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"description\":\"d\","
                                + "\"videoUrl\":\"https://v.example/x.mp4\",\"category\":\"knitting\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_CATEGORY"));
        mvc.perform(post("/api/videos").with(httpBasic("creator1", "creator1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"description\":\"d\","
                                + "\"videoUrl\":\"https://v.example/x.mp4\",\"category\":\"Not A Key\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION"));

        assertThat(clipflowJdbc.sql("SELECT COUNT(*) FROM publish WHERE title = ?").param(title).query(Long.class)
                .single()).isZero();
        assertThat(tasks.createTaskQuery().processVariableValueEquals("title", title).count()).isZero();
    }

    @Test
    void aUserAddedToAPoolInAdminGetsItsNextVideoAtOnceAndWorksIt() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String key = "crafts-" + run;
        String group = "crafts" + run;
        mvc.perform(putCategory(key, "admin", "{\"name\":\"Crafts\",\"auditorGroup\":\"" + group
                + "\",\"fourEyes\":false}")).andExpect(status().isCreated());
        String veteran = "vet" + run;
        engineRest("/engine-rest/user/create", Map.of("profile", Map.of("id", veteran, "firstName", "Vera",
                "lastName", "Veteran", "email", veteran + "@clipflow.example"), "credentials", Map.of("password", veteran)));
        engineRestPut("/engine-rest/group/" + group + "/members/" + veteran);
        assertThat(openTask(publishIn(key, "Knitting basics")).getAssignee()).isEqualTo(veteran);

        // added the way Admin adds a user: engine REST, as an administrator
        String newcomer = "new" + run;
        engineRest("/engine-rest/user/create", Map.of("profile", Map.of("id", newcomer, "firstName", "Nico",
                "lastName", "Newcomer", "email", newcomer + "@clipflow.example"), "credentials", Map.of("password", newcomer)));
        engineRestPut("/engine-rest/group/" + group + "/members/" + newcomer);
        String code = publishIn(key, "Pottery wheel");

        assertThat(openTask(code).getAssignee()).isEqualTo(newcomer);
        mvc.perform(get("/api/audits/mine").with(httpBasic(newcomer, newcomer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].code").value(code))
                .andExpect(jsonPath("$[0].category").value(key));
        mvc.perform(decision(code, newcomer, "{\"approved\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        // the pool's members see its Tasklist filter, and the tasks in it carry the video's title
        ResponseEntity<String> filtersSeen = http.withBasicAuth(newcomer, newcomer)
                .getForEntity("/engine-rest/filter?resourceType=Task", String.class);
        assertThat(filtersSeen.getBody()).contains("Pool: Crafts", "My audits");
    }

    @Test
    void theOpenApiDocumentHasCategoriesAndDecisions() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(json.readTree(doc).get("paths").has("/api/categories")).isTrue();
        assertThat(json.readTree(doc).at("/paths/~1api~1categories~1{key}/put").isMissingNode()).isFalse();
        assertThat(json.readTree(doc).at("/components/schemas/Category/properties").fieldNames())
                .toIterable().contains("key", "name", "auditorGroup", "fourEyes");
        assertThat(json.readTree(doc).at("/components/schemas/Video/properties").fieldNames())
                .toIterable().contains("category", "decisions");
        assertThat(json.readTree(doc).at("/components/schemas/PublishRequest/properties").has("category")).isTrue();
    }

    private void engineRest(String path, Object body) {
        ResponseEntity<String> response = http.withBasicAuth("admin", "admin").postForEntity(path, body, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private void engineRestPut(String path) {
        ResponseEntity<String> response = http.withBasicAuth("admin", "admin")
                .exchange(RequestEntity.put(path).build(), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private RequestBuilder putCategory(String key, String user, String body) {
        return put("/api/categories/{key}", key).with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
