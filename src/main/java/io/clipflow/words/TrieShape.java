package io.clipflow.words;

import java.util.Arrays;

/**
 * The trie of a sorted word list as flat arrays, before it is placed in a double array. Nodes are numbered
 * breadth first from the root (0), so a node's children are consecutive numbers and every node comes after
 * its parent. A node stands for the range of words sharing its prefix; its children are the runs of equal
 * chars that follow the prefix, found by one pass over the range, with no map per node.
 */
final class TrieShape {

    /** Nodes in the trie. */
    int count;
    int[] parent;
    /** Code of the char leading from the parent to a node. */
    int[] label;
    int[] firstChild;
    int[] childCount;
    /** The node each word ends at, by word index. */
    final int[] terminal;

    /** Words sorted ascending, distinct and non-empty; {@code codes} maps their chars to codes in char order. */
    TrieShape(String[] words, char[] codes) {
        terminal = new int[words.length];
        // the words' codes end to end: the walk below reads each word once per depth, and reads it here
        // sequentially instead of chasing a String per read
        int[] start = new int[words.length + 1];
        for (int w = 0; w < words.length; w++) {
            start[w + 1] = start[w] + words[w].length();
        }
        char[] coded = new char[start[words.length]];
        for (int w = 0; w < words.length; w++) {
            for (int i = 0, at = start[w]; i < words[w].length(); i++) {
                coded[at + i] = codes[words[w].charAt(i)];
            }
        }
        int capacity = Math.max(16, words.length * 2);
        parent = new int[capacity];
        label = new int[capacity];
        firstChild = new int[capacity];
        childCount = new int[capacity];
        int[] lo = new int[capacity];
        int[] hi = new int[capacity];
        int[] depth = new int[capacity];
        count = 1;
        hi[0] = words.length;
        for (int node = 0; node < count; node++) {
            int from = lo[node];
            int to = hi[node];
            int d = depth[node];
            if (from < to && start[from + 1] - start[from] == d) {
                terminal[from++] = node; // sorted: the word that is the prefix itself comes first
            }
            firstChild[node] = count;
            for (int i = from; i < to; i++) {
                int code = coded[start[i] + d];
                if (count > firstChild[node] && label[count - 1] >= code) {
                    if (label[count - 1] == code) {
                        continue;
                    }
                    throw new IllegalArgumentException("words not in ascending order at " + words[i]);
                }
                if (count == parent.length) {
                    int grown = count * 3 / 2;
                    parent = Arrays.copyOf(parent, grown);
                    label = Arrays.copyOf(label, grown);
                    firstChild = Arrays.copyOf(firstChild, grown);
                    childCount = Arrays.copyOf(childCount, grown);
                    lo = Arrays.copyOf(lo, grown);
                    hi = Arrays.copyOf(hi, grown);
                    depth = Arrays.copyOf(depth, grown);
                }
                if (count > firstChild[node]) {
                    hi[count - 1] = i;
                }
                parent[count] = node;
                label[count] = code;
                lo[count] = i;
                depth[count] = d + 1;
                count++;
            }
            childCount[node] = count - firstChild[node];
            if (childCount[node] > 0) {
                hi[count - 1] = to;
            }
        }
    }

    /** The nodes with children, those with the most first (ties in breadth-first order). */
    int[] byChildCountDescending() {
        int most = 0;
        for (int node = 0; node < count; node++) {
            most = Math.max(most, childCount[node]);
        }
        int[] start = new int[most + 2];
        for (int node = 0; node < count; node++) {
            start[most - childCount[node] + 1]++;
        }
        for (int c = 1; c < start.length; c++) {
            start[c] += start[c - 1];
        }
        int inner = start[most]; // nodes with at least one child
        int[] order = new int[count];
        for (int node = 0; node < count; node++) {
            order[start[most - childCount[node]]++] = node;
        }
        return Arrays.copyOf(order, inner);
    }
}
