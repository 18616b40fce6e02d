package io.clipflow.category;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ApiErrors;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.ProblemCode;
import io.clipflow.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "categories", description = "Video categories and the auditor pool of each")
@RestController
@Validated
class CategoryController {

    /**
     * {@code auditorGroup} is a Camunda group id as the engine accepts one by default (letters and digits); the
     * groups of creators and buyers are refused, as they would make their members auditors.
     */
    @Schema(example = "{\"name\": \"Cooking\", \"auditorGroup\": \"cookingAuditors\", \"fourEyes\": false}")
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

    @Operation(operationId = "listCategories", summary = "List the categories",
            description = "Every category a video may be published into, with its auditor group (its pool) and "
            + "whether two auditors must approve its videos; for anyone signed in.")
    @ApiErrors({})
    @GetMapping("/api/categories")
    List<Category> list() {
        return categories.all();
    }

    @Operation(operationId = "saveCategory", summary = "Create or change a category",
            description = "Ops create a category or change one; the change applies at once on every node. Its "
            + "auditor group is created if missing and set up as a pool (Tasklist access, a filter \"Pool: <name>\"). "
            + "A video keeps the pool it reached its audit with.")
    @ApiResponse(responseCode = "200", description = "The category was there and is changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Category.class)))
    @ApiResponse(responseCode = "201", description = "The category is created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Category.class)),
            headers = @Header(name = "Location", description = "/api/categories/{key}", schema = @Schema(type = "string")))
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.GROUP_NOT_FOR_AUDIT, ProblemCode.CONCURRENT_CHANGE })
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
