package io.clipflow.publish;

import java.util.List;

import io.clipflow.platform.ApiErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public feed: approved videos, newest first, for anyone signed in; pages come from {@link FeedCache}. */
@Tag(name = "videos", description = "Publishing videos, reading one, searching them")
@RestController
@Validated
class FeedController {

    static final int MAX_PAGE_SIZE = 50;

    @Schema(example = "{\"items\": [{\"code\": \"V7Q2XK9M4T\", \"title\": \"Street food tour\", "
            + "\"description\": \"Night market\", \"videoUrl\": \"https://videos.example/food.mp4\", "
            + "\"creator\": \"creator1\", \"createdAt\": \"2030-01-01T10:00:00Z\"}], \"page\": 0, \"size\": 20}")
    record FeedPage(List<FeedCache.FeedItem> items, int page, int size) {
    }

    private final VideoRepository videos;
    private final FeedCache cache;

    FeedController(VideoRepository videos, FeedCache cache) {
        this.videos = videos;
        this.cache = cache;
    }

    @Operation(operationId = "getFeed", summary = "The feed",
            description = "Approved videos, newest first, for anyone signed in.")
    @ApiErrors({})
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
