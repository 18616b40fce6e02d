package io.clipflow.publish;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public feed: approved videos, newest first, for anyone signed in; pages come from {@link FeedCache}. */
@RestController
@Validated
class FeedController {

    static final int MAX_PAGE_SIZE = 50;

    record FeedPage(List<FeedCache.FeedItem> items, int page, int size) {
    }

    private final VideoRepository videos;
    private final FeedCache cache;

    FeedController(VideoRepository videos, FeedCache cache) {
        this.videos = videos;
        this.cache = cache;
    }

    @GetMapping("/api/feed")
    FeedPage feed(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        List<FeedCache.FeedItem> items = cache.page(page, size, () -> videos.approvedNewestFirst(page, size).stream()
                .map(v -> new FeedCache.FeedItem(v.code(), v.title(), v.description(), v.videoUrl(), v.creator(),
                        v.createdAt()))
                .toList());
        return new FeedPage(items, page, size);
    }
}
