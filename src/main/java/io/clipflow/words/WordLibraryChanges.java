package io.clipflow.words;

import java.nio.charset.StandardCharsets;

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
 * Tells every node that the word library changed, on a Redis channel. A message names the word that changed
 * ({@value #WORD_PREFIX}{@code <word>}), and each node reads that one row back by its key, so a change costs a
 * node one lookup and one matcher build, whatever the library's size; the row, not the message, says what the
 * word is now, so two changes of one word announced out of order still end in the table's state. Any other
 * message ({@value #RELOAD} after a bulk import, or from an older node) makes each node read the whole table.
 * Redis being down must neither stop start-up nor a change: the subscription is made (and
 * made again after Redis comes back) by a scheduled check instead of at start, and the periodic reload of
 * {@link WordLibrary} catches up with any change announced while a node was not listening.
 */
@Component
class WordLibraryChanges implements SmartLifecycle {

    static final String CHANNEL = "clipflow:words:changed";
    static final String WORD_PREFIX = "word:";
    static final String RELOAD = "reload";

    private static final Logger log = LoggerFactory.getLogger(WordLibraryChanges.class);

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer listener = new RedisMessageListenerContainer();

    WordLibraryChanges(StringRedisTemplate redis, RedisConnectionFactory connections, WordLibrary library) {
        this.redis = redis;
        listener.setConnectionFactory(connections);
        listener.addMessageListener((message, pattern) -> {
            String body = new String(message.getBody(), StandardCharsets.UTF_8);
            try {
                if (body.startsWith(WORD_PREFIX)) {
                    library.refresh(body.substring(WORD_PREFIX.length()));
                }
                else {
                    library.refresh();
                }
            }
            catch (RuntimeException ex) {
                log.warn("Applying an announced word library change failed; the periodic reload will: {}",
                        ex.getMessage());
            }
        }, new ChannelTopic(CHANNEL));
        listener.afterPropertiesSet();
    }

    /** Announces a change of one word; the caller has already applied it on this node. */
    void announceWord(String word) {
        announce(WORD_PREFIX + word);
    }

    /** Announces a change of many words: every node reads the whole table. */
    void announceAll() {
        announce(RELOAD);
    }

    private void announce(String message) {
        try {
            redis.convertAndSend(CHANNEL, message);
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
