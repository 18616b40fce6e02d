package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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
        mvc.perform(get("/api/sensitive-words").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.word == '赌博')].level").value("BLOCK"));
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

        redis.convertAndSend(WordLibraryChanges.CHANNEL, "reload");

        await().atMost(Duration.ofSeconds(10)).until(() -> !library.findAll(word).isEmpty());
        assertThat(library.findAll(word)).singleElement().satisfies(h -> assertThat(h.isBlock()).isFalse());
        words.delete(word);
        library.reload();
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
