package io.clipflow.seckill;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An attempt a dead node held is taken over by a live one, and taken over it starts no second process or order. */
@ClipflowIntegrationTest
class AttemptRedeliveryTest {

    /**
     * A node took attempts from the stream and died: the attempt (queued as the accept script does, unless it
     * exists) and any other fresh entry are handed to consumer {@code dead-node} and marked idle for an hour, so
     * the next drain finds them abandoned.
     */
    private static final RedisScript<String> TAKEN_BY_A_DEAD_NODE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[2]) == 0 then
              redis.call('HSET', KEYS[2], 'eventId', ARGV[2], 'itemId', ARGV[3], 'buyer', ARGV[4], 'status', 'PENDING')
            end
            pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[5], '0', 'MKSTREAM')
            local id = redis.call('XADD', KEYS[1], '*', 'attemptId', ARGV[1], 'eventId', ARGV[2], 'itemId', ARGV[3],
              'buyer', ARGV[4])
            local read = redis.call('XREADGROUP', 'GROUP', ARGV[5], 'dead-node', 'COUNT', 1000, 'STREAMS', KEYS[1], '>')
            for _, entry in ipairs(read[1][2]) do
              redis.call('XCLAIM', KEYS[1], ARGV[5], 'dead-node', 0, entry[1], 'IDLE', 3600000)
            end
            return id""", String.class);

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired StringRedisTemplate redis;
    @Autowired JdbcClient jdbc;
    @Autowired AttemptDrainer drainer;
    @Autowired Attempts attempts;

    @Test
    void anAttemptADeadNodeHeldIsStartedByAnotherNode() throws Exception {
        String buyer = SeckillApi.newBuyer(identity, "redeliverybuyer1");
        long item = items.create("Mug", 1_500, 3).id();
        long event = new SeckillApi(mvc).openEvent(item, 3);
        String attemptId = event + "-takenbydeadnode";

        handOverToADeadNode(attemptId, event, item, buyer);

        await("the abandoned attempt's order").atMost(Duration.ofSeconds(20)).until(() -> orders(attemptId) == 1);
        await("the attempt settled").atMost(Duration.ofSeconds(20)).until(
                () -> attempts.find(attemptId).orElseThrow().status() == Attempts.Status.SUCCEEDED);
        assertThat(processes(attemptId)).isEqualTo(1);
        assertThat(items.find(item).orElseThrow().stock()).isEqualTo(2);
    }

    @Test
    void aRedeliveredAttemptWhoseProcessRanStartsNothingNew() throws Exception {
        SeckillApi api = new SeckillApi(mvc);
        String buyer = SeckillApi.newBuyer(identity, "redeliverybuyer2");
        long item = items.create("Cup", 1_500, 3).id();
        long event = api.openEvent(item, 3);
        String attemptId = JsonPath.read(api.attempt(buyer, event, api.token(buyer)).getContentAsString(),
                "$.attemptId");
        await("the first order").atMost(Duration.ofSeconds(20)).until(() -> orders(attemptId) == 1);

        handOverToADeadNode(attemptId, event, item, buyer);

        assertThat(processes(attemptId)).isEqualTo(1);
        assertThat(orders(attemptId)).isEqualTo(1);
        assertThat(items.find(item).orElseThrow().stock()).isEqualTo(2);
    }

    @Test
    void attemptsAreStartedAfterRedisLostTheStreamAndItsGroup() throws Exception {
        SeckillApi api = new SeckillApi(mvc);
        String buyer = SeckillApi.newBuyer(identity, "redeliverybuyer3");
        long item = items.create("Bowl", 1_500, 3).id();
        long event = api.openEvent(item, 3);
        String first = JsonPath.read(api.attempt(buyer, event, api.token(buyer)).getContentAsString(), "$.attemptId");
        await("the first order").atMost(Duration.ofSeconds(20)).until(() -> orders(first) == 1);

        // what a flush or a failover to a replica that lacked them leaves: no stream, no consumer group
        redis.delete(SeckillKeys.attempts(event));
        String other = SeckillApi.newBuyer(identity, "redeliverybuyer4");
        String second = JsonPath.read(api.attempt(other, event, api.token(other)).getContentAsString(),
                "$.attemptId");

        await("the order of the attempt made after the loss").atMost(Duration.ofSeconds(20))
                .until(() -> orders(second) == 1);
        assertThat(items.find(item).orElseThrow().stock()).isEqualTo(1);
    }

    /** Queues the attempt for a node that dies holding it, drains, and waits until a live node handled it. */
    private void handOverToADeadNode(String attemptId, long event, long item, String buyer) throws Exception {
        String entry = redis.execute(TAKEN_BY_A_DEAD_NODE, List.of(SeckillKeys.attempts(event),
                SeckillKeys.attempt(attemptId)), attemptId, String.valueOf(event), String.valueOf(item), buyer,
                SeckillKeys.DRAINERS);
        drainer.drain();
        await("the abandoned entry handled").atMost(Duration.ofSeconds(20)).until(
                () -> redis.opsForStream().range(SeckillKeys.attempts(event), Range.closed(entry, entry)).isEmpty());
    }

    private long processes(String attemptId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(attemptId).count();
    }

    private long orders(String attemptId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE source = ?").param(SeckillKeys.orderSource(attemptId))
                .query(Long.class).single();
    }
}
