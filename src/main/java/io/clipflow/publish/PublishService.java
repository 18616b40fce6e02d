package io.clipflow.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.clipflow.category.Categories;
import io.clipflow.category.Category;
import io.clipflow.platform.Problems;
import io.clipflow.platform.ShardWriteHandler;
import io.clipflow.platform.ShardWrites;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing: the video row (pending) and its publish-to-display process start in one transaction, so there is
 * never a row without a process or a process without its row: the row is a {@link ShardWrites shard write} the
 * engine's commit owes. The process runs to its first wait state (the audit task, or the end when a blocked word
 * rejects it) before this returns.
 */
@Service
class PublishService implements ShardWriteHandler<Video> {

    /** {@code category}: a category's key, null for general. */
    record NewVideo(String title, String description, String videoUrl, String category) {

        NewVideo(String title, String description, String videoUrl) {
            this(title, description, videoUrl, null);
        }
    }

    private final VideoRepository videos;
    private final RuntimeService runtime;
    private final Categories categories;

    PublishService(VideoRepository videos, RuntimeService runtime, Categories categories) {
        this.videos = videos;
        this.runtime = runtime;
        this.categories = categories;
    }

    /** Refuses a category no row names (400 {@code UNKNOWN_CATEGORY}) before anything is written. */
    @Transactional
    public Video publish(String creator, NewVideo request) {
        String category = request.category() == null ? Category.GENERAL : request.category();
        if (categories.find(category).isEmpty()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "UNKNOWN_CATEGORY", "There is no category '" + category
                    + "'; GET /api/categories lists them");
        }
        Video video = new Video(VideoCodes.next(), creator, request.title().strip(), request.description().strip(),
                request.videoUrl().strip(), VideoStatus.PENDING, null, null, null,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), null, // as the database keeps it
                category, null);
        ShardWrites.apply(video, this);
        ProcessInstanceWithVariables process = runtime.createProcessInstanceByKey(PublishToDisplay.PROCESS_KEY)
                .businessKey(video.code())
                // what the screen and the audit form read; code and creator are on the row and the business key
                .setVariables(Map.of(
                        PublishToDisplay.TITLE, video.title(),
                        PublishToDisplay.DESCRIPTION, video.description(),
                        PublishToDisplay.VIDEO_URL, video.videoUrl(),
                        PublishToDisplay.CATEGORY, category))
                .executeWithVariablesInReturn();
        if (process.isEnded()) {
            return videos.find(video.code()).orElseThrow(); // auto-rejected: the row holds the decision
        }
        // waiting for its auditor: nothing but the flagged words changed, and the process knows them
        return video.withFlaggedWords((String) process.getVariables().get(PublishToDisplay.FLAGGED_WORDS));
    }

    @Override
    public Class<Video> writeType() {
        return Video.class;
    }

    /** Inserts the new video's row (again only if it is missing). */
    @Override
    public void apply(Video video, boolean redo) {
        if (!redo || videos.find(video.code()).isEmpty()) {
            videos.insert(video);
        }
    }
}
