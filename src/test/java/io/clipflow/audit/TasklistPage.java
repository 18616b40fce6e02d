package io.clipflow.audit;

import io.clipflow.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Tasklist as an auditor works it: the "My audits" filter and a pool's, a task found by its name (the video's title
 * and category), the audit form (Camunda Forms, fields found by the ids of forms/audit-video.form), the task's
 * assignee and the answers to Complete.
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

    /** Another auditor at the same browser: the session's cookies go, then {@code auditor} signs in. */
    static TasklistPage signInInstead(Browser browser, String auditor) {
        browser.driver().manage().deleteAllCookies();
        return signIn(browser, auditor);
    }

    /** The name of a video's first review task, as the model's name expression writes it. */
    static String audit(String title, String categoryName) {
        return "Audit: " + title + " (" + categoryName + ")";
    }

    /** The name of a four-eyes video's second review task. */
    static String secondReview(String title, String categoryName) {
        return "Second review: " + title + " (" + categoryName + ")";
    }

    /** Selects the "My audits" filter and opens the task named {@code taskName} from its list. */
    TasklistPage openMyAudit(String taskName) {
        return openInFilter("My audits", taskName);
    }

    /** Selects the filter named {@code filter} and opens the task named {@code taskName} from its list. */
    TasklistPage openInFilter(String filter, String taskName) {
        browser.click(filterNamed(filter, ""));
        browser.visible(filterNamed(filter, " and contains(@class,'active')"));
        browser.click(taskInList(taskName));
        browser.visible(By.cssSelector("form [id$='-Title']"));
        return this;
    }

    /** A filter in the list by its name (its tooltip is its description, where it has one). */
    private static By filterNamed(String name, String condition) {
        return By.xpath("//div[contains(@class,'task-filter')" + condition + "]/h4[contains(@class,'name')]"
                + "/a[normalize-space(text()[1])=\"" + name + "\"]");
    }

    static By taskInList(String taskName) {
        return By.xpath("//ol[contains(@class,'tasks-list')]//h4/a[normalize-space()=\"" + taskName + "\"]");
    }

    /** Whether the form shows the component (a conditional one is left out of the page while hidden). */
    boolean shows(String componentId) {
        return !browser.driver().findElements(component(componentId)).isEmpty();
    }

    /** Types {@code user} as the task's assignee in the task's header, as a person hands a task over. */
    TasklistPage assignTo(String user) {
        browser.click(By.cssSelector("[cam-tasklist-task-meta] .assignee [cam-widget-inline-field]"));
        By input = By.cssSelector("input[ng-model='formData.editValue']");
        browser.visible(input).clear();
        browser.type(input, user);
        browser.visible(input).sendKeys(Keys.ENTER);
        return this;
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
    void waitUntilGone(String taskName) {
        browser.until("the task \"" + taskName + "\" gone from the list",
                d -> d.findElements(taskInList(taskName)).isEmpty());
    }

    private static By component(String componentId) {
        return By.cssSelector("form [id$='-" + componentId + "']");
    }
}
