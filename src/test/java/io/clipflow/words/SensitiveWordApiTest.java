package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.clipflow.ClipflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ClipflowIntegrationTest
class SensitiveWordApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WordLibrary library;

    @Autowired
    SensitiveWordRepository words;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void libraryIsSeeded() throws Exception {
        mvc.perform(get("/api/sensitive-words").param("q", "赌博").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.word == '赌博')].level").value("BLOCK"));
    }

    @Test
    void pagesThroughTheLibraryInWordOrderAndFiltersByText() throws Exception {
        String tag = "zp" + UUID.randomUUID().toString().substring(0, 6);
        for (String word : List.of(tag + "c", tag + "A", tag + "b", tag + "%", "x" + tag)) {
            words.insert(SensitiveWord.review(word));
        }
        try {
            mvc.perform(get("/api/sensitive-words").param("q", tag.toUpperCase()).param("size", "2")
                            .with(httpBasic("admin", "admin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(5))
                    .andExpect(jsonPath("$.page").value(0))
                    .andExpect(jsonPath("$.size").value(2))
                    .andExpect(jsonPath("$.items[*].word").value(contains("x" + tag, tag + "%")));
            mvc.perform(get("/api/sensitive-words").param("q", tag).param("size", "2").param("page", "2")
                            .with(httpBasic("admin", "admin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].word").value(contains(tag + "c")));
            // LIKE wildcards in q are plain text
            mvc.perform(get("/api/sensitive-words").param("q", tag + "%").with(httpBasic("admin", "admin")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].word").value(tag + "%"));
            long all = words.count();
            mvc.perform(get("/api/sensitive-words").with(httpBasic("admin", "admin")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(all))
                    .andExpect(jsonPath("$.size").value(50)).andExpect(jsonPath("$.items.length()").value(50));
        }
        finally {
            List.of(tag + "c", tag + "A", tag + "b", tag + "%", "x" + tag).forEach(words::delete);
        }
    }

    @Test
    void refusesPagesOutOfRange() throws Exception {
        mvc.perform(get("/api/sensitive-words").param("size", "1001").with(httpBasic("admin", "admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION"));
        mvc.perform(get("/api/sensitive-words").param("page", "-1").with(httpBasic("admin", "admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION"));
        mvc.perform(get("/api/sensitive-words").param("page", "x").with(httpBasic("admin", "admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION"));
    }

    @Test
    void checkReportsHitsWithPositionsAndLevels() throws Exception {
        mvc.perform(check("Win at the C.A.S.I.N.O, no 賭博"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.blocked").value(true))
                .andExpect(jsonPath("$.hits[0].word").value("casino"))
                .andExpect(jsonPath("$.hits[0].level").value("REVIEW"))
                .andExpect(jsonPath("$.hits[0].start").value(11))
                .andExpect(jsonPath("$.hits[0].found").value("C.A.S.I.N.O"))
                .andExpect(jsonPath("$.hits[1].word").value("赌博"));
    }

    @Test
    void addedWordIsAppliedAtOnceAndRemovedAgain() throws Exception {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);

        mvc.perform(post("/api/sensitive-words").with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"word\":\"" + word + "\",\"level\":\"BLOCK\"}"))
                .andExpect(status().isCreated());
        assertThat(library.findAll("say " + word)).singleElement().satisfies(h -> assertThat(h.isBlock()).isTrue());
        mvc.perform(post("/api/sensitive-words").with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"word\":\"" + word + "\",\"level\":\"REVIEW\"}"))
                .andExpect(status().isConflict());

        mvc.perform(delete("/api/sensitive-words/{word}", word).with(httpBasic("admin", "admin")))
                .andExpect(status().isNoContent());
        assertThat(library.findAll("say " + word)).isEmpty();
        mvc.perform(delete("/api/sensitive-words/{word}", word).with(httpBasic("admin", "admin")))
                .andExpect(status().isNotFound());
    }

    /** What another node's change looks like here: a row this node did not write, then the announcement. */
    @Test
    void announcementFromAnotherNodeReloadsTheLibrary() throws Exception {
        String word = "zr" + UUID.randomUUID().toString().substring(0, 6);
        words.insert(SensitiveWord.review(word));
        assertThat(library.findAll(word)).isEmpty();

        redis.convertAndSend(WordLibraryChanges.CHANNEL, WordLibraryChanges.RELOAD);

        await().atMost(Duration.ofSeconds(10)).until(() -> !library.findAll(word).isEmpty());
        assertThat(library.findAll(word)).singleElement().satisfies(h -> assertThat(h.isBlock()).isFalse());
        words.delete(word);
        library.reload();
    }

    /** A one-word announcement: the node reads that row back, so the row decides, whatever the message order. */
    @Test
    void wordAnnouncementAppliesWhatTheRowSays() throws Exception {
        String word = "zs" + UUID.randomUUID().toString().substring(0, 6);
        words.insert(SensitiveWord.block(word));
        redis.convertAndSend(WordLibraryChanges.CHANNEL, WordLibraryChanges.WORD_PREFIX + word);
        await().atMost(Duration.ofSeconds(10)).until(() -> !library.findAll(word).isEmpty());
        assertThat(library.findAll(word)).singleElement().satisfies(h -> assertThat(h.isBlock()).isTrue());

        words.delete(word);
        redis.convertAndSend(WordLibraryChanges.CHANNEL, WordLibraryChanges.WORD_PREFIX + word);
        await().atMost(Duration.ofSeconds(10)).until(() -> library.findAll(word).isEmpty());
    }

    @Test
    void onlyOpsManageTheLibrary() throws Exception {
        mvc.perform(get("/api/sensitive-words").with(httpBasic("auditor1", "auditor1")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/sensitive-words").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"word\":\" \",\"level\":\"BLOCK\"}"))
                .andExpect(status().isBadRequest());
    }

    private org.springframework.test.web.servlet.RequestBuilder check(String text) {
        return post("/api/sensitive-words/check").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + text + "\"}");
    }
}
