-- Orders and payments are sharded by buyer from here on (sharding.yaml: one table per database, the row in the
-- database of its buyer's bucket). Until now they were single tables in ds_0 with foreign keys to item; an order
-- in another database cannot reference ds_0's item, so both tables are built again without that key (the rows
-- copied over), and a payment carries its order's buyer so that it lands beside its order. Rows in the wrong
-- database (all of an install's orders were in ds_0) are moved by the app at start (OwnerRehoming), which
-- records in shard_layout the number of databases the rows are laid out for.
--
-- The stock an order holds is recorded where the stock is, in ds_0: one stock_hold row per order source, so that
-- taking and giving back stock are idempotent on their own, whichever database the order row is in and whichever
-- of the two commits a crash lost. Existing orders get theirs here (orders are still all in ds_0 at this point);
-- a cancelled order's hold is released.

CREATE TABLE stock_hold (
    holder      VARCHAR(100) NOT NULL PRIMARY KEY,
    item_id     BIGINT       NOT NULL REFERENCES item (id),
    quantity    INT          NOT NULL CHECK (quantity > 0),
    held_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO stock_hold (holder, item_id, quantity, held_at, released_at)
    SELECT source, item_id, quantity, created_at, cancelled_at FROM orders;

CREATE TABLE orders_by_buyer (
    order_no     VARCHAR(32)  NOT NULL PRIMARY KEY,
    buyer        VARCHAR(64)  NOT NULL,
    item_id      BIGINT       NOT NULL,
    quantity     INT          NOT NULL CHECK (quantity > 0),
    amount_cents BIGINT       NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    -- unique in its database; one source is always one buyer's (an idempotency key, a seckill attempt), so all
    -- orders that could share it are in the same database
    source       VARCHAR(100) NOT NULL UNIQUE,
    payment_id   VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at      TIMESTAMP WITH TIME ZONE,
    cancelled_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO orders_by_buyer (order_no, buyer, item_id, quantity, amount_cents, status, source, payment_id,
        created_at, paid_at, cancelled_at)
    SELECT order_no, buyer, item_id, quantity, amount_cents, status, source, payment_id, created_at, paid_at,
        cancelled_at FROM orders;

CREATE TABLE payment_by_buyer (
    payment_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    order_no     VARCHAR(32) NOT NULL REFERENCES orders_by_buyer (order_no),
    buyer        VARCHAR(64) NOT NULL,
    amount_cents BIGINT      NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO payment_by_buyer (payment_id, order_no, buyer, amount_cents, received_at)
    SELECT p.payment_id, p.order_no, o.buyer, p.amount_cents, p.received_at
    FROM payment p JOIN orders o ON o.order_no = p.order_no;

DROP TABLE payment;
DROP TABLE orders;
ALTER TABLE orders_by_buyer RENAME TO orders;
ALTER TABLE payment_by_buyer RENAME TO payment;
CREATE INDEX orders_buyer_created ON orders (buyer, created_at);
CREATE INDEX payment_order ON payment (order_no);

CREATE TABLE shard_layout (
    shard_count INT NOT NULL
);
