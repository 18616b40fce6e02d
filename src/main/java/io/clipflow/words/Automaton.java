package io.clipflow.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aho-Corasick automaton over normalised chars, stored in flat arrays.
 *
 * <p>States are numbered in breadth-first order, so the children of a state are consecutive and
 * the target of edge {@code e} is state {@code e + 1}: a state's edges are a sorted slice of
 * {@link #edgeChar}. The root, where the walk spends most of its time on ordinary text, has a
 * dense table indexed by char instead, so leaving or staying at the root costs one array read.
 */
final class Automaton {

    private static final int LINEAR_SCAN_LIMIT = 8;

    private final int[] rootGoto = new int[Character.MAX_VALUE + 1];
    private final int[] edgeStart;
    private final char[] edgeChar;
    private final int[] fail;
    /** Word id ending exactly at a state, or -1. */
    final int[] wordAt;
    /** First state on the suffix chain (the state itself included) that ends a word, or 0. */
    final int[] outHead;
    /** Next proper suffix state that ends a word, or 0. */
    final int[] dictLink;

    /** Builds the automaton for distinct, non-empty normalised words; word ids are list indexes. */
    Automaton(List<String> words) {
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        children.add(new TreeMap<>());
        int[] terminal = new int[words.size()];
        for (int id = 0; id < words.size(); id++) {
            int node = 0;
            for (char c : words.get(id).toCharArray()) {
                Integer next = children.get(node).get(c);
                if (next == null) {
                    next = children.size();
                    children.add(new TreeMap<>());
                    children.get(node).put(c, next);
                }
                node = next;
            }
            terminal[id] = node;
        }
        int size = children.size();
        int[] bfsOrder = new int[size];
        int[] bfsIndex = new int[size];
        for (int head = 0, tail = 1; head < tail; head++) {
            for (int child : children.get(bfsOrder[head]).values()) {
                bfsIndex[child] = tail;
                bfsOrder[tail++] = child;
            }
        }
        edgeStart = new int[size + 1];
        edgeChar = new char[size - 1];
        int edge = 0;
        for (int state = 0; state < size; state++) {
            edgeStart[state] = edge;
            for (Map.Entry<Character, Integer> entry : children.get(bfsOrder[state]).entrySet()) {
                edgeChar[edge++] = entry.getKey();
            }
        }
        edgeStart[size] = edge;
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
            rootGoto[edgeChar[e]] = e + 1;
        }
        wordAt = new int[size];
        java.util.Arrays.fill(wordAt, -1);
        for (int id = 0; id < terminal.length; id++) {
            wordAt[bfsIndex[terminal[id]]] = id;
        }
        fail = new int[size];
        dictLink = new int[size];
        outHead = new int[size];
        linkSuffixes(size);
    }

    /** Failure and output links, parents before children so a suffix is always linked first. */
    private void linkSuffixes(int size) {
        for (int state = 0; state < size; state++) {
            for (int e = edgeStart[state]; e < edgeStart[state + 1]; e++) {
                int child = e + 1;
                int suffix = state == 0 ? 0 : next(fail[state], edgeChar[e]);
                fail[child] = suffix;
                dictLink[child] = wordAt[suffix] >= 0 ? suffix : dictLink[suffix];
            }
            outHead[state] = wordAt[state] >= 0 ? state : dictLink[state];
        }
    }

    /** The state after reading {@code c} (a non-zero normalised char) in {@code state}. */
    int next(int state, char c) {
        while (state != 0) {
            int target = child(state, c);
            if (target != 0) {
                return target;
            }
            state = fail[state];
        }
        return rootGoto[c];
    }

    private int child(int state, char c) {
        int lo = edgeStart[state];
        int hi = edgeStart[state + 1];
        if (hi - lo <= LINEAR_SCAN_LIMIT) {
            for (int e = lo; e < hi; e++) {
                if (edgeChar[e] == c) {
                    return e + 1;
                }
            }
            return 0;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char found = edgeChar[mid];
            if (found < c) {
                lo = mid + 1;
            } else if (found > c) {
                hi = mid - 1;
            } else {
                return mid + 1;
            }
        }
        return 0;
    }
}
