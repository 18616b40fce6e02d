package io.clipflow.publish;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.clipflow.platform.ShardWriteHandler;
import io.clipflow.platform.ShardWrites;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public face of publishing for the audit feature: read a video, record what the word screen flagged,
 * record a decision. Writes join the caller's transaction (inside a process step: the engine's), so a failed
 * step leaves no half-written video behind.
 */
@Service
public class Videos implements ShardWriteHandler<Videos.FlaggedWords> {

    /** What the word screen flagged in a video, kept on its row for the auditor and the API. */
    public record FlaggedWords(String code, String words) {
    }

    private final VideoRepository repository;
    private final FeedCache feed;

    Videos(VideoRepository repository, FeedCache feed) {
        this.repository = repository;
        this.feed = feed;
    }

    public Optional<Video> find(String code) {
        return repository.find(code);
    }

    public List<Video> findAll(List<String> codes) {
        return repository.findAll(codes);
    }

    public void recordFlaggedWords(String code, String flaggedWords) {
        ShardWrites.apply(new FlaggedWords(code, flaggedWords), this);
    }

    @Override
    public Class<FlaggedWords> writeType() {
        return FlaggedWords.class;
    }

    @Override
    public void apply(FlaggedWords flagged, boolean redo) {
        repository.recordFlaggedWords(flagged.code(), flagged.words());
    }

    /**
     * Sets the final status of a pending video. Returns false when it was decided already (nothing changed).
     * An approval refreshes the feed once the transaction has committed, so no reader caches the old state.
     * Not a shard write of its own: the caller's write (an audit decision) includes it.
     */
    public boolean decide(String code, VideoStatus status, String auditor, String reason) {
        if (status == VideoStatus.PENDING) {
            throw new IllegalArgumentException("a decision is APPROVED or REJECTED");
        }
        boolean decided = repository.decide(code, status, auditor, reason, OffsetDateTime.now()) == 1;
        if (decided && status == VideoStatus.APPROVED) {
            afterCommit(feed::invalidate);
        }
        return decided;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
        else {
            action.run();
        }
    }
}
