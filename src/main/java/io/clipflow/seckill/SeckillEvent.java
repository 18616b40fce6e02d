package io.clipflow.seckill;

import java.time.OffsetDateTime;

/** A flash sale of {@code stock} units of one item, open from {@code startsAt} (inclusive) to {@code endsAt}. */
record SeckillEvent(long id, long itemId, int stock, OffsetDateTime startsAt, OffsetDateTime endsAt) {
}
