package io.clipflow.words;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.clipflow.platform.ApiErrors;
import io.clipflow.platform.ProblemCode;
import io.clipflow.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sensitive-words/import}: a text ({@code word<TAB>LEVEL}) or CSV ({@code word,level}) body of up
 * to {@value WordImports#MAX_WORDS} words, read as a stream (UTF-8 unless the content type names a charset).
 * Ops only, by the library's access rule.
 */
@Tag(name = "sensitive-words")
@RestController
class WordImportController {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private final WordImports imports;

    WordImportController(WordImports imports) {
        this.imports = imports;
    }

    @Operation(operationId = "importSensitiveWords", summary = "Import words",
            description = "Adds up to 200,000 words at once, all or nothing: a text body of word<TAB>LEVEL lines or a "
            + "CSV body of word,level lines; words already in the library are reported, not changed.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = "string"),
                    examples = @ExampleObject("casino\tREVIEW\n赌博\tBLOCK\n")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject("word,level\ncasino,REVIEW\n赌博,BLOCK\n")) })
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.UNSUPPORTED_MEDIA_TYPE, ProblemCode.IMPORT_TOO_LARGE,
            ProblemCode.IMPORT_REJECTED, ProblemCode.IMPORT_CONFLICT })
    @PostMapping("/api/sensitive-words/import")
    WordImports.ImportReport importWords(HttpServletRequest request) throws IOException {
        MediaType type = mediaType(request.getContentType());
        WordImportParser.Format format;
        if (type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
            format = WordImportParser.Format.TEXT;
        }
        else if (type.isCompatibleWith(CSV)) {
            format = WordImportParser.Format.CSV;
        }
        else {
            throw unsupported();
        }
        Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        try (BufferedReader body = new BufferedReader(new InputStreamReader(request.getInputStream(), charset))) {
            return imports.importWords(body, format);
        }
    }

    private static MediaType mediaType(String header) {
        if (header == null) {
            throw unsupported();
        }
        try {
            return MediaType.parseMediaType(header);
        }
        catch (IllegalArgumentException ex) { // a malformed type, or a charset this JVM does not know
            throw unsupported();
        }
    }

    private static RuntimeException unsupported() {
        return Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "An import is text/plain (word<TAB>LEVEL per line) or text/csv (word,level per line)");
    }
}
