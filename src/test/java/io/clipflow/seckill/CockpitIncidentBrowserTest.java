package io.clipflow.seckill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.browser.Browser;
import io.clipflow.browser.BrowserTest;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An operator in Cockpit, in Chromium: the three processes, a seckill instance whose order step failed (an
 * incident), retried there; the instance then ends.
 */
@BrowserTest
class CockpitIncidentBrowserTest {

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;
    @Autowired ManagementService management;

    @Test
    void theOperatorSeesTheProcessesOpensTheFailedSeckillInstanceAndRetriesIt(Browser browser) throws Exception {
        String attemptId = attemptWhoseOrderStepFails();
        await("the incident").atMost(Duration.ofSeconds(60)).until(() -> failedToTheEnd(attemptId));

        browser.signInToCamunda("cockpit", "admin");
        browser.click(By.xpath("//a[normalize-space()='Processes']"));
        browser.waitForText(By.tagName("h1"), "3 process definitions deployed");
        for (String key : new String[] { "order", "publish-to-display", "seckill" }) {
            browser.visible(By.linkText(key));
        }
        browser.click(By.linkText("seckill"));
        browser.click(By.xpath("//tr[td[normalize-space()='" + attemptId + "']]//a[contains(@href,'process-instance')]"));
        browser.click(By.xpath("//a[normalize-space()='Incidents']"));
        browser.waitForText(By.cssSelector("table"), "OUT_OF_STOCK");
        browser.click(By.cssSelector("a[ng-click^='openJobRetryDialog']"));
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]/button[normalize-space()='Retry']"));
        browser.waitForText(By.cssSelector(".modal-body"), "has been incremented successfully");
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]/button[normalize-space()='OK']"));

        await("the instance's end").atMost(Duration.ofSeconds(30))
                .until(() -> ended(attemptId) != null);
        assertThat(ended(attemptId).getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        browser.open("/camunda/app/cockpit/default/#/processes");
        browser.click(By.linkText("seckill"));
        long running = runtime.createProcessInstanceQuery().processDefinitionKey("seckill").count();
        browser.until("the " + running + " running seckill instances listed", d -> running == 0
                ? !d.findElements(By.xpath("//*[normalize-space()='No process instances matched by current filter.']"))
                        .isEmpty()
                : d.findElements(By.xpath("//tr[td/a[contains(@href,'process-instance')]]")).size() == running);
        assertThat(browser.driver().findElements(By.xpath("//td[normalize-space()='" + attemptId + "']"))).isEmpty();
    }

    /** A sold-out item in the database (sold elsewhere): the seckill's order step fails until its retries run out. */
    private String attemptWhoseOrderStepFails() throws Exception {
        SeckillApi api = new SeckillApi(mvc);
        String buyer = SeckillApi.newBuyer(identity, "cockpit" + UUID.randomUUID().toString().substring(0, 8));
        long item = items.create("Cockpit clock", 1_000, 1).id();
        long event = api.openEvent(item, 1);
        jdbc.sql("UPDATE item SET stock = 0 WHERE id = ?").param(item).update();
        return JsonPath.read(api.attempt(buyer, event, api.token(buyer)).getContentAsString(), "$.attemptId");
    }

    /** Runs the order step's retries without waiting for their due times; true once the incident is there. */
    private boolean failedToTheEnd(String attemptId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(attemptId)
                .singleResult();
        if (instance == null) {
            return false; // not started from the stream yet
        }
        Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        if (job != null && job.getRetries() > 0) {
            try {
                management.executeJob(job.getId());
            }
            catch (RuntimeException expected) {
                // the step fails, as it should; the job executor may also have run it meanwhile
            }
        }
        return runtime.createIncidentQuery().processInstanceId(instance.getId()).count() == 1;
    }

    private HistoricProcessInstance ended(String attemptId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(attemptId).finished()
                .singleResult();
    }
}
