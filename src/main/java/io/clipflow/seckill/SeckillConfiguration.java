package io.clipflow.seckill;

import java.util.ArrayList;
import java.util.List;

import io.clipflow.order.OrderBook;
import io.clipflow.order.OrderRefusedException;
import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ClipflowGroups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the seckill API, and the seckill process's glue to the engine and the order book. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SeckillProperties.class)
class SeckillConfiguration {

    @Bean
    ApiAccessRules seckillAccessRules() {
        String ops = ApiAccessRules.group(ClipflowGroups.OPS);
        String buyers = ApiAccessRules.group(ClipflowGroups.BUYERS);
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/seckill/events", "/api/seckill/events/*/reconcile")
                .hasAuthority(ops)
                .requestMatchers(HttpMethod.POST, "/api/seckill/events/*/attempts", "/api/seckill/events/*/tokens")
                .hasAuthority(buyers);
    }

    /** A refused order fails the step with its code first, so the incident and the attempt's reason show it. */
    @Bean
    SeckillOrders seckillOrders(Attempts attempts, OrderBook orderBook) {
        return new SeckillOrders(attempts, (buyer, itemId, quantity, source) -> {
            try {
                return orderBook.place(buyer, itemId, quantity, source).orderNo();
            }
            catch (OrderRefusedException refused) {
                throw new IllegalStateException(refused.code() + ": " + refused.getMessage(), refused);
            }
        });
    }

    @Bean
    static ProcessEnginePlugin seckillIncidentPlugin(ObjectProvider<SeckillOrders> orders) {
        return incidentPlugin(new FailedAttemptIncidentHandler(orders::getObject));
    }

    /** Installs {@code handler} in place of the engine's default failed-job handler (which it extends). */
    static ProcessEnginePlugin incidentPlugin(FailedAttemptIncidentHandler handler) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                        : new ArrayList<>(configuration.getCustomIncidentHandlers());
                handlers.add(handler);
                configuration.setCustomIncidentHandlers(handlers);
            }
        };
    }
}
