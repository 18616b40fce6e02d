package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class FairAuditorChoiceTest {

    static final List<String> POOL = List.of("ada", "bo", "chen");

    @Test
    void choosesTheAuditorWithFewestOpenTasks() {
        assertThat(FairAuditorChoice.choose(POOL, Map.of("ada", 3L, "bo", 1L, "chen", 2L), null, 7)).contains("bo");
    }

    @Test
    void auditorWithoutCountHasNoOpenTasks() {
        assertThat(FairAuditorChoice.choose(POOL, Map.of("ada", 1L, "bo", 1L), null, 0)).contains("chen");
    }

    @Test
    void tiesAreBrokenInTurn() {
        Map<String, Long> equal = Map.of("ada", 2L, "bo", 2L, "chen", 5L);

        List<String> chosen = LongStream.range(0, 4)
                .mapToObj(turn -> FairAuditorChoice.choose(POOL, equal, null, turn).orElseThrow()).toList();

        assertThat(chosen).containsExactly("ada", "bo", "ada", "bo");
    }

    @Test
    void excludedAuditorIsNeverChosen() {
        assertThat(FairAuditorChoice.choose(POOL, Map.of("ada", 0L, "bo", 4L, "chen", 4L), "ada", 1)).contains("chen");
    }

    @Test
    void nobodyEligibleMeansNoChoice() {
        assertThat(FairAuditorChoice.choose(List.of(), Map.of(), null, 0)).isEmpty();
        assertThat(FairAuditorChoice.choose(List.of("ada"), Map.of(), "ada", 0)).isEmpty();
    }

    @Test
    void repeatedChoicesKeepEveryoneWithinOneOfEachOther() {
        Map<String, Long> open = new HashMap<>(Map.of("ada", 4L));
        for (long turn = 0; turn < 100; turn++) {
            String chosen = FairAuditorChoice.choose(POOL, open, null, turn).orElseThrow();
            open.merge(chosen, 1L, Long::sum);
        }

        assertThat(open.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                - open.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThanOrEqualTo(1);
    }

    @Test
    void negativeTurnStillPicksFromTheTies() {
        assertThat(FairAuditorChoice.choose(POOL, Map.of(), null, -7)).isPresent();
    }
}
