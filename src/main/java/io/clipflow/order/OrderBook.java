package io.clipflow.order;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import io.clipflow.platform.ShardWriteHandler;
import io.clipflow.platform.ShardWrites;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders, for the order API and for seckill: one order per {@code source}, whoever asks how often.
 *
 * <p>{@link #place} reserves the stock, writes the order row and starts the {@code order} process (business
 * key = order number, waiting for {@code PaymentReceived}) in ONE transaction: either all three happen or
 * none. Called inside an engine command (a seckill delegate) it joins that command's transaction; a refusal
 * leaves that transaction usable, while losing a race for the same source marks it rollback-only (the step
 * fails and its retry finds the order placed by the winner).
 */
@Service
public class OrderBook implements ShardWriteHandler<Order> {

    private static final Logger log = LoggerFactory.getLogger(OrderBook.class);

    private final Items items;
    private final OrderRows rows;
    private final RuntimeService runtime;
    private final OrderProperties properties;
    private final TransactionTemplate transaction;

    OrderBook(Items items, OrderRows rows, RuntimeService runtime, OrderProperties properties,
            PlatformTransactionManager transactionManager) {
        this.items = items;
        this.rows = rows;
        this.runtime = runtime;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * The order for {@code source}: placed now, or the one placed for it before (same buyer, item, quantity
     * presumed: the source is the caller's idempotency key).
     *
     * @param source what asks for the order, unique per order: e.g. {@code "key:<token>"}, {@code "seckill:<id>"}
     * @throws OrderRefusedException the item does not exist or has too little stock; nothing was written
     */
    public Order place(String buyer, long itemId, int quantity, String source) {
        Optional<Order> earlier = rows.findBySource(buyer, source);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            Object placed = transaction.execute(status -> {
                try {
                    return placeNow(buyer, itemId, quantity, source);
                }
                catch (OrderRefusedException refused) {
                    // nothing was written (the guarded update matched no row): returned, not thrown, so that
                    // a caller's surrounding transaction (a seckill step) is not marked rollback-only by it
                    return refused;
                }
            });
            if (placed instanceof OrderRefusedException refused) {
                throw refused;
            }
            return (Order) placed;
        }
        catch (DuplicateKeyException concurrentTwin) {
            // the same source won a race a moment ago; its transaction rolled ours back, stock included
            return rows.findBySource(buyer, source).orElseThrow(() -> concurrentTwin);
        }
    }

    public Optional<Order> find(String orderNo) {
        return rows.find(orderNo);
    }

    /** Every order placed for a source starting with {@code sourcePrefix}, e.g. all of one seckill event's. */
    public List<Order> placedFor(String sourcePrefix) {
        return rows.findBySourcePrefix(sourcePrefix);
    }

    /** The buyer's orders, newest first. */
    public List<Order> pageOf(String buyer, int page, int size) {
        return rows.pageOf(buyer, page, size);
    }

    long countOf(String buyer) {
        return rows.countOf(buyer);
    }

    /** Microseconds: what the database keeps, so the first answer and every later read show the same time. */
    static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Order placeNow(String buyer, long itemId, int quantity, String source) {
        Item item = items.find(itemId).orElseThrow(() -> new OrderRefusedException(OrderRefusedException.UNKNOWN_ITEM,
                "Item " + itemId + " does not exist"));
        Order order = new Order(OrderNumbers.next(buyer), buyer, itemId, quantity, item.priceCents() * quantity,
                OrderStatus.CREATED, source, null, now(), null, null);
        ShardWrites.apply(order, this);
        runtime.startProcessInstanceByKey(OrderProcess.PROCESS_KEY, order.orderNo(), Map.of(
                OrderProcess.ORDER_NO, order.orderNo(),
                OrderProcess.PAYMENT_TIMEOUT, properties.paymentTimeout().toString()));
        return order;
    }

    @Override
    public Class<Order> writeType() {
        return Order.class;
    }

    /**
     * Holds the stock (in the item's database, under the order's source) and writes the row (in the buyer's). Each
     * half is idempotent on its own, since the two databases commit one after the other and a crash may keep
     * either. Redone after a crash, the order's process exists already: if another order took its source meanwhile
     * (the client retried after the key's lease) or the stock is gone, the process is withdrawn instead, since
     * nobody was ever told of this order.
     */
    @Override
    public void apply(Order order, boolean redo) {
        if (redo) {
            Optional<Order> placed = rows.findBySource(order.buyer(), order.source());
            if (placed.isPresent() && !placed.get().orderNo().equals(order.orderNo())) {
                withdraw(order, "its source was placed again as " + placed.get().orderNo());
                return;
            }
            if (!items.hold(order.itemId(), order.quantity(), order.source())) {
                placed.ifPresent(row -> rows.delete(row.orderNo()));
                withdraw(order, "its stock is gone");
                return;
            }
            if (placed.isPresent()) {
                return;
            }
        }
        else if (!items.hold(order.itemId(), order.quantity(), order.source())) {
            int left = items.find(order.itemId()).map(Item::stock).orElse(0);
            throw new OrderRefusedException(OrderRefusedException.OUT_OF_STOCK,
                    "Only " + left + " of item " + order.itemId() + " left, " + order.quantity() + " asked for");
        }
        rows.insert(order);
    }

    private void withdraw(Order order, String why) {
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey(OrderProcess.PROCESS_KEY)
                .processInstanceBusinessKey(order.orderNo()).singleResult();
        if (process != null) {
            runtime.deleteProcessInstance(process.getId(), "never placed: " + why, true, true);
        }
        log.warn("Order {} was never placed and its process is withdrawn: {}", order.orderNo(), why);
    }
}
