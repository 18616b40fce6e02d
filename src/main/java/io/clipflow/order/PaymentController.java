package io.clipflow.order;

import java.time.OffsetDateTime;

import io.clipflow.order.OrderPayments.Payment;
import io.clipflow.platform.ApiErrors;
import io.clipflow.platform.ProblemCode;
import io.clipflow.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders/{orderNo}/payments}: the payment provider (or the buyer's client) reports a payment,
 * amount in cents. 200 with the payment, the same for every delivery of the same {@code paymentId}; a wrong
 * amount → 422, a payment id already used for another order → 422, a cancelled order → 409, an order paid by
 * another payment → 409.
 */
@Tag(name = "orders", description = "Idempotent orders and their payments")
@RestController
class PaymentController {

    @Schema(example = "{\"paymentId\": \"pay-1\", \"amount\": 5198}")
    record PaymentReport(@NotBlank @Size(max = 64) String paymentId, @NotNull @PositiveOrZero Long amount) {
    }

    @Schema(example = "{\"orderNo\": \"O20300101K7M2Q9XA\", \"paymentId\": \"pay-1\", \"amount\": 5198, "
            + "\"status\": \"PAID\", \"receivedAt\": \"2030-01-01T10:01:00Z\"}")
    record PaymentResult(String orderNo, String paymentId, long amount, OrderStatus status,
            OffsetDateTime receivedAt) {
    }

    private final OrderBook book;
    private final PaymentCorrelation correlation;

    PaymentController(OrderBook book, PaymentCorrelation correlation) {
        this.book = book;
        this.correlation = correlation;
    }

    @Operation(operationId = "reportPayment", summary = "Report a payment",
            description = "Correlates a payment into the waiting order exactly "
            + "once: every delivery of the same paymentId gets the same answer.")
    @ApiErrors({ ProblemCode.NOT_FOUND, ProblemCode.WRONG_AMOUNT, ProblemCode.PAYMENT_ID_REUSED,
            ProblemCode.ORDER_CANCELLED, ProblemCode.ALREADY_PAID })
    @PostMapping("/api/orders/{orderNo}/payments")
    PaymentResult pay(@PathVariable String orderNo, @Valid @RequestBody PaymentReport report,
            Authentication caller) {
        Order order = OrderController.visibleOrder(book, orderNo, caller);
        Payment payment;
        try {
            payment = correlation.deliver(order, report.paymentId(), report.amount());
        }
        catch (PaymentRejectedException rejected) {
            throw switch (rejected.code()) {
                case PaymentRejectedException.ORDER_CANCELLED, PaymentRejectedException.ALREADY_PAID ->
                        Problems.conflict(rejected.code(), rejected.getMessage());
                default -> Problems.unprocessable(rejected.code(), rejected.getMessage());
            };
        }
        catch (IllegalStateException stillRacing) {
            throw Problems.unavailable("The payment could not be delivered just now; deliver it again");
        }
        // a payment is final: the order it paid is PAID for good, so every delivery reads the same result
        return new PaymentResult(payment.orderNo(), payment.paymentId(), payment.amountCents(), OrderStatus.PAID,
                payment.receivedAt());
    }
}
