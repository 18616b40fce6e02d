package io.clipflow.publish;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search over all shards (ShardingSphere fans the query out and merges the ordered pages). The SQL is built
 * from fixed fragments only; every value the caller sent is a parameter, so a title such as
 * {@code x' OR '1'='1} is just a title nobody wrote. The order is total (time, then code), so pages are stable.
 */
@Component
class VideoSearch {

    static final int MAX_PAGE_SIZE = 100;

    record Criteria(String title, OffsetDateTime from, OffsetDateTime to, VideoStatus status, String auditor,
            int page, int size) {
    }

    record Page(List<Video> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;

    VideoSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page search(Criteria criteria) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (criteria.title() != null && !criteria.title().isBlank()) {
            conditions.add("title LIKE ? ESCAPE '!'");
            params.add("%" + escapeLike(criteria.title().strip()) + "%");
        }
        if (criteria.from() != null) {
            conditions.add("created_at >= ?");
            params.add(criteria.from());
        }
        if (criteria.to() != null) {
            conditions.add("created_at < ?");
            params.add(criteria.to());
        }
        if (criteria.status() != null) {
            conditions.add("status = ?");
            params.add(criteria.status().code());
        }
        if (criteria.auditor() != null && !criteria.auditor().isBlank()) {
            conditions.add("auditor = ?");
            params.add(criteria.auditor());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        long total = jdbc.sql("SELECT COUNT(*) FROM publish" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(criteria.size());
        pageParams.add(criteria.page() * criteria.size());
        List<Video> items = jdbc.sql("SELECT " + VideoRepository.COLUMNS + " FROM publish" + where
                + " ORDER BY created_at DESC, code ASC LIMIT ? OFFSET ?")
                .params(pageParams).query(VideoRepository::map).list();
        return new Page(items, criteria.page(), criteria.size(), total);
    }

    /** LIKE wildcards in the caller's text are matched literally. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
