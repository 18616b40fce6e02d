package io.clipflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.clipflow.ClipflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Videos published through the real service land in all three shards; the search finds them across shards. */
@ClipflowIntegrationTest
class VideoSearchTest {

    @Autowired
    PublishService publishing;

    @Autowired
    VideoSearch search;

    @Autowired
    JdbcClient clipflowJdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void publishedVideosSpreadOverAllShardsAndAreFoundPaged() {
        String tag = "spread" + UUID.randomUUID().toString().substring(0, 6);
        List<String> codes = new ArrayList<>();
        // codes are random: publish at least 12, and on until every shard has one (bounded, never flaky in practice)
        while (codes.size() < 12 || codes.stream().map(VideoSearchTest::shardOf).distinct().count() < 3
                && codes.size() < 60) {
            int i = codes.size();
            codes.add(publishing.publish("creator1", new PublishService.NewVideo(tag + " clip " + i, "d",
                    "https://v.example/" + i)).code());
        }

        assertThat(codes.stream().map(VideoSearchTest::shardOf).distinct()).containsExactlyInAnyOrder(0, 1, 2);
        int pages = (codes.size() + 4) / 5;
        VideoSearch.Page first = search.search(criteria(tag, 0, 5));
        VideoSearch.Page last = search.search(criteria(tag, pages - 1, 5));
        assertThat(first.total()).isEqualTo(codes.size());
        assertThat(first.items()).hasSize(5);
        assertThat(last.items()).hasSize(codes.size() - 5 * (pages - 1));
        List<String> all = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            search.search(criteria(tag, page, 5)).items().forEach(v -> all.add(v.code()));
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(codes).doesNotHaveDuplicates();
    }

    @Test
    void filtersCombineStatusAndTitle() {
        String tag = "filter" + UUID.randomUUID().toString().substring(0, 6);
        publishing.publish("creator1", new PublishService.NewVideo(tag + " pending", "d", "https://v.example/p"));
        publishing.publish("creator1", new PublishService.NewVideo(tag + " 赌博 blocked", "d", "https://v.example/b"));

        VideoSearch.Page rejected = search.search(new VideoSearch.Criteria(tag, null, null, VideoStatus.REJECTED,
                "system", 0, 10));

        assertThat(rejected.items()).singleElement().satisfies(v -> assertThat(v.title()).contains("blocked"));
    }

    @Test
    void injectionInTitleFindsNothingAndFailsNothing() throws Exception {
        publishing.publish("creator1", new PublishService.NewVideo("innocent", "d", "https://v.example/i"));

        mvc.perform(get("/api/videos").param("title", "x' OR '1'='1").with(httpBasic("auditor1", "auditor1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/videos").param("title", "%").with(httpBasic("auditor1", "auditor1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        assertThat(clipflowJdbc.sql("SELECT COUNT(*) FROM publish").query(Long.class).single()).isPositive();
    }

    @Test
    void searchIsForAuditorsAndOpsWithBoundedPages() throws Exception {
        mvc.perform(get("/api/videos").with(httpBasic("creator1", "creator1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/videos").param("size", "1000").with(httpBasic("admin", "admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/videos").param("status", "APPROVED").param("size", "3")
                .with(httpBasic("admin", "admin"))).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(3));
    }

    private static VideoSearch.Criteria criteria(String title, int page, int size) {
        return new VideoSearch.Criteria(title, null, null, null, null, page, size);
    }

    static int shardOf(String code) {
        return (int) (Math.abs((long) code.hashCode()) % 3);
    }
}
