package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The decision guard's refusals as Tasklist meets them: signed in to the webapp (session and CSRF token), the form
 * submitted to the webapps' engine API. Each is a 4xx with the guard's message, which Tasklist shows, and nothing
 * changes (it was a 500 there while engine REST already answered 403/400).
 */
@ClipflowIntegrationTest
class TasklistRefusalTest extends AuditApiSupport {

    @Test
    void rejectingWithoutReasonInTasklistIs400WithTheGuardsMessage() {
        String code = publish("Tasklist, no reason", "rejected without a reason");
        Task task = openTask(code);

        ResponseEntity<String> response = submitForm(signIn(task.getAssignee()), task,
                "{\"variables\":{\"approved\":{\"value\":false,\"type\":\"Boolean\"}}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Cannot submit task form " + task.getId() + ": ")
                .contains("A rejection needs a 'reason'").doesNotContain("TaskListener");
        assertThat(openTask(code)).isNotNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
        assertThat(auditRecords(code)).isEmpty();
    }

    @Test
    void anotherAuditorsSubmissionInTasklistIs403WithTheGuardsMessage() {
        String code = publish("Tasklist, wrong auditor", "decided by someone else");
        Task task = openTask(code);
        String other = otherAuditor(task.getAssignee());

        ResponseEntity<String> response = submitForm(signIn(other), task,
                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("Only the auditor this task is assigned to may decide it");
        assertThat(openTask(code)).isNotNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
    }

    @Test
    void aDecisionTheGuardAcceptsStillCompletesInTasklist() {
        String code = publish("Tasklist, approved", "decided in the webapp");
        Task task = openTask(code);

        ResponseEntity<String> response = submitForm(signIn(task.getAssignee()), task,
                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(videoRow(code)).containsEntry("STATUS", 2).containsEntry("AUDITOR", task.getAssignee());
    }

    /** The webapp's login: a first page hands out the CSRF cookie, the login answers the session cookie. */
    private HttpHeaders signIn(String user) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = new ArrayList<>(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", xsrf);
        headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";")[0]).toList());
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + user, headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        cookies.addAll(login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
        Map<String, String> latest = new java.util.LinkedHashMap<>();
        cookies.stream().map(c -> c.split(";")[0]).forEach(c -> latest.put(c.split("=")[0], c));
        // the login starts a new session; its first read hands out that session's CSRF token, as in the browser
        HttpHeaders signedIn = new HttpHeaders();
        signedIn.put(HttpHeaders.COOKIE, List.copyOf(latest.values()));
        ResponseEntity<String> whoAmI = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(signedIn), String.class);
        assertThat(whoAmI.getBody()).contains("\"userId\":\"" + user + "\"");
        whoAmI.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";")[0])
                .forEach(c -> latest.put(c.split("=")[0], c));
        String token = latest.get("XSRF-TOKEN").substring("XSRF-TOKEN=".length());
        HttpHeaders session = new HttpHeaders();
        session.setContentType(MediaType.APPLICATION_JSON);
        session.set("X-XSRF-TOKEN", token);
        session.put(HttpHeaders.COOKIE, List.copyOf(latest.values()));
        return session;
    }

    private ResponseEntity<String> submitForm(HttpHeaders session, Task task, String body) {
        return http.exchange("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
                HttpMethod.POST, new HttpEntity<>(body, session), String.class);
    }
}
