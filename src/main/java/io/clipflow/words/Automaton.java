package io.clipflow.words;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aho-Corasick automaton over normalised chars, stored as a double-array trie.
 *
 * <p>Each char the library uses gets a small dense code, and {@link #codes} maps every raw
 * char straight to its code, folding included, so the matcher reads one table per char:
 * {@link #FILLER}, {@link #FOREIGN} (a char no word contains: the walk restarts at the root), or
 * a letter code. A transition is then {@code base[state] + code}, valid when {@code check} of the
 * target names {@code state}; all arrays stay small enough to live in cache.
 */
final class Automaton {

    static final char FILLER = 0;
    static final char FOREIGN = 1;
    private static final int ROOT = 0;

    /** Raw char to code. */
    final char[] codes = new char[Character.MAX_VALUE + 1];
    final int[] base;
    final int[] check;
    final int[] fail;
    /** Word id ending exactly at a state, or -1. */
    final int[] wordAt;
    /** First state on the suffix chain (the state itself included) that ends a word, or 0. */
    final int[] outHead;
    /** Next proper suffix state that ends a word, or 0. */
    final int[] dictLink;

    /** Builds the automaton for distinct, non-empty normalised words; word ids are list indexes. */
    Automaton(List<String> words, char[] matchTable) {
        Trie trie = Trie.of(words);
        List<TreeMap<Integer, Integer>> children = trie.children();
        int alphabet = trie.alphabet();
        int[] terminal = trie.terminal();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char folded = matchTable[c];
            codes[c] = folded == 0 ? FILLER : trie.codeOf()[folded] == 0 ? FOREIGN : (char) trie.codeOf()[folded];
        }
        int[] baseOf = new int[2 * children.size() + alphabet];
        int[] checkOf = filled(new int[baseOf.length], -1);
        int[] slotOf = new int[children.size()];
        int[] edges = new int[2 * children.size()];
        int edgeCount = 0;
        int firstFree = 1;
        int end = 1;
        Deque<Integer> queue = new ArrayDeque<>(List.of(ROOT));
        while (!queue.isEmpty()) {
            int node = queue.poll();
            TreeMap<Integer, Integer> kids = children.get(node);
            if (kids.isEmpty()) {
                continue;
            }
            while (checkOf[firstFree] != -1) {
                firstFree++;
            }
            int candidate = Math.max(1, firstFree - kids.firstKey());
            while (!fits(checkOf, candidate, kids.keySet())) {
                candidate++;
            }
            if (candidate + alphabet >= checkOf.length) {
                checkOf = resize(checkOf, checkOf.length * 2, -1);
                baseOf = resize(baseOf, baseOf.length * 2, 0);
            }
            int slot = slotOf[node];
            baseOf[slot] = candidate;
            for (Map.Entry<Integer, Integer> kid : kids.entrySet()) {
                int kidSlot = candidate + kid.getKey();
                checkOf[kidSlot] = slot;
                slotOf[kid.getValue()] = kidSlot;
                end = Math.max(end, kidSlot + 1);
                edges[edgeCount++] = kidSlot;
                edges[edgeCount++] = kid.getKey();
                queue.add(kid.getValue());
            }
        }
        int length = end + alphabet;
        base = resize(baseOf, length, 0);
        check = resize(checkOf, length, -1);
        wordAt = filled(new int[length], -1);
        for (int id = 0; id < terminal.length; id++) {
            wordAt[slotOf[terminal[id]]] = id;
        }
        fail = new int[length];
        dictLink = new int[length];
        outHead = new int[length];
        linkSuffixes(edges, edgeCount);
    }

    /**
     * Failure and output links. Edges come in breadth-first order, so the failure link of a
     * state's parent, and the links of every shorter suffix, are known when the state is reached.
     */
    private void linkSuffixes(int[] edges, int edgeCount) {
        for (int e = 0; e < edgeCount; e += 2) {
            int child = edges[e];
            int parent = check[child];
            int suffix = parent == ROOT ? ROOT : next(fail[parent], edges[e + 1]);
            fail[child] = suffix;
            dictLink[child] = wordAt[suffix] >= 0 ? suffix : dictLink[suffix];
            outHead[child] = wordAt[child] >= 0 ? child : dictLink[child];
        }
    }

    /** The state after reading a letter code in {@code state}. */
    int next(int state, int code) {
        while (true) {
            int target = base[state] + code;
            if (check[target] == state) {
                return target;
            }
            if (state == ROOT) {
                return ROOT;
            }
            state = fail[state];
        }
    }

    /** The plain trie: children per node keyed by char code, in ascending code order. */
    private record Trie(List<TreeMap<Integer, Integer>> children, int[] terminal, int[] codeOf, int alphabet) {

        static Trie of(List<String> words) {
            int[] codeOf = new int[Character.MAX_VALUE + 1];
            int alphabet = 2;
            List<TreeMap<Integer, Integer>> children = new ArrayList<>();
            children.add(new TreeMap<>());
            int[] terminal = new int[words.size()];
            for (int id = 0; id < words.size(); id++) {
                int node = ROOT;
                for (char c : words.get(id).toCharArray()) {
                    if (codeOf[c] == 0) {
                        codeOf[c] = alphabet++;
                    }
                    node = children.get(node).computeIfAbsent(codeOf[c], k -> {
                        children.add(new TreeMap<>());
                        return children.size() - 1;
                    });
                }
                terminal[id] = node;
            }
            return new Trie(children, terminal, codeOf, alphabet);
        }
    }

    private static boolean fits(int[] check, int candidate, Iterable<Integer> codes) {
        for (int code : codes) {
            int slot = candidate + code;
            if (slot < check.length && check[slot] != -1) {
                return false;
            }
        }
        return true;
    }

    private static int[] resize(int[] array, int length, int fill) {
        int[] resized = Arrays.copyOf(array, length);
        if (length > array.length) {
            Arrays.fill(resized, array.length, length, fill);
        }
        return resized;
    }

    private static int[] filled(int[] array, int value) {
        Arrays.fill(array, value);
        return array;
    }
}
