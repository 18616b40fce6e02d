package io.clipflow.order;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Order numbers such as {@code O20261123K7QF2M9XWA}: the day (for people reading them) and ten random base-32
 * characters (50 bits, so collisions are negligible without any coordination between nodes).
 */
final class OrderNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom random = new SecureRandom();

    private OrderNumbers() {
    }

    static String next() {
        StringBuilder number = new StringBuilder("O").append(LocalDate.now(ZoneOffset.UTC).format(DAY));
        for (int i = 0; i < 10; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }
}
