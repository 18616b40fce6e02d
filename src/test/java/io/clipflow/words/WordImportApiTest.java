package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;


import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.platform.PhysicalShards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The bulk import through the API. Imported words start with {@value #PREFIX}, which no other test's text
 * contains, and are deleted after each test, so the shared context's library is as the other tests expect.
 */
@ClipflowIntegrationTest
class WordImportApiTest {

    static final String PREFIX = "zqx";

    @Autowired
    MockMvc mvc;

    @Autowired
    WordLibrary library;

    @Autowired
    SensitiveWordRepository words;

    @Autowired
    JdbcClient clipflowJdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void removeImportedWords() {
        clipflowJdbc.sql("DELETE FROM sensitive_word WHERE word LIKE ?").param(PREFIX + "%").update();
        library.reload();
    }

    /** {@code zqx} and the index in base 26, four letters: distinct, and all of the same length. */
    static String word(int index) {
        char[] letters = new char[4];
        for (int i = 3; i >= 0; i--, index /= 26) {
            letters[i] = (char) ('a' + index % 26);
        }
        return PREFIX + new String(letters);
    }

    @Test
    void importsTwoHundredThousandWordsAtOnceAndAPublishedVideoIsRejectedByOne() throws Exception {
        int count = WordImports.MAX_WORDS;
        StringBuilder body = new StringBuilder("# generated\n");
        for (int i = 0; i < count; i++) {
            body.append(word(i)).append('\t').append(i % 5 == 0 ? "BLOCK" : "REVIEW").append('\n');
        }
        long before = words.count();

        long started = System.nanoTime();
        mvc.perform(importing(MediaType.TEXT_PLAIN, body.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(count))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected").value(0));

        System.out.printf("import of %,d words answered in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
        assertThat(words.count()).isEqualTo(before + count);
        String blocking = word(123_455); // 123,455 is a multiple of 5: BLOCK
        assertThat(library.findAll("say " + blocking)).singleElement()
                .satisfies(hit -> assertThat(hit.level()).isEqualTo(WordLevel.BLOCK));

        String created = mvc.perform(post("/api/videos").with(httpBasic("creator1", "creator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "Cooking night " + blocking.toUpperCase(),
                                "description", "a quiet evening", "videoUrl", "https://v.example/n.mp4"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = json.readTree(created).get("code").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/videos/{code}", code).with(httpBasic("creator1", "creator1")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("REJECTED"))
                        .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString(blocking))));
    }

    @Test
    void importsCsvAndReportsWordsAlreadyThereAndRepeatedLines() throws Exception {
        words.insert(SensitiveWord.review(word(1)));
        String csv = "word,level\n" + word(0) + ",BLOCK\n" + word(1) + ",BLOCK\n\"" + word(2) + "\",review\n"
                + word(0) + ",REVIEW\n";

        mvc.perform(importing(MediaType.valueOf("text/csv"), csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.duplicates").value(2))
                .andExpect(jsonPath("$.duplicateLines[0].number").value(3))
                .andExpect(jsonPath("$.duplicateLines[0].text").value(word(1)))
                .andExpect(jsonPath("$.duplicateLines[0].reason").value("in the library already, as REVIEW"))
                .andExpect(jsonPath("$.duplicateLines[1].number").value(5))
                .andExpect(jsonPath("$.duplicateLines[1].reason").value("repeats line 2"));

        assertThat(words.find(word(0))).contains(SensitiveWord.block(word(0)));
        assertThat(words.find(word(1))).contains(SensitiveWord.review(word(1)));
        assertThat(words.find(word(2))).contains(SensitiveWord.review(word(2)));
        assertThat(library.findAll(word(2))).singleElement()
                .satisfies(hit -> assertThat(hit.level()).isEqualTo(WordLevel.REVIEW));
    }

    @Test
    void oneBadLineImportsNothingAndSaysWhichLinesAreBad() throws Exception {
        long before = words.count();
        String body = word(0) + "\tBLOCK\n" + word(1) + "\tSEVERE\n" + word(2) + "\n" + word(3) + "\tREVIEW\n";

        mvc.perform(importing(MediaType.TEXT_PLAIN, body))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IMPORT_REJECTED"))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.rejectedLines[0].number").value(2))
                .andExpect(jsonPath("$.rejectedLines[0].reason").value("level must be BLOCK or REVIEW"))
                .andExpect(jsonPath("$.rejectedLines[1].number").value(3));

        assertThat(words.count()).isEqualTo(before);
        assertThat(words.find(word(0))).isEmpty();
        assertThat(library.findAll(word(0))).isEmpty();
    }

    /** The insert fails half-way (a word added meanwhile, here by hand): the words before it are gone too. */
    @Test
    void anImportThatFailsHalfWayLeavesNothing() throws Exception {
        long before = words.count();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3 * SensitiveWordRepository.INSERT_CHUNK; i++) {
            body.append(word(i)).append('\t').append("REVIEW").append('\n');
        }
        // on the physical database the library lives in: ShardingSphere does not parse H2's CREATE TRIGGER
        JdbcClient ds0 = JdbcClient.create(PhysicalShards.database(context, "ds_0"));
        LateWordTrigger.word = word(2 * SensitiveWordRepository.INSERT_CHUNK + 7);
        ds0.sql("CREATE TRIGGER zqx_late BEFORE INSERT ON sensitive_word FOR EACH ROW CALL '"
                + LateWordTrigger.class.getName() + "'").update();
        try {
            mvc.perform(importing(MediaType.TEXT_PLAIN, body.toString()))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("IMPORT_CONFLICT"));
        }
        finally {
            ds0.sql("DROP TRIGGER zqx_late").update();
        }
        assertThat(words.count()).isEqualTo(before);
        assertThat(words.find(word(0))).isEmpty();
    }

    @Test
    void refusesOtherBodiesTooManyWordsAndOtherCallers() throws Exception {
        mvc.perform(importing(MediaType.APPLICATION_JSON, "{\"word\":\"x\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        mvc.perform(post("/api/sensitive-words/import").with(httpBasic("admin", "admin")).content("x\tBLOCK"))
                .andExpect(status().isUnsupportedMediaType());

        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i <= WordImports.MAX_WORDS; i++) {
            tooMany.append(word(i)).append(",BLOCK\n");
        }
        long before = words.count();
        mvc.perform(importing(MediaType.valueOf("text/csv"), tooMany.toString()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("IMPORT_TOO_LARGE"));
        assertThat(words.count()).isEqualTo(before);

        mvc.perform(post("/api/sensitive-words/import").with(httpBasic("creator1", "creator1"))
                        .contentType(MediaType.TEXT_PLAIN).content(word(0) + "\tBLOCK"))
                .andExpect(status().isForbidden());
        assertThat(words.find(word(0))).isEmpty();
    }

    private static MockHttpServletRequestBuilder importing(MediaType type, String body) {
        return post("/api/sensitive-words/import").with(httpBasic("admin", "admin"))
                .contentType(type).content(body.getBytes(StandardCharsets.UTF_8));
    }
}
