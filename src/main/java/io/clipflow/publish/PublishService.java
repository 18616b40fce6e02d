package io.clipflow.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.clipflow.platform.ShardWriteHandler;
import io.clipflow.platform.ShardWrites;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
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

    record NewVideo(String title, String description, String videoUrl) {
    }

    private final VideoRepository videos;
    private final RuntimeService runtime;

    PublishService(VideoRepository videos, RuntimeService runtime) {
        this.videos = videos;
        this.runtime = runtime;
    }

    @Transactional
    public Video publish(String creator, NewVideo request) {
        Video video = new Video(VideoCodes.next(), creator, request.title().strip(), request.description().strip(),
                request.videoUrl().strip(), VideoStatus.PENDING, null, null, null,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), null); // as the database keeps it
        ShardWrites.apply(video, this);
        ProcessInstanceWithVariables process = runtime.createProcessInstanceByKey(PublishToDisplay.PROCESS_KEY)
                .businessKey(video.code())
                // what the screen and the audit form read; code and creator are on the row and the business key
                .setVariables(Map.of(
                        PublishToDisplay.TITLE, video.title(),
                        PublishToDisplay.DESCRIPTION, video.description(),
                        PublishToDisplay.VIDEO_URL, video.videoUrl()))
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
