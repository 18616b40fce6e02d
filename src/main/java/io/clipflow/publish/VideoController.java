package io.clipflow.publish;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import io.clipflow.category.Categories;
import io.clipflow.category.Category;
import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ApiErrors;
import io.clipflow.platform.CallerGroups;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.ProblemCode;
import io.clipflow.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishing (creators), one video (its creator, auditors and ops; anyone else gets 404, so codes of other
 * people's unpublished videos cannot be probed) and the search over all shards (auditors, ops).
 */
@Tag(name = "videos", description = "Publishing videos, reading one, searching them")
@RestController
@Validated
class VideoController {

    @Schema(example = "{\"title\": \"Street food tour\", \"description\": \"Night market, short casino ad break\", "
            + "\"videoUrl\": \"https://videos.example/food.mp4\", \"category\": \"cooking\"}")
    record PublishRequest(@NotBlank @Size(max = 200) String title, @NotNull @Size(max = 2000) String description,
            @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String videoUrl,
            @Pattern(regexp = Category.KEY_PATTERN, message = "must be a category key (GET /api/categories)")
            String category) {
    }

    @Schema(example = "{\"items\": [{\"code\": \"V7Q2XK9M4T\", \"creator\": \"creator1\", "
            + "\"title\": \"Street food tour\", \"description\": \"Night market\", "
            + "\"videoUrl\": \"https://videos.example/food.mp4\", \"status\": \"APPROVED\", "
            + "\"auditor\": \"auditor2\", \"createdAt\": \"2030-01-01T10:00:00Z\", "
            + "\"decidedAt\": \"2030-01-01T10:05:00Z\", \"category\": \"cooking\"}], \"page\": 0, \"size\": 20, "
            + "\"total\": 1}")
    record SearchPage(List<Video> items, int page, int size, long total) {
    }

    private final PublishService publishing;
    private final VideoRepository videos;
    private final VideoSearch search;
    private final TaskService tasks;
    private final Categories categories;
    private final ObjectProvider<DecisionHistory> decisions;

    VideoController(PublishService publishing, VideoRepository videos, VideoSearch search, TaskService tasks,
            Categories categories, ObjectProvider<DecisionHistory> decisions) {
        this.publishing = publishing;
        this.videos = videos;
        this.search = search;
        this.tasks = tasks;
        this.categories = categories;
        this.decisions = decisions;
    }

    @Operation(operationId = "publishVideo", summary = "Publish a video",
            description = "A creator publishes a video into a category (general if none is given): its text is "
            + "screened for sensitive words and it is sent to an auditor of the category's pool; it shows on the feed "
            + "once approved (by two auditors in a four-eyes category or with a flagged word).")
    @ApiResponse(responseCode = "201", description = "The video as stored; its status follows the screen and the audit",
            headers = @Header(name = "Location", description = "/api/videos/{code}", schema = @Schema(type = "string")))
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.UNKNOWN_CATEGORY })
    @PostMapping("/api/videos")
    ResponseEntity<Video> publish(@Valid @RequestBody PublishRequest request, Authentication caller) {
        Video video = publishing.publish(caller.getName(),
                new PublishService.NewVideo(request.title(), request.description(), request.videoUrl(),
                        request.category()));
        return ResponseEntity.created(URI.create("/api/videos/" + video.code())).body(video);
    }

    @Operation(operationId = "getVideo", summary = "Read a video",
            description = "A video with its category and its audit's state, every decision so far included, "
            + "to its creator, auditors and ops; to anyone else it does not exist (404).")
    @ApiErrors(ProblemCode.NOT_FOUND)
    @GetMapping("/api/videos/{code}")
    Video video(@PathVariable String code, Authentication caller) {
        Video video = (VideoCodes.looksValid(code) ? videos.find(code) : java.util.Optional.<Video>empty())
                .filter(v -> v.isVisibleTo(caller.getName(), isStaff(caller)))
                .orElseThrow(() -> Problems.notFound("Video " + code));
        DecisionHistory history = decisions.getIfAvailable();
        if (history != null) {
            video = video.withDecisions(history.of(code));
        }
        if (!video.isPending()) {
            return video;
        }
        // the row names the auditor once decided; while it waits, the engine knows whose task it is
        Task audit = tasks.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKeyIn(PublishToDisplay.reviewTasks()).singleResult();
        return audit == null || audit.getAssignee() == null ? video : video.withAuditor(audit.getAssignee());
    }

    @Operation(operationId = "searchVideos", summary = "Search videos",
            description = "Auditors and ops search across all shards by title, time, "
            + "status and auditor, newest first.")
    @ApiErrors(ProblemCode.FORBIDDEN)
    @GetMapping("/api/videos")
    SearchPage search(@RequestParam(required = false) @Size(max = 200) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) VideoStatus status,
            @RequestParam(required = false) @Size(max = 64) String auditor,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(VideoSearch.MAX_PAGE_SIZE) int size) {
        VideoSearch.Page found = search.search(new VideoSearch.Criteria(title, from, to, status, auditor, page, size));
        return new SearchPage(found.items(), found.page(), found.size(),
                found.total());
    }

    /** Ops, and the auditors of every pool. */
    private boolean isStaff(Authentication caller) {
        return CallerGroups.isInAny(caller, ClipflowGroups.OPS) || categories.isAuditor(CallerGroups.of(caller));
    }

    @Bean
    static ApiAccessRules videoRules(Categories categories) {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/videos").hasAuthority(ApiAccessRules.group(ClipflowGroups.CREATORS))
                .requestMatchers(HttpMethod.GET, "/api/videos").access((caller, request) -> new AuthorizationDecision(
                        CallerGroups.isInAny(caller.get(), ClipflowGroups.OPS)
                                || categories.isAuditor(CallerGroups.of(caller.get()))));
    }
}
