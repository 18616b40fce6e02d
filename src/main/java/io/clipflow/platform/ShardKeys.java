package io.clipflow.platform;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * Where a row of an owner-sharded table lives ({@code orders}, {@code payment}: see {@code sharding.yaml}). Its
 * owner (the buyer) falls into one of {@value #BUCKETS} buckets by a fixed hash, and bucket {@code b} lives in
 * shard database {@code ds_(b mod N)} of N. A key the application makes for such a row (an order number) ends
 * with its owner's bucket as a tag ({@code -3F}), so a read by that key alone goes to one database too.
 *
 * <p>The bucket never depends on N: adding shard databases moves whole buckets ({@link OwnerRehoming}), and a
 * tagged key stays valid.
 */
public final class ShardKeys {

    /** Two base-32 characters' worth. */
    public static final int BUCKETS = 1024;

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final char SEPARATOR = '-';

    private ShardKeys() {
    }

    /** The owner's bucket: CRC-32 of its UTF-8 bytes, modulo {@value #BUCKETS}. */
    public static int bucketOf(String owner) {
        CRC32 crc = new CRC32();
        crc.update(owner.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % BUCKETS);
    }

    /** What a key made for one of {@code owner}'s rows ends with: {@code -} and the bucket in two characters. */
    public static String tagFor(String owner) {
        int bucket = bucketOf(owner);
        return new String(new char[] { SEPARATOR, ALPHABET.charAt(bucket / 32), ALPHABET.charAt(bucket % 32) });
    }

    /** The bucket a key's tag names; empty for a key without one (made before keys were tagged). */
    public static OptionalInt bucketOfTagged(String key) {
        int n = key.length();
        if (n < 3 || key.charAt(n - 3) != SEPARATOR) {
            return OptionalInt.empty();
        }
        int high = ALPHABET.indexOf(key.charAt(n - 2));
        int low = ALPHABET.indexOf(key.charAt(n - 1));
        return high < 0 || low < 0 ? OptionalInt.empty() : OptionalInt.of(high * 32 + low);
    }

    /** The index of the shard database that holds {@code bucket} among {@code shardCount}. */
    public static int shardOf(int bucket, int shardCount) {
        return bucket % shardCount;
    }
}
