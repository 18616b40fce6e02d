package io.clipflow.order;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.clipflow.platform.ShardKeys;

/**
 * Order numbers such as {@code O20261123K7QF2M9XWA-3F}: the day (for people reading them), ten random base-32
 * characters (50 bits, so collisions are negligible without any coordination between nodes), and the buyer's
 * shard tag ({@link ShardKeys#tagFor}), so that the number alone finds the one shard database holding the order.
 * Numbers made before orders were sharded have no tag; a read by one of them asks every shard database.
 */
final class OrderNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom random = new SecureRandom();

    private OrderNumbers() {
    }

    static String next(String buyer) {
        StringBuilder number = new StringBuilder("O").append(LocalDate.now(ZoneOffset.UTC).format(DAY));
        for (int i = 0; i < 10; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.append(ShardKeys.tagFor(buyer)).toString();
    }
}
