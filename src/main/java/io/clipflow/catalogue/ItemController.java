package io.clipflow.catalogue;

import java.net.URI;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/items}: ops add items with their stock; anyone signed in reads an item with its current stock. */
@Tag(name = "items", description = "The catalogue: items with their price and stock")
@RestController
@RequestMapping("/api/items")
class ItemController {

    @Schema(example = "{\"name\": \"Ring light\", \"priceCents\": 2599, \"stock\": 5}")
    record NewItem(@NotBlank @Size(max = 200) String name, @NotNull @PositiveOrZero Long priceCents,
            @NotNull @PositiveOrZero Integer stock) {
    }

    private final Items items;

    ItemController(Items items) {
        this.items = items;
    }

    @Operation(operationId = "createItem", summary = "Add an item",
            description = "Ops add an item with its price in cents and its stock.")
    @ApiResponse(responseCode = "201", description = "The item as stored",
            headers = @Header(name = "Location", description = "/api/items/{id}", schema = @Schema(type = "string")))
    @ApiErrors(ProblemCode.FORBIDDEN)
    @PostMapping
    ResponseEntity<Item> create(@Valid @RequestBody NewItem request) {
        Item item = items.create(request.name().trim(), request.priceCents(), request.stock());
        return ResponseEntity.created(URI.create("/api/items/" + item.id())).body(item);
    }

    @Operation(operationId = "getItem", summary = "Read an item",
            description = "An item with its current stock, for anyone signed in.")
    @ApiErrors(ProblemCode.NOT_FOUND)
    @GetMapping("/{id}")
    Item find(@PathVariable long id) {
        return items.find(id).orElseThrow(() -> Problems.notFound("Item " + id));
    }

    @Bean
    static ApiAccessRules itemRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/items")
                .hasAuthority(ApiAccessRules.group(ClipflowGroups.OPS));
    }
}
