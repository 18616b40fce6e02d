package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ClipflowIntegrationTest
class EngineRestSecurityTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Test
    void anonymousCallGets401WithChallenge() {
        ResponseEntity<String> response = http.getForEntity("/engine-rest/engine", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void wrongPasswordGets401() {
        String userId = newUser();

        ResponseEntity<String> response = http.withBasicAuth(userId, "not-the-password")
                .getForEntity("/engine-rest/engine", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void adminIsAnswered() {
        ResponseEntity<String> response = http.withBasicAuth("admin", "admin")
                .getForEntity("/engine-rest/engine", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"name\":\"default\"");
    }

    @Test
    void nonAdminCannotCreateUsers() {
        Map<String, Object> body = Map.of(
                "profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@n.example"),
                "credentials", Map.of("password", "intruder-pw"));

        ResponseEntity<String> response = http.withBasicAuth("creator1", "creator1")
                .postForEntity("/engine-rest/user/create", body, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void adminCanCreateUsersAndTheyWorkAtOnce() {
        String userId = "newbie" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of(
                "profile", Map.of("id", userId, "firstName", "New", "lastName", "Bie", "email", "n@b.example"),
                "credentials", Map.of("password", "newbie-pw"));

        ResponseEntity<String> created = http.withBasicAuth("admin", "admin")
                .postForEntity("/engine-rest/user/create", body, String.class);
        ResponseEntity<String> me = http.withBasicAuth(userId, "newbie-pw").getForEntity("/api/me", String.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me.getStatusCode()).as(me.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).contains(userId);
    }

    private String newUser() {
        String userId = "probe" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setPassword("right-password");
        identity.saveUser(user);
        return userId;
    }
}
