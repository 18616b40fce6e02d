package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.clipflow.browser.Browser;
import io.clipflow.browser.BrowserTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * An auditor's day in Tasklist, in Chromium: the video found by its title in "My audits", its form, the refusals
 * a person meets there (the form's own, and the decision guard's, readable), and decisions that end the task and
 * reach the video.
 */
@BrowserTest
class TasklistBrowserTest extends AuditApiSupport {

    static final String URL = "https://v.example/clip.mp4";

    @Test
    void theAuditorFindsTheVideoByTitleSeesItInTheFormAndApprovesIt(Browser browser) {
        String title = unique("Street food tour");
        String code = publish(title, "Night market, short casino ad break");
        Task task = openTask(code);

        TasklistPage tasklist = TasklistPage.signIn(browser, task.getAssignee()).openMyAudit(title);

        assertThat(tasklist.field("Title")).isEqualTo(title);
        assertThat(tasklist.field("Description")).isEqualTo("Night market, short casino ad break");
        assertThat(tasklist.field("VideoUrl")).isEqualTo(URL);
        assertThat(tasklist.videoLink()).isEqualTo(URL);
        assertThat(tasklist.field("FlaggedWords")).isEqualTo("casino");

        tasklist.approve().complete();

        tasklist.waitUntilGone(title);
        assertThat(tasklist.showsRefusal()).isFalse();
        assertThat(openTask(code)).isNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 2).containsEntry("AUDITOR", task.getAssignee());
    }

    @Test
    void aRejectionWithoutReasonIsRefusedInTheFormAndOneWithAReasonEndsTheTask(Browser browser) {
        String title = unique("Lip sync");
        String code = publish(title, "Someone else's song");
        Task task = openTask(code);
        TasklistPage tasklist = TasklistPage.signIn(browser, task.getAssignee()).openMyAudit(title);

        tasklist.complete();

        assertThat(tasklist.reasonError()).isEqualTo("Field is required.");
        assertThat(openTask(code)).isNotNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 1);

        tasklist.reason("Copyrighted music").complete();

        tasklist.waitUntilGone(title);
        assertThat(openTask(code)).isNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 3).containsEntry("REASON", "Copyrighted music");
        assertThat(auditRecords(code)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("AUDITOR", task.getAssignee()).containsEntry("DECISION", 3));
    }

    @Test
    void aBlankReasonPassesTheFormAndTheGuardsRefusalIsShownInItsOwnWords(Browser browser) {
        String title = unique("Blank reason");
        String code = publish(title, "Spaces are not a reason");
        TasklistPage tasklist = TasklistPage.signIn(browser, openTask(code).getAssignee()).openMyAudit(title);

        tasklist.reason("   ").complete();

        assertThat(tasklist.refusal()).contains("A rejection needs a 'reason'").doesNotContain("ENGINE-")
                .doesNotContainIgnoringCase("exception");
        assertThat(openTask(code)).isNotNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
    }

    @Test
    void aTaskHandedToAnotherAuditorWhileItsFormWasOpenIsRefusedInTheGuardsOwnWords(Browser browser) {
        String title = unique("Handed over");
        String code = publish(title, "The overdue timer moved it");
        Task task = openTask(code);
        TasklistPage tasklist = TasklistPage.signIn(browser, task.getAssignee()).openMyAudit(title).approve();
        String other = otherAuditor(task.getAssignee());
        tasks.setAssignee(task.getId(), other); // as the overdue handover or an operator does

        tasklist.complete();

        assertThat(tasklist.refusal()).contains("Only the auditor this task is assigned to may decide it")
                .doesNotContain("ENGINE-").doesNotContainIgnoringCase("exception");
        assertThat(openTask(code).getAssignee()).isEqualTo(other);
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
        assertThat(auditRecords(code)).isEmpty();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
