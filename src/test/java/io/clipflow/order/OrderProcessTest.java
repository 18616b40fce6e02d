package io.clipflow.order;

import io.clipflow.ProcessTestEngines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bpmn/order.bpmn} on a plain engine, with the real rules over an in-memory orders database: paid
 * path, timeout path, and a wrong payment that leaves the order waiting.
 */
@Deployment(resources = "bpmn/order.bpmn")
class OrderProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(ProcessTestEngines.plain("order-process-test")).build();

    Items items;
    OrderRows rows;
    OrderBook book;
    DataSourceTransactionManager transactions;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:orders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/shards").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        items = new Items(jdbc);
        rows = new OrderRows(jdbc);
        OrderProperties properties = new OrderProperties(Duration.ofMinutes(15), 100);
        transactions = new DataSourceTransactionManager(db);
        book = new OrderBook(items, rows, runtimeService(), properties, transactions);
        OrderPayments payments = new OrderPayments(jdbc, rows, items);
        OrderProcessDelegates delegates = new OrderProcessDelegates();
        Mocks.register("markOrderPaid", delegates.markOrderPaid(payments));
        Mocks.register("cancelUnpaidOrder", delegates.cancelUnpaidOrder(payments));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void placedOrderWaitsForPaymentWithATimerOfTheConfiguredTimeout() {
        Order order = book.place("buyer1", items.create("Tea", 450, 5).id(), 2, "test:" + UUID.randomUUID());

        ProcessInstance process = processOf(order);
        assertThat(process).isWaitingAt("paymentReceived").hasBusinessKey(order.orderNo());
        assertThat(job().getDuedate().toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
    }

    @Test
    void paymentMarksTheOrderPaidAndEndsTheProcess() {
        Order order = book.place("buyer1", items.create("Tea", 450, 5).id(), 2, "test:" + UUID.randomUUID());
        ProcessInstance process = processOf(order);

        pay(order, "pay-1", 900);

        assertThat(process).hasPassed("markPaid", "orderPaid").isEnded();
        assertThat(rows.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(rows.find(order.orderNo()).orElseThrow().paymentId()).isEqualTo("pay-1");
    }

    @Test
    void timeoutCancelsTheOrderAndReleasesItsStock() {
        Item item = items.create("Tea", 450, 5);
        Order order = book.place("buyer1", item.id(), 2, "test:" + UUID.randomUUID());
        ProcessInstance process = processOf(order);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(3);
        assertThat(process).isWaitingAt("paymentReceived");

        execute(job());

        assertThat(process).hasPassed("cancelOrder", "orderCancelled").hasNotPassed("markPaid").isEnded();
        assertThat(rows.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(5);
    }

    @Test
    void wrongAmountIsRejectedAndTheOrderKeepsWaiting() {
        Order order = book.place("buyer1", items.create("Tea", 450, 5).id(), 1, "test:" + UUID.randomUUID());
        ProcessInstance process = processOf(order);

        assertThatThrownBy(() -> pay(order, "pay-short", 400)).hasMessageContaining("WRONG_AMOUNT");

        assertThat(process).isWaitingAt("paymentReceived");
        assertThat(rows.find(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void placingTwiceForOneSourceStartsOneProcess() {
        Item item = items.create("Tea", 450, 5);
        String source = "test:" + UUID.randomUUID();

        Order first = book.place("buyer1", item.id(), 1, source);
        Order again = book.place("buyer1", item.id(), 1, source);

        assertThat(again.orderNo()).isEqualTo(first.orderNo());
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(4);
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(first.orderNo()).count())
                .isEqualTo(1);
    }

    @Test
    void refusalInsideACallersTransactionLeavesThatTransactionUsable() {
        Item item = items.create("Tea", 450, 1);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThatThrownBy(() -> book.place("buyer1", item.id(), 2, "test:" + UUID.randomUUID()))
                    .isInstanceOfSatisfying(OrderRefusedException.class,
                            refused -> assertThat(refused.code()).isEqualTo(OrderRefusedException.OUT_OF_STOCK));
            items.create("Written after the refusal", 1, 1);
        });

        assertThat(items.find(item.id() + 1)).hasValueSatisfying(
                written -> assertThat(written.name()).isEqualTo("Written after the refusal"));
    }

    private void pay(Order order, String paymentId, long amount) {
        runtimeService().createMessageCorrelation(OrderProcess.PAYMENT_RECEIVED)
                .processInstanceBusinessKey(order.orderNo())
                .setVariables(Map.of(OrderProcess.PAYMENT_ID, paymentId, OrderProcess.AMOUNT, amount))
                .correlate();
    }

    private static ProcessInstance processOf(Order order) {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(order.orderNo())
                .singleResult();
    }
}
