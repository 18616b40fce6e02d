package io.clipflow.publish;

import java.security.SecureRandom;

/**
 * Video codes: 11 random characters of the URL-safe base-62 alphabet (about 65 bits), short enough for a link,
 * not guessable, and spread evenly over the shards by their hash.
 */
final class VideoCodes {

    static final int LENGTH = 11;
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VideoCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    static boolean looksValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (!Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }
}
