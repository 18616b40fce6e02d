package io.clipflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every request an API test makes and every answer it gets, through MockMvc or TestRestTemplate, is checked
 * against the OpenAPI document the app serves ({@code /v3/api-docs}): an answer the document does not describe
 * (a status, a header, a body, a problem {@code code} not listed for that operation and status) fails the test.
 * A request is checked when the app accepted it (2xx): a refused one is meant to break the document's rules.
 * Paths outside the document (engine REST, actuator, webapps) are not checked.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApiDocumentValidation {

    private final Environment environment;
    private volatile OpenApiInteractionValidator validator;

    ApiDocumentValidation(Environment environment) {
        this.environment = environment;
    }

    @Bean
    MockMvcBuilderCustomizer validateAgainstTheApiDocument() {
        return builder -> builder.alwaysExpect(result -> check(MockMvcRequest.of(result.getRequest()),
                MockMvcResponse.of(result.getResponse())));
    }

    @Bean
    RestTemplateCustomizer validateRestCallsAgainstTheApiDocument() {
        return template -> template.getInterceptors().add((request, body, execution) -> {
            ClientHttpResponse response = execution.execute(request, body);
            byte[] content = response.getBody().readAllBytes();
            SimpleRequest.Builder asked = new SimpleRequest.Builder(request.getMethod().name(),
                    request.getURI().getRawPath()).withBody(body);
            request.getHeaders().forEach(asked::withHeader);
            UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().forEach(asked::withQueryParam);
            SimpleResponse.Builder answered = SimpleResponse.Builder.status(response.getStatusCode().value())
                    .withBody(content);
            response.getHeaders().forEach(answered::withHeader);
            check(asked.build(), answered.build());
            return replay(response, content);
        });
    }

    void check(Request request, Response response) {
        OpenApiInteractionValidator document = document();
        ValidationReport report = document.validateResponse(request.getPath(), request.getMethod(), response);
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            report = report.merge(document.validateRequest(request));
        }
        ValidationReport checked = report;
        assertThat(checked.hasErrors()).as(() -> request.getMethod() + " " + request.getPath() + " → "
                + response.getStatus() + " is not what the API document says:\n"
                + SimpleValidationReportFormat.getInstance().apply(checked)).isFalse();
    }

    private OpenApiInteractionValidator document() {
        if (validator == null) {
            synchronized (this) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator
                            .createForSpecificationUrl("http://localhost:"
                                    + environment.getRequiredProperty("local.server.port") + "/v3/api-docs")
                            // an error answer is the Problem schema and its narrowed code, one object
                            .withResolveCombinators(true)
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                                    .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                }
            }
        }
        return validator;
    }

    private static ClientHttpResponse replay(ClientHttpResponse response, byte[] content) {
        return new ClientHttpResponse() {
            @Override
            public HttpStatusCode getStatusCode() throws IOException {
                return response.getStatusCode();
            }

            @Override
            public String getStatusText() throws IOException {
                return response.getStatusText();
            }

            @Override
            public HttpHeaders getHeaders() {
                return response.getHeaders();
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(content);
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }
}
