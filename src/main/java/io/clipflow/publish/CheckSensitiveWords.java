package io.clipflow.publish;

import io.clipflow.words.WordLibrary;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Check sensitive words": screens title and description with the live word library. {@code blocked} and
 * {@code blockedWords} are transient: only the gateway and the auto-reject step right after read them, in the same
 * transaction, so they are never written to the engine's tables. {@code flaggedWords}, when there are any, is a
 * real variable for the audit form, and is also kept on the video row.
 */
@Component("checkSensitiveWords")
class CheckSensitiveWords implements JavaDelegate {

    private final WordLibrary library;
    private final Videos videos;

    CheckSensitiveWords(WordLibrary library, Videos videos) {
        this.library = library;
        this.videos = videos;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = WordScreen.textOf((String) execution.getVariable(PublishToDisplay.TITLE),
                (String) execution.getVariable(PublishToDisplay.DESCRIPTION));
        WordScreen screen = WordScreen.of(library.findAll(text));
        execution.setVariable(PublishToDisplay.BLOCKED, Variables.booleanValue(screen.blocked(), true));
        execution.setVariable(PublishToDisplay.BLOCKED_WORDS, Variables.stringValue(screen.blockedText(), true));
        if (screen.flaggedText() != null) {
            execution.setVariable(PublishToDisplay.FLAGGED_WORDS, screen.flaggedText());
            videos.recordFlaggedWords(execution.getProcessBusinessKey(), screen.flaggedText());
        }
    }
}
