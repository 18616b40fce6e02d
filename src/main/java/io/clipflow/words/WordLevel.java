package io.clipflow.words;

/** What a hit on a library word means for the screened text; declared strictest first. */
public enum WordLevel {
    /** The text must not be published. */
    BLOCK,
    /** The text goes to a human reviewer. */
    REVIEW
}
