package io.clipflow.words;

import java.util.Arrays;

/**
 * Aho-Corasick automaton over normalised chars, stored as a double-array trie.
 *
 * <p>Each char the library uses gets a small dense code, and {@link #codes} maps every raw
 * char straight to its code, folding included, so the matcher reads one table per char:
 * {@link #FILLER}, {@link #FOREIGN} (a char no word contains: the walk restarts at the root), or
 * a letter code. A transition is then {@code base[state] + code}, valid when {@code check} of the
 * target names {@code state}; all arrays stay small enough to live in cache.
 *
 * <p>Built from the sorted words through a {@link TrieShape} of flat arrays, with no object per node. Codes
 * follow char order, so the sorted order of the words is the order of the children's codes.
 */
final class Automaton {

    static final char FILLER = 0;
    static final char FOREIGN = 1;
    private static final int ROOT = 0;
    private static final int FIRST_CODE = 2;

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

    /**
     * Builds the automaton for distinct, non-empty normalised words in ascending {@link String} order; word
     * ids are array indexes.
     *
     * <p>The nodes with the most children are placed first, as in first-fit-decreasing bin packing: they need
     * an emptier stretch of the array than anyone, and the one-child nodes, which are most of a large library,
     * fill the holes they leave. States come out in breadth-first order for the failure links either way.
     */
    Automaton(String[] words, char[] matchTable) {
        char[] codeOf = codeOf(words);
        int alphabet = mapChars(codeOf, matchTable);
        TrieShape trie = new TrieShape(words, codeOf);
        FreeSlots slots = new FreeSlots(trie.count + alphabet);
        int[] nodeBase = new int[trie.count];
        for (int node : trie.byChildCountDescending()) {
            nodeBase[node] = slots.place(trie.label, trie.firstChild[node], trie.childCount[node]);
        }
        int length = slots.end() + alphabet;
        base = new int[length];
        check = new int[length];
        Arrays.fill(check, -1);
        int[] slotOf = new int[trie.count];
        for (int node = 1; node < trie.count; node++) {
            int parent = trie.parent[node];
            slotOf[node] = nodeBase[parent] + trie.label[node];
            check[slotOf[node]] = slotOf[parent];
        }
        for (int node = 0; node < trie.count; node++) {
            base[slotOf[node]] = nodeBase[node];
        }
        wordAt = new int[length];
        Arrays.fill(wordAt, -1);
        for (int id = 0; id < words.length; id++) {
            wordAt[slotOf[trie.terminal[id]]] = id;
        }
        fail = new int[length];
        dictLink = new int[length];
        outHead = new int[length];
        linkSuffixes(slotOf, trie.count);
    }

    /** The code of every char a word uses, in char order from {@link #FIRST_CODE}; 0 for the others. */
    private static char[] codeOf(String[] words) {
        char[] codeOf = new char[Character.MAX_VALUE + 1];
        for (String word : words) {
            for (int i = 0; i < word.length(); i++) {
                codeOf[word.charAt(i)] = 1;
            }
        }
        char next = FIRST_CODE;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (codeOf[c] != 0) {
                codeOf[c] = next++;
            }
        }
        return codeOf;
    }

    /** Fills {@link #codes}: every raw char, folded, to its code, filler or foreign; returns the alphabet size. */
    private int mapChars(char[] codeOf, char[] matchTable) {
        int alphabet = FIRST_CODE;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char folded = matchTable[c];
            codes[c] = folded == 0 ? FILLER : codeOf[folded] == 0 ? FOREIGN : codeOf[folded];
            alphabet = Math.max(alphabet, codeOf[c] + 1);
        }
        return alphabet;
    }

    /**
     * Failure and output links. States come in breadth-first order, so the failure link of a
     * state's parent, and the links of every shorter suffix, are known when the state is reached.
     */
    private void linkSuffixes(int[] order, int count) {
        for (int i = 1; i < count; i++) {
            int child = order[i];
            int parent = check[child];
            int suffix = parent == ROOT ? ROOT : next(fail[parent], child - base[parent]);
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
}
