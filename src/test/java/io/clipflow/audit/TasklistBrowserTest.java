package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import io.clipflow.browser.Browser;
import io.clipflow.browser.BrowserTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * An auditor's day in Tasklist, in Chromium: the video found by its title and category in "My audits", its form,
 * the refusals a person meets there (the form's own, and the decision guard's, readable), and decisions that end
 * the task and reach the video; a four-eyes video approved by two auditors of its pool, the first of whom cannot
 * take the second review.
 */
@BrowserTest
class TasklistBrowserTest extends AuditApiSupport {

    static final String URL = "https://v.example/clip.mp4";
    static final String PLACES_TO_GO = "Places to go";

    @Test
    void theAuditorFindsTheVideoByTitleAndCategorySeesItInTheFormAndApprovesIt(Browser browser) {
        String title = unique("Street food tour");
        String code = publish(title, "Night market, short casino ad break");
        Task task = openTask(code);

        TasklistPage tasklist = TasklistPage.signIn(browser, task.getAssignee()).openMyAudit(general(title));

        assertThat(tasklist.field("Title")).isEqualTo(title);
        assertThat(tasklist.field("CategoryName")).isEqualTo("General");
        assertThat(tasklist.shows("FirstDecision")).isFalse();
        assertThat(tasklist.field("Description")).isEqualTo("Night market, short casino ad break");
        assertThat(tasklist.field("VideoUrl")).isEqualTo(URL);
        assertThat(tasklist.videoLink()).isEqualTo(URL);
        assertThat(tasklist.field("FlaggedWords")).isEqualTo("casino");

        tasklist.approve().complete();

        tasklist.waitUntilGone(general(title));
        assertThat(tasklist.showsRefusal()).isFalse();
        assertThat(openTask(code)).isNull();
        // a flagged word makes it four-eyes: approved once, it waits for another auditor
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
        assertThat(auditRecords(code)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("AUDITOR", task.getAssignee()).containsEntry("DECISION", 2));
        assertThat(openSecondReview(code).getAssignee()).isNotNull().isNotEqualTo(task.getAssignee());
    }

    @Test
    void aRejectionWithoutReasonIsRefusedInTheFormAndOneWithAReasonEndsTheTask(Browser browser) {
        String title = unique("Lip sync");
        String code = publish(title, "Someone else's song");
        Task task = openTask(code);
        TasklistPage tasklist = TasklistPage.signIn(browser, task.getAssignee()).openMyAudit(general(title));

        tasklist.complete();

        assertThat(tasklist.reasonError()).isEqualTo("Field is required.");
        assertThat(openTask(code)).isNotNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 1);

        tasklist.reason("Copyrighted music").complete();

        tasklist.waitUntilGone(general(title));
        assertThat(openTask(code)).isNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 3).containsEntry("REASON", "Copyrighted music");
        assertThat(auditRecords(code)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("AUDITOR", task.getAssignee()).containsEntry("DECISION", 3));
    }

    @Test
    void aBlankReasonPassesTheFormAndTheGuardsRefusalIsShownInItsOwnWords(Browser browser) {
        String title = unique("Blank reason");
        String code = publish(title, "Spaces are not a reason");
        TasklistPage tasklist = TasklistPage.signIn(browser, openTask(code).getAssignee())
                .openMyAudit(general(title));

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
        TasklistPage tasklist = TasklistPage.signIn(browser, task.getAssignee()).openMyAudit(general(title))
                .approve();
        String other = otherAuditor(task.getAssignee());
        tasks.setAssignee(task.getId(), other); // as the overdue handover or an operator does

        tasklist.complete();

        assertThat(tasklist.refusal()).contains("Only the auditor this task is assigned to may decide it")
                .doesNotContain("ENGINE-").doesNotContainIgnoringCase("exception");
        assertThat(openTask(code).getAssignee()).isEqualTo(other);
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
        assertThat(auditRecords(code)).isEmpty();
    }

    @Test
    void aFourEyesVideoIsApprovedByTwoAuditorsAndTheFirstCannotTakeTheSecondReview(Browser browser) throws Exception {
        String title = unique("Rice terraces");
        String code = publishIn("travel", title);
        String first = openTask(code).getAssignee();
        TasklistPage tasklist = TasklistPage.signIn(browser, first)
                .openMyAudit(TasklistPage.audit(title, PLACES_TO_GO));
        assertThat(tasklist.field("CategoryName")).isEqualTo(PLACES_TO_GO);
        assertThat(tasklist.shows("FirstDecision")).isFalse();

        tasklist.approve().complete();

        tasklist.waitUntilGone(TasklistPage.audit(title, PLACES_TO_GO));
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
        String second = openSecondReview(code).getAssignee();
        assertThat(second).isIn(FourEyesApiTest.GUIDES).isNotEqualTo(first);
        String secondReview = TasklistPage.secondReview(title, PLACES_TO_GO);

        // the first auditor finds the second review in the pool's filter and tries to take it over
        tasklist.openInFilter("Pool: " + PLACES_TO_GO, secondReview).assignTo(first);

        assertThat(tasklist.refusal()).contains("The auditor who gave the first review may not give the second")
                .doesNotContain("ENGINE-").doesNotContainIgnoringCase("exception");
        assertThat(openSecondReview(code).getAssignee()).isEqualTo(second);

        TasklistPage reviewer = TasklistPage.signInInstead(browser, second).openMyAudit(secondReview);
        assertThat(reviewer.field("CategoryName")).isEqualTo(PLACES_TO_GO);
        assertThat(reviewer.field("FirstDecision")).startsWith("Approved by " + first + " on ");

        reviewer.approve().complete();

        reviewer.waitUntilGone(secondReview);
        assertThat(reviewer.showsRefusal()).isFalse();
        assertThat(openSecondReview(code)).isNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 2).containsEntry("AUDITOR", second);
        assertThat(auditRecords(code)).extracting(r -> r.get("AUDITOR"), r -> r.get("DECISION"))
                .containsExactlyInAnyOrder(tuple(first, 2), tuple(second, 2));
        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("creator1", "creator1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.category").value("travel"))
                .andExpect(jsonPath("$.decisions[*].auditor").value(contains(first, second)))
                .andExpect(jsonPath("$.decisions[*].approved").value(contains(true, true)));
    }

    private static String general(String title) {
        return TasklistPage.audit(title, "General");
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
