package io.clipflow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.client.api.ItemsApi;
import io.clipflow.client.api.OrdersApi;
import io.clipflow.client.api.SeckillApi;
import io.clipflow.client.api.VideosApi;
import io.clipflow.client.model.Accepted;
import io.clipflow.client.model.AttemptView;
import io.clipflow.client.model.EventView;
import io.clipflow.client.model.Item;
import io.clipflow.client.model.NewEvent;
import io.clipflow.client.model.NewItem;
import io.clipflow.client.model.NewOrder;
import io.clipflow.client.model.OrderView;
import io.clipflow.client.model.PublishRequest;
import io.clipflow.client.model.Video;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.TestUsers;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Java client that openapi-generator writes from {@code docs/openapi.json} at build time (never committed),
 * used as an integrator would: publish a video, place an order with its token, try a flash sale, and read the
 * documented refusals ({@code SOLD_OUT}, {@code IDEMPOTENCY_KEY_REUSED}) from its exceptions.
 */
@ClipflowIntegrationTest
class GeneratedClientTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @Test
    void publishesOrdersAndTakesPartInAFlashSale() throws Exception {
        Video video = new VideosApi(as("creator1")).publishVideo(new PublishRequest().title("Client tour")
                .description("Made with the generated client").videoUrl("https://videos.example/client.mp4"));
        assertThat(video.getCode()).isNotBlank();
        assertThat(video.getCreator()).isEqualTo("creator1");
        assertThat(new VideosApi(as("creator1")).getVideo(video.getCode()).getTitle()).isEqualTo("Client tour");

        Item item = new ItemsApi(as("admin")).createItem(new NewItem().name("Client lamp").priceCents(1250L).stock(10));
        OrdersApi buyer = new OrdersApi(as("buyer1"));
        String orderToken = buyer.issueOrderToken().getToken();
        var placed = buyer.placeOrderWithHttpInfo(new NewOrder().itemId(item.getId()).quantity(2), orderToken);
        assertThat(placed.getStatusCode()).isEqualTo(201);
        assertThat(placed.getData().getStatus()).isEqualTo(OrderView.StatusEnum.CREATED);
        assertThat(placed.getData().getAmountCents()).isEqualTo(2500L);
        var replayed = buyer.placeOrderWithHttpInfo(new NewOrder().itemId(item.getId()).quantity(2), orderToken);
        assertThat(replayed.getData().getOrderNo()).isEqualTo(placed.getData().getOrderNo());
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThatThrownBy(() -> buyer.placeOrder(new NewOrder().itemId(item.getId()).quantity(3), orderToken))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(422);
                    assertThat(refused.getResponseBody()).contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"");
                });

        OffsetDateTime now = OffsetDateTime.now();
        EventView sale = new SeckillApi(as("admin")).createSale(new NewEvent().itemId(item.getId()).stock(1)
                .startsAt(now.minusSeconds(5)).endsAt(now.plusMinutes(10)));
        SeckillApi first = new SeckillApi(as("buyer1"));
        Accepted accepted = first.attemptPurchase(sale.getId(), first.issueSaleToken(sale.getId()).getToken());
        assertThat(accepted.getStatus()).isEqualTo(Accepted.StatusEnum.PENDING);
        Awaitility.await().until(() -> first.getAttempt(accepted.getAttemptId()).getStatus(),
                status -> status == AttemptView.StatusEnum.SUCCEEDED);
        assertThat(first.getAttempt(accepted.getAttemptId()).getOrderNo()).isNotBlank();

        SeckillApi second = new SeckillApi(as(buyer("clientbuyer2")));
        String token = second.issueSaleToken(sale.getId()).getToken();
        assertThatThrownBy(() -> second.attemptPurchase(sale.getId(), token))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(409);
                    assertThat(refused.getResponseBody()).contains("\"code\":\"SOLD_OUT\"");
                });
    }

    private ApiClient as(String user) {
        String login = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + login));
        return client;
    }

    private String buyer(String id) {
        return TestUsers.member(identity, id, ClipflowGroups.BUYERS);
    }
}
