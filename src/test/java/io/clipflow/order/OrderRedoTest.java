package io.clipflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import io.clipflow.platform.ShardWriteHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order feature's shard writes redone after their node died between the engine's commit and the shards':
 * the order process exists, its row and stock (or its payment, or its cancellation) may not. Each redo goes
 * through the JSON form the redo log keeps.
 */
@ClipflowIntegrationTest
class OrderRedoTest {

    @Autowired Items items;
    @Autowired OrderBook book;
    @Autowired OrderPayments payments;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient clipflowJdbc;
    @Autowired ObjectMapper json;
    @Autowired PlatformTransactionManager transactions;
    @Autowired OrderRows rows;

    @Test
    void redoPlacesTheLostOrderOnce() {
        Item item = items.create("Lamp", 1200, 5);
        Order order = orderWithProcess(item, "key:" + UUID.randomUUID());

        redo(order, book);
        redo(order, book);

        assertThat(book.find(order.orderNo())).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.CREATED));
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(4);
        assertThat(processOf(order)).isOne();
    }

    @Test
    void redoWithdrawsTheProcessWhenTheStockIsGone() {
        Item item = items.create("Last lamp", 1200, 1);
        Order lost = orderWithProcess(item, "key:" + UUID.randomUUID());
        book.place("buyer1", item.id(), 1, "key:" + UUID.randomUUID()); // the last unit went to someone else

        redo(lost, book);

        assertThat(book.find(lost.orderNo())).isEmpty();
        assertThat(processOf(lost)).isZero();
        assertThat(items.find(item.id()).orElseThrow().stock()).isZero();
    }

    @Test
    void redoWithdrawsTheProcessWhenItsSourceWasPlacedAgain() {
        Item item = items.create("Desk", 9900, 5);
        String source = "key:" + UUID.randomUUID();
        Order lost = orderWithProcess(item, source);
        Order retried = book.place("buyer1", item.id(), 1, source); // the client's retry after the key's lease

        redo(lost, book);

        assertThat(processOf(lost)).isZero();
        assertThat(book.find(retried.orderNo())).isPresent();
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(4);
    }

    @Test
    void redoAppliesALostPaymentOnce() {
        Order order = book.place("buyer1", items.create("Pen", 300, 5).id(), 2, "key:" + UUID.randomUUID());
        OrderPayments.Change paid = new OrderPayments.PaymentApplied(order.orderNo(), "pay-" + order.orderNo(), 600);

        redo(paid, payments);
        redo(paid, payments);

        assertThat(book.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(clipflowJdbc.sql("SELECT COUNT(*) FROM payment WHERE order_no = ?").param(order.orderNo())
                .query(Integer.class).single()).isOne();
    }

    @Test
    void redoCancelsALostCancellationOnceAndReleasesTheStockOnce() {
        Item item = items.create("Cup", 500, 5);
        Order order = book.place("buyer1", item.id(), 3, "key:" + UUID.randomUUID());
        OrderPayments.Change cancelled = new OrderPayments.UnpaidCancelled(order.orderNo());

        redo(cancelled, payments);
        redo(cancelled, payments);

        assertThat(book.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(5);
    }

    // The order row (buyer's database) and its stock hold (the item's, ds_0) commit one after the other: a crash
    // between the two keeps one half. The redo finishes the other and takes the stock once.

    @Test
    void redoAfterOnlyTheStockHoldCommittedWritesTheOrderAndTakesNothingMore() {
        Item item = items.create("Mic", 4000, 5);
        Order order = orderWithProcess(item, "key:" + UUID.randomUUID());
        assertThat(items.hold(item.id(), 1, order.source())).isTrue();

        redo(order, book);
        redo(order, book);

        assertThat(book.find(order.orderNo())).isPresent();
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(4);
        assertThat(processOf(order)).isOne();
    }

    @Test
    void redoAfterOnlyTheOrderRowCommittedHoldsTheStockOnce() {
        Item item = items.create("Stand", 2500, 5);
        Order order = orderWithProcess(item, "key:" + UUID.randomUUID());
        rows.insert(order);

        redo(order, book);
        redo(order, book);

        assertThat(items.holds(order.source())).isTrue();
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(4);
        assertThat(book.find(order.orderNo())).isPresent();
        assertThat(processOf(order)).isOne();
    }

    @Test
    void redoAfterOnlyTheOrderRowCommittedTakesTheOrderBackWhenTheStockIsGone() {
        Item item = items.create("Last stand", 2500, 1);
        Order lost = orderWithProcess(item, "key:" + UUID.randomUUID());
        rows.insert(lost);
        book.place("buyer1", item.id(), 1, "key:" + UUID.randomUUID()); // the last unit went to someone else

        redo(lost, book);

        assertThat(book.find(lost.orderNo())).isEmpty();
        assertThat(processOf(lost)).isZero();
        assertThat(items.find(item.id()).orElseThrow().stock()).isZero();
    }

    @Test
    void redoOfACancellationWhoseStockReleaseWasLostGivesTheStockBackOnce() {
        Item item = items.create("Bag", 700, 5);
        Order order = book.place("buyer1", item.id(), 2, "key:" + UUID.randomUUID());
        assertThat(rows.markCancelled(order.orderNo(), OrderBook.now())).isTrue(); // the order's database committed

        redo(new OrderPayments.UnpaidCancelled(order.orderNo()), payments);
        redo(new OrderPayments.UnpaidCancelled(order.orderNo()), payments);

        assertThat(book.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(5);
    }

    /** What the engine's commit left: the order's process, started, and nothing of it in the shards. */
    private Order orderWithProcess(Item item, String source) {
        Order order = new Order(OrderNumbers.next("buyer1"), "buyer1", item.id(), 1, item.priceCents(), OrderStatus.CREATED,
                source, null, OrderBook.now(), null, null);
        runtime.startProcessInstanceByKey(OrderProcess.PROCESS_KEY, order.orderNo(), Map.of(
                OrderProcess.ORDER_NO, order.orderNo(), OrderProcess.PAYMENT_TIMEOUT, "PT15M"));
        return order;
    }

    private <W> void redo(W write, ShardWriteHandler<? super W> handler) {
        @SuppressWarnings("unchecked")
        W logged = (W) json.convertValue(json.valueToTree(write), write.getClass());
        new TransactionTemplate(transactions).executeWithoutResult(status -> apply(handler, logged));
    }

    @SuppressWarnings("unchecked")
    private static <W> void apply(ShardWriteHandler<? super W> handler, W write) {
        ((ShardWriteHandler<W>) handler).apply(write, true);
    }

    private long processOf(Order order) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(order.orderNo()).count();
    }
}
