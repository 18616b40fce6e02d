package io.clipflow.audit;

import io.clipflow.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Tasklist as an auditor works it: the "My audits" filter, a task found by the video's title, the audit form
 * (Camunda Forms, fields found by the ids of forms/audit-video.form) and the answers to Complete.
 */
final class TasklistPage {

    private static final By NOTIFICATION = By.cssSelector(".page-notifications .alert-danger");
    private static final By COMPLETE = By.xpath("//button[normalize-space()='Complete']");

    private final Browser browser;

    private TasklistPage(Browser browser) {
        this.browser = browser;
    }

    static TasklistPage signIn(Browser browser, String auditor) {
        browser.signInToCamunda("tasklist", auditor);
        return new TasklistPage(browser);
    }

    /** Selects the "My audits" filter and opens the task named after {@code title} from its list. */
    TasklistPage openMyAudit(String title) {
        browser.click(By.cssSelector(".task-filter h4.name[uib-tooltip='My audits']"));
        browser.visible(By.cssSelector(".task-filter.active h4.name[uib-tooltip='My audits']"));
        browser.click(taskInList(title));
        browser.visible(By.cssSelector("form [id$='-Title']"));
        return this;
    }

    static By taskInList(String title) {
        return By.xpath("//ol[contains(@class,'tasks-list')]//h4/a[normalize-space()=\"Audit video: " + title + "\"]");
    }

    /** What a read-only field of the form shows, by the component id in forms/audit-video.form. */
    String field(String componentId) {
        return browser.valueOf(component(componentId));
    }

    String videoLink() {
        return browser.visible(By.xpath("//form//a[normalize-space()='Open the video']")).getDomAttribute("href");
    }

    TasklistPage approve() {
        browser.click(component("Approved"));
        browser.until("the reason hidden", d -> d.findElements(component("Reason")).isEmpty());
        return this;
    }

    TasklistPage reason(String reason) {
        browser.type(component("Reason"), reason);
        return this;
    }

    /** Closes what Tasklist said before (its notifications cover the button), then presses Complete. */
    void complete() {
        for (WebElement close : browser.driver().findElements(By.cssSelector(".page-notifications .alert "
                + "button.close[ng-click^='removeNotification']"))) {
            close.click();
        }
        browser.until("notifications closed", d -> d.findElements(NOTIFICATION).isEmpty());
        browser.click(COMPLETE);
    }

    /** The form's own message under the reason field, shown instead of sending the form. */
    String reasonError() {
        return browser.visible(By.cssSelector("form [id$='-Reason-error-message']")).getText();
    }

    /** The red notification Tasklist shows when the server refused the form. */
    String refusal() {
        return browser.visible(NOTIFICATION).getText();
    }

    boolean showsRefusal() {
        return !browser.driver().findElements(NOTIFICATION).isEmpty();
    }

    /** Waits until the task is gone from the list: Tasklist's sign that it was completed. */
    void waitUntilGone(String title) {
        browser.until("the task \"" + title + "\" gone from the list",
                d -> d.findElements(taskInList(title)).isEmpty());
    }

    private static By component(String componentId) {
        return By.cssSelector("form [id$='-" + componentId + "']");
    }
}
