package io.clipflow.publish;

import io.clipflow.words.WordLibrary;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check sensitive words": screens title and description with the live word library and leaves the outcome
 * in process variables ({@code blocked}, {@code blockedWords}, {@code flaggedWords}) for the gateway and the
 * audit form; flagged words are also kept on the video row.
 */
@Component("checkSensitiveWords")
public class CheckSensitiveWords implements JavaDelegate {

    private final WordLibrary library;
    private final Videos videos;

    public CheckSensitiveWords(WordLibrary library, Videos videos) {
        this.library = library;
        this.videos = videos;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = WordScreen.textOf((String) execution.getVariable("title"),
                (String) execution.getVariable("description"));
        WordScreen screen = WordScreen.of(library.findAll(text));
        execution.setVariable("blocked", screen.blocked());
        execution.setVariable("blockedWords", screen.blockedText());
        execution.setVariable("flaggedWords", screen.flaggedText());
        if (screen.flaggedText() != null) {
            videos.recordFlaggedWords(execution.getProcessBusinessKey(), screen.flaggedText());
        }
    }
}
