package io.clipflow.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/** What one node changes, every node shows within {@link ClusterFlows#VISIBLE_WITHIN}: an approval, a word. */
final class ClusterVisibility {

    private final List<ApiClient> nodes;
    private final ClusterInvariants invariants;

    ClusterVisibility(List<ApiClient> nodes, ClusterInvariants invariants) {
        this.nodes = nodes;
        this.invariants = invariants;
    }

    /** An auditor approves on one node; every node shows the video APPROVED and in its feed within 1 s. */
    void approvalVisibleEverywhere(List<String> codes, List<String> figures) {
        JsonNode mine = nodes.get(0).call("GET", "auditor1", "/api/audits/mine?size=100", null).json();
        if (mine.size() == 0) {
            invariants.expect(false, "approval", "auditor1 has no audit task out of " + codes.size());
            return;
        }
        String code = mine.get(0).path("code").asText();
        ApiClient.Answer decided = nodes.get(1 % nodes.size()).call("POST", "auditor1", "/api/audits/" + code
                + "/decision", Map.of("approved", true));
        invariants.expect(decided.status() == 200, "approval", "decision on " + code + " answered " + decided);
        Instant at = Instant.now();
        List<Duration> seen = visibleOnEveryNode(node -> "APPROVED".equals(node.call("GET", World.CREATOR,
                "/api/videos/" + code, null).text("status")) && node.call("GET", "buyer1", "/api/feed?size=50", null)
                .json().path("items").findValuesAsText("code").contains(code), at);
        invariants.expect(seen.stream().allMatch(d -> d.compareTo(ClusterFlows.VISIBLE_WITHIN) <= 0), "approval",
                "approval of " + code + " seen on the nodes after " + seen);
        figures.add("approval on node " + (1 % nodes.size()) + " seen on each node after " + seen);
    }

    /** A word added on one node is matched by every node within 1 s. */
    void wordVisibleEverywhere(List<String> figures) {
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6) + "x";
        ApiClient.Answer added = nodes.get(0).call("POST", "admin", "/api/sensitive-words",
                Map.of("word", word, "level", "REVIEW"));
        invariants.expect(added.status() == 201, "word", "adding " + word + " answered " + added);
        Instant at = Instant.now();
        List<Duration> seen = visibleOnEveryNode(node -> node.call("POST", "admin", "/api/sensitive-words/check",
                Map.of("text", "a clip about " + word + " and more"), null).json().path("hits").size() > 0, at);
        invariants.expect(seen.stream().allMatch(d -> d.compareTo(ClusterFlows.VISIBLE_WITHIN) <= 0), "word",
                "word " + word + " matched on the nodes after " + seen);
        figures.add("word added on node 0 matched on each node after " + seen);
    }

    /**
     * For each node, how long after {@code since} the first probe that found what is asked was sent (10 s at most):
     * the probe's own time on a busy machine is not the state's delay.
     */
    private List<Duration> visibleOnEveryNode(Predicate<ApiClient> shows, Instant since) {
        return nodes.stream().map(node -> CompletableFuture.supplyAsync(() -> {
            Instant until = since.plusSeconds(10);
            Instant sent = Instant.now();
            while (!shows.test(node) && sent.isBefore(until)) {
                ClusterInvariants.pause(20);
                sent = Instant.now();
            }
            return Duration.between(since, sent);
        }, invariants.together)).toList().stream().map(CompletableFuture::join).toList();
    }
}
