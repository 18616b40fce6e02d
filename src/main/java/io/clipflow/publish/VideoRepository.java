package io.clipflow.publish;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.clipflow.category.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code publish} table, sharded by code: single-video statements always name the code, so they hit one shard. */
@Repository
class VideoRepository {

    static final String COLUMNS = "code, creator, title, description, video_url, status, flagged_words, auditor, "
            + "reason, created_at, decided_at, category";

    private final JdbcClient jdbc;

    VideoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Video video) {
        jdbc.sql("INSERT INTO publish (code, creator, title, description, video_url, status, created_at, category) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(video.code(), video.creator(), video.title(), video.description(), video.videoUrl(),
                        video.status().code(), video.createdAt(), video.category())
                .update();
    }

    Optional<Video> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publish WHERE code = ?").param(code)
                .query(VideoRepository::map).optional();
    }

    List<Video> findAll(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", codes.stream().map(c -> "?").toList());
        return jdbc.sql("SELECT " + COLUMNS + " FROM publish WHERE code IN (" + marks + ")")
                .params(codes.toArray()).query(VideoRepository::map).list();
    }

    int recordFlaggedWords(String code, String flaggedWords) {
        return jdbc.sql("UPDATE publish SET flagged_words = ? WHERE code = ?").params(flaggedWords, code).update();
    }

    /** Only a pending video can be decided, so a decision is never applied twice. */
    int decide(String code, VideoStatus status, String auditor, String reason, OffsetDateTime at) {
        return jdbc.sql("UPDATE publish SET status = ?, auditor = ?, reason = ?, decided_at = ? "
                + "WHERE code = ? AND status = ?")
                .params(status.code(), auditor, reason, at, code, VideoStatus.PENDING.code()).update();
    }

    List<Video> approvedNewestFirst(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publish WHERE status = ? "
                + "ORDER BY created_at DESC, code ASC LIMIT ? OFFSET ?")
                .params(VideoStatus.APPROVED.code(), size, page * size).query(VideoRepository::map).list();
    }

    /** A row without a category is a video published before categories existed: it reads as general. */
    static Video map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        return new Video(rs.getString("code"), rs.getString("creator"), rs.getString("title"),
                rs.getString("description"), rs.getString("video_url"), VideoStatus.ofCode(rs.getInt("status")),
                rs.getString("flagged_words"), rs.getString("auditor"), rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                category == null ? Category.GENERAL : category, null);
    }
}
