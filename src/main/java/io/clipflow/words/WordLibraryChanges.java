package io.clipflow.words;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells every node that the word library changed: a message on a Redis channel makes each node reload its
 * matcher at once. Redis being down must neither stop start-up nor a change: the subscription is made (and
 * made again after Redis comes back) by a scheduled check instead of at start, and the periodic reload of
 * {@link WordLibrary} catches up with any change announced while a node was not listening.
 */
@Component
class WordLibraryChanges implements SmartLifecycle {

    static final String CHANNEL = "clipflow:words:changed";

    private static final Logger log = LoggerFactory.getLogger(WordLibraryChanges.class);

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer listener = new RedisMessageListenerContainer();

    WordLibraryChanges(StringRedisTemplate redis, RedisConnectionFactory connections, WordLibrary library) {
        this.redis = redis;
        listener.setConnectionFactory(connections);
        listener.addMessageListener((message, pattern) -> {
            try {
                library.reload();
            }
            catch (RuntimeException ex) {
                log.warn("Word library reload on announcement failed: {}", ex.getMessage());
            }
        }, new ChannelTopic(CHANNEL));
        listener.afterPropertiesSet();
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

    @Scheduled(initialDelay = 0, fixedDelayString = "${clipflow.words.resubscribe-every:PT10S}")
    void keepListening() {
        if (!running || listener.isListening()) {
            return;
        }
        try {
            listener.stop();
            listener.start();
            log.info("Listening for word library changes on Redis channel {}", CHANNEL);
        }
        catch (RuntimeException ex) {
            log.warn("Not listening for word library changes yet (Redis: {}); retrying", ex.getMessage());
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true; // the subscription itself is made by keepListening, so that Redis may be down at start
    }

    /**
     * Runs in an earlier shutdown phase than the Redis connection factory's, so the subscription is given back
     * while its connection still exists.
     */
    @Override
    public void stop() {
        running = false;
        try {
            listener.destroy();
        }
        catch (Exception ex) {
            log.debug("Word library subscription closed with: {}", ex.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
