package io.clipflow.platform;

/**
 * Applies one kind of write to clipflow's tables on behalf of an engine transaction (see {@link ShardWrites}).
 * A feature's handler is a Spring bean, found again by {@link #writeType()} when a write has to be redone.
 *
 * @param <W> the write: a record that Jackson can write and read back, carrying everything the write needs
 */
public interface ShardWriteHandler<W> {

    /** The writes this handler applies (subtypes included). */
    Class<W> writeType();

    /**
     * Applies the write. It runs once in the transaction that asked for it ({@code redo == false}), and again
     * ({@code redo == true}) if the node died after the engine committed and before the shards did: then it must
     * leave alone whatever of it is already there, and it may undo engine state that can no longer be matched.
     */
    void apply(W write, boolean redo);
}
