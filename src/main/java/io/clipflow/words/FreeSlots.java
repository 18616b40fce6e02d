package io.clipflow.words;

import java.util.Arrays;

/**
 * Which slots of a double array being placed are taken, and where a node's children fit, 64 candidate offsets
 * at a time: the bits of every child's slot for offsets {@code o .. o+63} are OR-ed together, and a zero bit
 * left over is an offset where all the children fit. In a densely packed stretch the OR is all ones after one
 * or two children, so the search crosses it 64 offsets per step (the old search tried one offset after another
 * from the first free slot, which made a 200,000-word build take minutes).
 *
 * <p>Two shortcuts keep a search short, each costing a little density: it starts past the stretch where at
 * most {@value #DENSE_FREE} of every 64 slots are free (a hole there is given up), and nodes with the same
 * number of children, which are placed one after another, each start where the previous one was placed. A
 * node that still finds no room within {@value #MAX_STEPS} steps goes past the last taken slot.
 */
final class FreeSlots {

    private static final int DENSE_FREE = 4;
    private static final int MAX_STEPS = 1024;

    /** Bit {@code i} set when slot {@code i} is taken. */
    private long[] taken;
    /** Searches start at or after this slot: every 64-slot word before it is dense. */
    private int denseUntil;
    /** One past the highest slot taken. */
    private int end;
    private int lastCount;
    /** Where the previous node's first child went. */
    private int lastSlot;

    FreeSlots(int capacity) {
        taken = new long[capacity / Long.SIZE + 2];
        take(0); // the root
    }

    /**
     * Takes a slot for each code in {@code labels[from .. from+count)} (ascending, all ≥ 1) at one offset,
     * and returns that offset (≥ 1).
     */
    int place(int[] labels, int from, int count) {
        int first = labels[from];
        int last = labels[from + count - 1];
        int start = count == lastCount ? Math.max(denseUntil, lastSlot) : denseUntil;
        int offset = Math.max(1, start - first);
        for (int step = 0; ; step++, offset += Long.SIZE) {
            if (step == MAX_STEPS) {
                offset = Math.max(offset, end - first);
            }
            ensure(offset + last + Long.SIZE);
            long blocked = 0;
            for (int i = from; i < from + count && blocked != -1L; i++) {
                blocked |= bits(offset + labels[i]);
            }
            if (blocked != -1L) {
                offset += Long.numberOfTrailingZeros(~blocked);
                break;
            }
        }
        for (int i = from; i < from + count; i++) {
            take(offset + labels[i]);
        }
        lastCount = count;
        lastSlot = offset + first;
        return offset;
    }

    /** One past the highest slot taken. */
    int end() {
        return end;
    }

    /** Whether slots {@code from .. from+63} are taken, as the bits of a long, lowest slot lowest. */
    private long bits(int from) {
        int word = from >>> 6;
        int shift = from & 63;
        return shift == 0 ? taken[word] : taken[word] >>> shift | taken[word + 1] << (Long.SIZE - shift);
    }

    private void take(int slot) {
        int word = slot >>> 6;
        taken[word] |= 1L << slot;
        end = Math.max(end, slot + 1);
        if (word == denseUntil >>> 6) {
            while (Long.bitCount(taken[word]) >= Long.SIZE - DENSE_FREE) {
                word++;
            }
            denseUntil = word * Long.SIZE;
        }
    }

    /** Room for slots below {@code length}, and two words to spare for {@link #bits} and {@link #take}. */
    private void ensure(int length) {
        int words = length / Long.SIZE + 2;
        if (words > taken.length) {
            taken = Arrays.copyOf(taken, Math.max(words, taken.length * 3 / 2));
        }
    }
}
