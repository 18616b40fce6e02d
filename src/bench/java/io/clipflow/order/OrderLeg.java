package io.clipflow.order;

import java.util.UUID;

import io.clipflow.catalogue.Items;
import org.springframework.context.ApplicationContext;

/** One order flow instance, submit to PAID, through clipflow's own services (no HTTP): the benchmark's leg. */
public final class OrderLeg implements Runnable {

    private final OrderBook orders;
    private final PaymentCorrelation payments;
    private final long itemId;

    public OrderLeg(ApplicationContext app) {
        this.orders = app.getBean(OrderBook.class);
        this.payments = app.getBean(PaymentCorrelation.class);
        this.itemId = app.getBean(Items.class).create("Benchmark mug", 1_500, 10_000_000).id();
    }

    @Override
    public void run() {
        Order order = orders.place("buyer1", itemId, 1, "bench:" + UUID.randomUUID());
        payments.deliver(order, "pay-" + order.orderNo(), order.amountCents());
    }
}
