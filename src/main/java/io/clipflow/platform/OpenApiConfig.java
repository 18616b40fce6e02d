package io.clipflow.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of {@code /api}; the UI's "Authorize" button takes a Camunda user and password. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI clipflowApi() {
        return new OpenAPI()
                .info(new Info().title("clipflow API").version("1")
                        .description("Publishing and auditing, orders and seckill. HTTP Basic with a Camunda user; "
                                + "every error is an RFC 9457 problem detail (`application/problem+json`) with a "
                                + "stable `code`; each operation lists the codes it may answer.")
                        .contact(new Contact().name("clipflow")))
                .addServersItem(new Server().url("/").description("The node that serves this document"))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(ProblemSchema.NAME, ProblemSchema.schema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
