package io.clipflow.order;

import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ClipflowGroups;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the order API. Reading an order or paying for it is checked per order in code (its buyer or
 * ops; anyone else gets 404, as if it did not exist), so those paths only need a signed-in caller here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    @Bean
    ApiAccessRules orderAccessRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/orders/tokens", "/api/orders")
                .hasAuthority(ApiAccessRules.group(ClipflowGroups.BUYERS));
    }
}
