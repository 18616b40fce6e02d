package io.clipflow.order;

import java.time.OffsetDateTime;
import java.util.Optional;

import io.clipflow.catalogue.Items;
import io.clipflow.platform.ShardWriteHandler;
import io.clipflow.platform.ShardWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules of paying for and cancelling an order, run by the order process's service tasks whoever
 * correlated the message ({@code /api} or {@code /engine-rest}). Each is idempotent: the payment id is the
 * {@code payment} table's key, and status changes are guarded by the status they leave. Each is a
 * {@link ShardWrites shard write} that the step's engine commit owes, redone as it is after a crash.
 */
@Component
class OrderPayments implements ShardWriteHandler<OrderPayments.Change> {

    /** A change of an order's payment state. */
    sealed interface Change permits PaymentApplied, UnpaidCancelled {
    }

    record PaymentApplied(String orderNo, String paymentId, long amountCents) implements Change {
    }

    record UnpaidCancelled(String orderNo) implements Change {
    }

    /** A payment applied to an order, recorded once per payment provider id. */
    record Payment(String paymentId, String orderNo, long amountCents, OffsetDateTime receivedAt) {
    }

    private final JdbcClient jdbc;
    private final OrderRows orders;
    private final Items items;

    OrderPayments(JdbcClient clipflowJdbc, OrderRows orders, Items items) {
        this.jdbc = clipflowJdbc;
        this.orders = orders;
        this.items = items;
    }

    /**
     * Marks the order paid by this payment, or does nothing if exactly this payment was applied already.
     *
     * @throws PaymentRejectedException the payment must not be applied (nothing is written)
     */
    void applyPayment(String orderNo, String paymentId, long amountCents) {
        ShardWrites.apply(new PaymentApplied(orderNo, paymentId, amountCents), this);
    }

    /** Cancels an unpaid order and gives its stock back; does nothing for a paid or cancelled order. */
    void cancelUnpaid(String orderNo) {
        ShardWrites.apply(new UnpaidCancelled(orderNo), this);
    }

    @Override
    public Class<Change> writeType() {
        return Change.class;
    }

    @Override
    public void apply(Change change, boolean redo) {
        if (change instanceof PaymentApplied paid) {
            pay(paid.orderNo(), paid.paymentId(), paid.amountCents());
        }
        else if (change instanceof UnpaidCancelled cancelled) {
            cancel(cancelled.orderNo());
        }
    }

    private void pay(String orderNo, String paymentId, long amountCents) {
        Optional<Payment> earlier = findPayment(paymentId);
        if (earlier.isPresent()) {
            if (!earlier.get().orderNo().equals(orderNo)) {
                throw new PaymentRejectedException(PaymentRejectedException.PAYMENT_ID_REUSED,
                        "payment " + paymentId + " was applied to another order");
            }
            return;
        }
        Order order = orders.find(orderNo)
                .orElseThrow(() -> new IllegalStateException("Order " + orderNo + " does not exist"));
        check(order, amountCents);
        OffsetDateTime now = OrderBook.now();
        // the insert is the guard: a concurrent twin of this payment fails on the primary key and rolls back (the
        // key is unique in the buyer's shard database; the same id reused for another buyer's order is found by
        // the read above, which asks every shard, and concurrent deliveries of one id meet at PaymentCorrelation's
        // gate first)
        jdbc.sql("INSERT INTO payment (payment_id, order_no, buyer, amount_cents, received_at) VALUES (?, ?, ?, ?, ?)")
                .params(paymentId, orderNo, order.buyer(), amountCents, now).update();
        if (!orders.markPaid(orderNo, paymentId, now)) {
            throw new IllegalStateException("Order " + orderNo + " changed while it was being paid");
        }
    }

    /** Refuses what {@link #applyPayment} would refuse, before anything is correlated. */
    void check(Order order, long amountCents) {
        if (order.status() == OrderStatus.CANCELLED) {
            throw new PaymentRejectedException(PaymentRejectedException.ORDER_CANCELLED,
                    "order " + order.orderNo() + " was cancelled");
        }
        if (order.status() == OrderStatus.PAID) {
            throw new PaymentRejectedException(PaymentRejectedException.ALREADY_PAID,
                    "order " + order.orderNo() + " was paid by payment " + order.paymentId());
        }
        if (amountCents != order.amountCents()) {
            throw new PaymentRejectedException(PaymentRejectedException.WRONG_AMOUNT,
                    "order " + order.orderNo() + " costs " + order.amountCents() + ", not " + amountCents);
        }
    }

    private void cancel(String orderNo) {
        Order order = orders.find(orderNo)
                .orElseThrow(() -> new IllegalStateException("Order " + orderNo + " does not exist"));
        // the order's row and its stock hold are in different databases, which commit one after the other: the
        // release is idempotent on its own, so a redo gives back what the first run's lost commit did not
        if (orders.markCancelled(orderNo, OrderBook.now()) || order.status() == OrderStatus.CANCELLED) {
            items.release(order.source());
        }
    }

    Optional<Payment> findPayment(String paymentId) {
        return jdbc.sql("SELECT payment_id, order_no, amount_cents, received_at FROM payment WHERE payment_id = ?")
                .param(paymentId)
                .query((rs, n) -> new Payment(rs.getString("payment_id"), rs.getString("order_no"),
                        rs.getLong("amount_cents"), rs.getObject("received_at", OffsetDateTime.class)))
                .optional();
    }
}
