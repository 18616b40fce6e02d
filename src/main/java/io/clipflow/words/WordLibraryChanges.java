package io.clipflow.words;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Tells every node that the word library changed: a message on a Redis channel makes each node reload its
 * matcher at once. Redis being down neither stops start-up (the container keeps retrying in the background)
 * nor a change (the periodic reload of {@link WordLibrary} catches up).
 */
@Configuration(proxyBeanMethods = false)
public class WordLibraryChanges {

    static final String CHANNEL = "clipflow:words:changed";

    private static final Logger log = LoggerFactory.getLogger(WordLibraryChanges.class);

    private final StringRedisTemplate redis;

    WordLibraryChanges(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Announces a change; the caller has already applied it on this node. */
    void announce() {
        try {
            redis.convertAndSend(CHANNEL, "reload");
        }
        catch (RuntimeException ex) {
            log.warn("Could not announce a word library change; other nodes reload within their period: {}",
                    ex.getMessage());
        }
    }

    @Bean
    RedisMessageListenerContainer wordLibraryListener(RedisConnectionFactory connections, WordLibrary library) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setRecoveryBackoff(new FixedBackOff(5_000, FixedBackOff.UNLIMITED_ATTEMPTS));
        container.addMessageListener((message, pattern) -> {
            try {
                library.reload();
            }
            catch (RuntimeException ex) {
                log.warn("Word library reload on announcement failed: {}", ex.getMessage());
            }
        }, new ChannelTopic(CHANNEL));
        return container;
    }
}
