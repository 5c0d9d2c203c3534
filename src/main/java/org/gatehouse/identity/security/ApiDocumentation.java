package org.gatehouse.identity.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.gatehouse.identity.CurrentUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the API: bearer-token security, and {@link CurrentUser} hidden from
 * the parameters (it is resolved from the token, not sent by the client).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI gatehouseOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Gatehouse API")
                        .description(
                                "Licensing of AI accelerator exports: assessments, applications, the national compute"
                                        + " ledger, identity. Errors are RFC 9457 problem details.")
                        .version("v1"))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        "token",
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .description(
                                                        "An API token: gatehouse token create, or POST /api/v1/users/{id}/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
