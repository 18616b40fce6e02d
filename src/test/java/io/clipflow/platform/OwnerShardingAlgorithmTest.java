package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.google.common.collect.Range;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;

/** Which shard databases a statement on an owner-sharded table goes to. */
class OwnerShardingAlgorithmTest {

    private static final List<String> FOUR = List.of("ds_2", "ds_0", "ds_3", "ds_1");

    private final OwnerShardingAlgorithm algorithm = new OwnerShardingAlgorithm();

    OwnerShardingAlgorithmTest() {
        Properties props = new Properties();
        props.setProperty("owner-columns", "buyer");
        props.setProperty("tagged-columns", "order_no");
        algorithm.init(props);
    }

    @Test
    void aBuyerGoesToTheDatabaseOfItsBucket() {
        int expected = ShardKeys.bucketOf("buyer1") % 4;
        assertThat(route(Map.of("buyer", List.of("buyer1")))).containsExactly("ds_" + expected);
    }

    @Test
    void aTaggedOrderNumberGoesWhereItsBuyerDoes() {
        String orderNo = "O20261202K7QF2M9XWA" + ShardKeys.tagFor("buyer1");
        assertThat(route(Map.of("order_no", List.of(orderNo)))).isEqualTo(route(Map.of("buyer", List.of("buyer1"))));
        assertThat(route(Map.of("ORDER_NO", List.of(orderNo), "BUYER", List.of("buyer1")))).hasSize(1);
    }

    @Test
    void anUntaggedOrderNumberARangeOrNoShardingValueAsksEveryDatabase() {
        assertThat(route(Map.of("order_no", List.of("O20250101K7QF2M9XWA")))).hasSize(4);
        assertThat(route(Map.of())).hasSize(4);
        assertThat(algorithm.doSharding(FOUR, new ComplexKeysShardingValue<>("orders", Map.of(),
                Map.of("buyer", Range.closed("a", "b"))))).hasSize(4);
    }

    @Test
    void tagsRoundTripEveryBucket() {
        for (String owner : List.of("a", "buyer1", "买家", "crashbuyer07")) {
            assertThat(ShardKeys.bucketOfTagged("O1" + ShardKeys.tagFor(owner))).hasValue(ShardKeys.bucketOf(owner));
        }
        assertThat(ShardKeys.bucketOfTagged("O20250101K7QF2M9XWA")).isEmpty();
        assertThat(ShardKeys.bucketOfTagged("x-I0")).isEmpty();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Collection<String> route(Map<String, List<String>> values) {
        return algorithm.doSharding(FOUR, new ComplexKeysShardingValue("orders", values, Map.of()));
    }
}
