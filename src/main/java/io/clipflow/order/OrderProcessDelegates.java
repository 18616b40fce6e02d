package io.clipflow.order;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order process's service tasks ({@code ${markOrderPaid}}, {@code ${cancelUnpaidOrder}}): thin adapters
 * over {@link OrderPayments}. They run in the correlating (or timer job's) transaction, so the order row and
 * the process state change together.
 *
 * <p>Because the PAID step checks the amount and records the payment id itself, a payment correlated through
 * {@code POST /engine-rest/message} gets the same protection as one through {@code /api}: a wrong amount, a
 * reused payment id, or a second payment fails the correlation and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class OrderProcessDelegates {

    @Bean
    JavaDelegate markOrderPaid(OrderPayments payments) {
        return execution -> payments.applyPayment(execution.getProcessBusinessKey(),
                requiredString(execution, OrderProcess.PAYMENT_ID), amountOf(execution));
    }

    @Bean
    JavaDelegate cancelUnpaidOrder(OrderPayments payments) {
        return execution -> payments.cancelUnpaid(execution.getProcessBusinessKey());
    }

    static String requiredString(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("Process variable '" + name + "' is required");
        }
        return value.toString();
    }

    /** The amount in cents, as a number or a numeric string (engine REST clients send either). */
    static long amountOf(DelegateExecution execution) {
        Object value = execution.getVariable(OrderProcess.AMOUNT);
        if (value instanceof Number number && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        try {
            return Long.parseLong(requiredString(execution, OrderProcess.AMOUNT).trim());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("Process variable 'amount' must be a whole number of cents");
        }
    }
}
