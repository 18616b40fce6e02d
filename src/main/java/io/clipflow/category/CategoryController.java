package io.clipflow.category;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Categories: anyone signed in reads them (the creator's app offers them); ops create and change them. */
@RestController
@Validated
class CategoryController {

    /**
     * {@code auditorGroup} is a Camunda group id as the engine accepts one by default (letters and digits); the
     * groups of creators and buyers are refused, as they would make their members auditors.
     */
    record CategoryRequest(@NotBlank @Size(max = 30) String name,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9]{1,64}", message = "must be 1 to 64 letters or digits")
            String auditorGroup,
            @NotNull Boolean fourEyes) {
    }

    private static final Set<String> NOT_FOR_AUDIT = Set.of(ClipflowGroups.CREATORS, ClipflowGroups.BUYERS);

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping("/api/categories")
    List<Category> list() {
        return categories.all();
    }

    @PutMapping("/api/categories/{key}")
    ResponseEntity<Category> put(@PathVariable @Pattern(regexp = Category.KEY_PATTERN,
            message = "must be lower-case letters, digits and dashes, at most 32") String key,
            @Valid @RequestBody CategoryRequest request) {
        if (NOT_FOR_AUDIT.contains(request.auditorGroup())) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "GROUP_NOT_FOR_AUDIT",
                    "Members of '" + request.auditorGroup() + "' may not audit videos");
        }
        Category category = new Category(key, request.name().strip(), request.auditorGroup(), request.fourEyes());
        boolean created;
        try {
            created = categories.save(category);
        }
        catch (DuplicateKeyException ex) {
            throw Problems.conflict("CONCURRENT_CHANGE", "Category " + key + " was created at the same moment; retry");
        }
        return created ? ResponseEntity.created(URI.create("/api/categories/" + key)).body(category)
                : ResponseEntity.ok(category);
    }

    @Bean
    static ApiAccessRules categoryRules() {
        return rules -> rules.requestMatchers(HttpMethod.PUT, "/api/categories/**")
                .hasAuthority(ApiAccessRules.group(ClipflowGroups.OPS));
    }
}
