package io.clipflow.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;

import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;

/**
 * ShardingSphere's routing of the owner-sharded tables ({@code sharding.yaml}, type CLASS_BASED): a value of an
 * owner column (the buyer) or a tagged key column (the order number) names its bucket, and the bucket its
 * database ({@link ShardKeys}). A statement with neither, with a range, or with a key made before keys were
 * tagged goes to every database. Public only because ShardingSphere creates it by its class name.
 *
 * <p>Properties: {@code owner-columns} and {@code tagged-columns}, comma-separated.
 */
public final class OwnerShardingAlgorithm implements ComplexKeysShardingAlgorithm<Comparable<?>> {

    private Set<String> ownerColumns = Set.of();
    private Set<String> taggedColumns = Set.of();

    @Override
    public void init(Properties props) {
        ownerColumns = columns(props.getProperty("owner-columns", ""));
        taggedColumns = columns(props.getProperty("tagged-columns", ""));
    }

    @Override
    public Collection<String> doSharding(Collection<String> availableTargetNames,
            ComplexKeysShardingValue<Comparable<?>> shardingValue) {
        List<String> targets = new ArrayList<>(availableTargetNames);
        targets.sort(Comparator.comparingInt(OwnerShardingAlgorithm::index));
        if (!shardingValue.getColumnNameAndRangeValuesMap().isEmpty()) {
            return targets;
        }
        Set<String> routed = new LinkedHashSet<>();
        for (Map.Entry<String, Collection<Comparable<?>>> column
                : shardingValue.getColumnNameAndShardingValuesMap().entrySet()) {
            String name = column.getKey().toLowerCase(Locale.ROOT);
            for (Comparable<?> value : column.getValue()) {
                OptionalInt bucket = ownerColumns.contains(name) ? OptionalInt.of(ShardKeys.bucketOf(value.toString()))
                        : taggedColumns.contains(name) ? ShardKeys.bucketOfTagged(value.toString())
                        : OptionalInt.empty();
                if (bucket.isEmpty()) {
                    return targets;
                }
                routed.add(targets.get(ShardKeys.shardOf(bucket.getAsInt(), targets.size())));
            }
        }
        return routed.isEmpty() ? targets : routed;
    }

    @Override
    public String getType() {
        return "CLIPFLOW_OWNER";
    }

    /** {@code ds_3} → 3: targets in their configured order, however ShardingSphere hands them over. */
    private static int index(String dataSource) {
        return Integer.parseInt(dataSource.substring(dataSource.lastIndexOf('_') + 1));
    }

    private static Set<String> columns(String list) {
        Set<String> columns = new LinkedHashSet<>();
        for (String column : list.split(",")) {
            if (!column.isBlank()) {
                columns.add(column.trim().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(columns);
    }
}
