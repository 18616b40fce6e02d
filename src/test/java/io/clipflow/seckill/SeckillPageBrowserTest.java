package io.clipflow.seckill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.browser.Browser;
import io.clipflow.browser.BrowserTest;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A buyer on seckill.html, in Chromium: Buy shows PENDING, then SUCCEEDED with the order; a second Buy is refused. */
@BrowserTest
class SeckillPageBrowserTest {

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdentityService identity;

    @Test
    void theBuyerSeesPendingThenTheOrderAndASecondPressIsAlreadyPurchased(Browser browser) throws Exception {
        String buyer = SeckillApi.newBuyer(identity, "pagebuyer" + UUID.randomUUID().toString().substring(0, 8));
        long event = new SeckillApi(mvc).openEvent(items.create("Page pen", 1_500, 5).id(), 5);
        By buy = By.cssSelector("button.buy[data-event='" + event + "']");

        browser.open("/seckill.html");
        browser.type(By.id("user"), buyer);
        browser.type(By.id("password"), buyer);
        browser.click(By.cssSelector("#signin button[type=submit]"));
        browser.waitForText(By.id("who"), buyer);
        recordStatuses(browser);
        pressWhenEnabled(browser, buy);

        browser.until("the order", d -> statusesSeen(browser).contains("SUCCEEDED"));
        String orderNo = JsonPath.read(mvc.perform(get("/api/orders").with(httpBasic(buyer, buyer)))
                .andReturn().getResponse().getContentAsString(), "$.content[0].orderNo");
        assertThat(statusesSeen(browser)).containsSubsequence("PENDING", "SUCCEEDED").doesNotContain("FAILED");
        browser.waitForText(By.cssSelector("#attempts .row:first-child"), "order " + orderNo + " is yours");

        pressWhenEnabled(browser, buy);

        browser.until("two attempts shown", d -> d.findElements(By.cssSelector("#attempts .row")).size() == 2);
        browser.waitForText(By.cssSelector("#attempts .row:first-child .pill"), "REFUSED");
        browser.waitForText(By.cssSelector("#attempts .row:first-child"), "ALREADY_PURCHASED");
        browser.waitForText(By.cssSelector("#attempts .row:last-child .pill"), "SUCCEEDED");
    }

    /** The page re-draws the sales every 2 s; Buy is pressed once it is enabled again, as a person would. */
    private static void pressWhenEnabled(Browser browser, By buy) {
        browser.until("Buy pressed", d -> {
            if (!d.findElement(buy).isEnabled()) {
                return false;
            }
            d.findElement(buy).click();
            return true;
        });
    }

    /**
     * Notes every status the newest attempt's pill shows, however briefly: PENDING may last less than one poll of
     * the test when the order is placed at once.
     */
    private static void recordStatuses(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                window.seenStatuses = [];
                new MutationObserver(() => {
                  const pill = document.querySelector('#attempts .row:first-child .pill');
                  const seen = window.seenStatuses;
                  if (pill && seen[seen.length - 1] !== pill.textContent) { seen.push(pill.textContent); }
                }).observe(document.getElementById('attempts'), {subtree: true, childList: true, characterData: true});
                """);
    }

    @SuppressWarnings("unchecked")
    private static List<String> statusesSeen(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("return window.seenStatuses");
    }
}
