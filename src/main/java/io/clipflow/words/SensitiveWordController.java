package io.clipflow.words;

import java.net.URI;
import java.util.List;

import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ApiErrors;
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
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The word library for ops: page through, add, remove, import, and try a text against what is live on this node. */
@Tag(name = "sensitive-words", description = "The word library the publish screen applies (ops)")
@RestController
@RequestMapping("/api/sensitive-words")
class SensitiveWordController {

    static final int MAX_PAGE_SIZE = 1_000;

    @Schema(example = "{\"word\": \"casino\", \"level\": \"REVIEW\"}")
    record NewWord(@NotBlank @Size(max = 100) String word, @NotNull WordLevel level) {
    }

    @Schema(example = "{\"text\": \"Night market, short casino ad break\"}")
    record CheckRequest(@NotNull @Size(max = 20_000) String text) {
    }

    @Schema(example = "{\"word\": \"casino\", \"level\": \"REVIEW\", \"start\": 20, \"end\": 26, "
            + "\"found\": \"casino\"}")
    record Hit(String word, WordLevel level, int start, int end, String found) {
    }

    @Schema(example = "{\"blocked\": false, \"hits\": [{\"word\": \"casino\", \"level\": \"REVIEW\", \"start\": 20, "
            + "\"end\": 26, \"found\": \"casino\"}]}")
    record CheckResult(boolean blocked, List<Hit> hits) {
    }

    @Schema(example = "{\"items\": [{\"word\": \"casino\", \"level\": \"REVIEW\"}], \"page\": 0, \"size\": 50, "
            + "\"total\": 1}")
    record WordPage(List<SensitiveWord> items, int page, int size, long total) {
    }

    private final SensitiveWordRepository words;
    private final WordLibrary library;
    private final WordLibraryChanges changes;

    SensitiveWordController(SensitiveWordRepository words, WordLibrary library, WordLibraryChanges changes) {
        this.words = words;
        this.library = library;
        this.changes = changes;
    }

    /** A page of the library in word order; {@code q} keeps the words containing it, in any case. */
    @Operation(operationId = "listSensitiveWords", summary = "Page through the word library",
            description = "The words in word order with their level (BLOCK rejects a video, REVIEW flags it for the "
            + "auditor); q keeps the words containing it, in any case.")
    @ApiErrors(ProblemCode.FORBIDDEN)
    @GetMapping
    WordPage list(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String text = q == null || q.isBlank() ? null : q.strip();
        SensitiveWordRepository.Page found = words.page(text, page, size);
        return new WordPage(found.items(), page, size, found.total());
    }

    @Operation(operationId = "addSensitiveWord", summary = "Add a word",
            description = "Adds a word to the library; every node applies it at once.")
    @ApiResponse(responseCode = "201", description = "The word as stored", headers = @Header(name = "Location",
            description = "/api/sensitive-words/{word}, the word percent-encoded", schema = @Schema(type = "string")))
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.WORD_EXISTS })
    @PostMapping
    ResponseEntity<SensitiveWord> add(@Valid @RequestBody NewWord request) {
        SensitiveWord word = new SensitiveWord(request.word().strip(), request.level());
        try {
            words.insert(word);
        }
        catch (DuplicateKeyException ex) {
            throw Problems.conflict("WORD_EXISTS", "'" + word.word() + "' is in the library already");
        }
        applied(word.word());
        URI location = UriComponentsBuilder.fromPath("/api/sensitive-words/{word}").buildAndExpand(word.word())
                .encode().toUri();
        return ResponseEntity.created(location).body(word);
    }

    @Operation(operationId = "removeSensitiveWord", summary = "Remove a word",
            description = "Removes a word from the library; every node applies it at once.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.NOT_FOUND })
    @DeleteMapping("/{word}")
    ResponseEntity<Void> remove(@PathVariable String word) {
        if (words.delete(word) == 0) {
            throw Problems.notFound("Sensitive word '" + word + "'");
        }
        applied(word);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "checkText", summary = "Check a text",
            description = "The library's hits in a text, with their positions and levels, "
            + "as the publish screen sees them.")
    @ApiErrors(ProblemCode.FORBIDDEN)
    @PostMapping("/check")
    CheckResult check(@Valid @RequestBody CheckRequest request) {
        String text = request.text();
        List<Hit> hits = library.findAll(text).stream()
                .map(h -> new Hit(h.word(), h.level(), h.start(), h.end(), text.substring(h.start(), h.end())))
                .toList();
        return new CheckResult(hits.stream().anyMatch(h -> h.level() == WordLevel.BLOCK), hits);
    }

    /** This node first, synchronously, so the caller's next check already sees the change; then the others. */
    private void applied(String word) {
        library.awaitBuilt(library.refresh(word));
        changes.announceWord(word);
    }

    @Bean
    static ApiAccessRules sensitiveWordRules() {
        return rules -> rules.requestMatchers("/api/sensitive-words", "/api/sensitive-words/**")
                .hasAuthority(ApiAccessRules.group(ClipflowGroups.OPS));
    }
}
