package io.clipflow.audit;

import io.clipflow.category.Categories;
import io.clipflow.category.Category;
import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Choose the audit pool": reads the video's category as it is now and sets what the review tasks use: the
 * category's name (task names, form), its auditor group (candidates, assignment) and whether two auditors must
 * approve. A video keeps the pool chosen here for both reviews, whatever the category changes to meanwhile.
 */
@Component("chooseAuditPool")
class ChooseAuditPool implements JavaDelegate {

    private final Categories categories;

    ChooseAuditPool(Categories categories) {
        this.categories = categories;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Category category = categories.ofVideo((String) execution.getVariable(PublishToDisplay.CATEGORY));
        execution.setVariable(PublishToDisplay.CATEGORY_NAME, category.name());
        execution.setVariable(PublishToDisplay.AUDITOR_GROUP, category.auditorGroup());
        execution.setVariable(PublishToDisplay.FOUR_EYES,
                needsFourEyes(category, (String) execution.getVariable(PublishToDisplay.FLAGGED_WORDS)));
    }

    /** A four-eyes category, or any word the screen flagged for review, needs two approvals. */
    static boolean needsFourEyes(Category category, String flaggedWords) {
        return category.fourEyes() || (flaggedWords != null && !flaggedWords.isBlank());
    }
}
