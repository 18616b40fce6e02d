package io.clipflow.publish;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clipflow.words.WordLibrary;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real publishing classes over a plain database, for process tests that run without Spring. */
public final class PublishFixtures {

    private final VideoRepository repository;
    private final Videos videos;

    public PublishFixtures(JdbcClient jdbc, StringRedisTemplate redis) {
        this.repository = new VideoRepository(jdbc);
        this.videos = new Videos(repository,
                new FeedCache(redis, new ObjectMapper().registerModule(new JavaTimeModule()), Duration.ofMinutes(1)));
    }

    public Videos videos() {
        return videos;
    }

    /** The word screen step, over {@code library}. */
    public JavaDelegate checkSensitiveWords(WordLibrary library) {
        return new CheckSensitiveWords(library, videos);
    }

    /** Inserts a pending video as publishing does, and returns its code. */
    public String pendingVideo(String title, String description) {
        return pendingVideo(title, description, null);
    }

    /** The same in {@code category} (null: a row from before categories, read as general). */
    public String pendingVideo(String title, String description, String category) {
        String code = VideoCodes.next();
        repository.insert(new Video(code, "creator1", title, description, "https://v.example/" + code,
                VideoStatus.PENDING, null, null, null, OffsetDateTime.now(ZoneOffset.UTC), null, category, null));
        return code;
    }
}
