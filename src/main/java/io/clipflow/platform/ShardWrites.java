package io.clipflow.platform;

/**
 * The one way a feature writes to clipflow's tables from inside an engine transaction (a process step, a request
 * that starts or correlates a process). The write is applied now on the transaction's shard connection and
 * logged for redo: the engine commits first, together with the log row, then the shards commit (see
 * {@link ShardConnections}). If the node dies in between, the logged writes are applied again by
 * {@link RedoRecovery}, so the shards end up with exactly what the engine's commit promised.
 *
 * <p>Outside a transaction (a plain process test, a script) the write is simply applied.
 */
public final class ShardWrites {

    private ShardWrites() {
    }

    public static <W> void apply(W write, ShardWriteHandler<W> handler) {
        handler.apply(write, false);
        ShardConnections.currentTransaction().ifPresent(transaction -> transaction.logForRedo(write));
    }
}
