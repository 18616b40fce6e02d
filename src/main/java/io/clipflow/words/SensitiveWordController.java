package io.clipflow.words;

import java.net.URI;
import java.util.List;

import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.Problems;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The word library for ops: list, add, remove, and try a text against what is live on this node. */
@RestController
@RequestMapping("/api/sensitive-words")
class SensitiveWordController {

    record NewWord(@NotBlank @Size(max = 100) String word, @NotNull WordLevel level) {
    }

    record CheckRequest(@NotNull @Size(max = 20_000) String text) {
    }

    record Hit(String word, WordLevel level, int start, int end, String found) {
    }

    record CheckResult(boolean blocked, List<Hit> hits) {
    }

    private final SensitiveWordRepository words;
    private final WordLibrary library;
    private final WordLibraryChanges changes;

    SensitiveWordController(SensitiveWordRepository words, WordLibrary library, WordLibraryChanges changes) {
        this.words = words;
        this.library = library;
        this.changes = changes;
    }

    @GetMapping
    List<SensitiveWord> list() {
        return words.findAll();
    }

    @PostMapping
    ResponseEntity<SensitiveWord> add(@Valid @RequestBody NewWord request) {
        SensitiveWord word = new SensitiveWord(request.word().strip(), request.level());
        try {
            words.insert(word);
        }
        catch (DuplicateKeyException ex) {
            throw Problems.conflict("WORD_EXISTS", "'" + word.word() + "' is in the library already");
        }
        applied();
        URI location = UriComponentsBuilder.fromPath("/api/sensitive-words/{word}").buildAndExpand(word.word())
                .encode().toUri();
        return ResponseEntity.created(location).body(word);
    }

    @DeleteMapping("/{word}")
    ResponseEntity<Void> remove(@PathVariable String word) {
        if (words.delete(word) == 0) {
            throw Problems.notFound("Sensitive word '" + word + "'");
        }
        applied();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/check")
    CheckResult check(@Valid @RequestBody CheckRequest request) {
        String text = request.text();
        List<Hit> hits = library.findAll(text).stream()
                .map(h -> new Hit(h.word(), h.level(), h.start(), h.end(), text.substring(h.start(), h.end())))
                .toList();
        return new CheckResult(hits.stream().anyMatch(h -> h.level() == WordLevel.BLOCK), hits);
    }

    /** This node first, synchronously, so the caller's next check already sees the change; then the others. */
    private void applied() {
        library.reload();
        changes.announce();
    }

    @Bean
    static ApiAccessRules sensitiveWordRules() {
        return rules -> rules.requestMatchers("/api/sensitive-words", "/api/sensitive-words/**")
                .hasAuthority(ApiAccessRules.group(ClipflowGroups.OPS));
    }
}
