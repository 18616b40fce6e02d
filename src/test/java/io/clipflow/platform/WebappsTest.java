package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.clipflow.ClipflowIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ClipflowIntegrationTest
class WebappsTest {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = { "tasklist", "cockpit", "admin" })
    void servesTheWebapp(String app) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).containsIgnoringCase("<html").containsIgnoringCase("camunda");
    }

    @ParameterizedTest
    @ValueSource(strings = { "tasklist", "cockpit", "admin" })
    void adminLogsIntoTheWebapp(String app) {
        // Camunda's webapps want CSRF: a first GET hands out the XSRF-TOKEN cookie
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", xsrf);
        headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";")[0]).toList());

        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/" + app,
                HttpMethod.POST, new HttpEntity<>("username=admin&password=admin", headers), String.class);

        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("\"userId\":\"admin\"").contains(app);
    }
}
