package io.clipflow.browser;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Runs {@link BrowserTest}s: hands each test method its own {@link Browser} on the app's port, keeps the evidence
 * of a failure, and skips the tests when asked to, except in CI.
 */
class BrowserExtension implements ExecutionCondition, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler, AfterTestExecutionCallback {

    /** {@code -DskipBrowserTests}: a quick local run without Chromium. CI (CI=true) ignores it. */
    static final String SKIP = "skipBrowserTests";

    static final Path EVIDENCE = Path.of("target", "browser-failures");

    /** {@code -DbrowserScreenshots}: every browser test leaves the page it ended on here, to look at. */
    static final String SCREENSHOTS = "browserScreenshots";
    static final Path SCREENS = Path.of("target", "browser-screens");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String skip = System.getProperty(SKIP);
        if (skip == null || skip.equalsIgnoreCase("false")) {
            return ConditionEvaluationResult.enabled("browser tests run");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("-D" + SKIP + " is ignored in CI");
        }
        return ConditionEvaluationResult.disabled("-D" + SKIP + ": browser tests skipped for this local run");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, type -> Browser.start(baseUrl(context)),
                Browser.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser != null && System.getProperty(SCREENSHOTS) != null) {
            System.out.println("browser screenshot: " + browser.saveScreenshot(SCREENS, nameOf(context)));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withEvidence(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withEvidence(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withEvidence(context, failure);
    }

    /** Saves what the browser shows and printed, says where, and notes it on the failure for the report. */
    private static Throwable withEvidence(ExtensionContext context, Throwable failure) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser == null) {
            return failure;
        }
        String name = nameOf(context);
        try {
            List<Path> files = browser.saveEvidence(EVIDENCE, name);
            String where = "browser evidence of " + name + ": " + String.join(", ", files.stream().map(Path::toString)
                    .toList());
            System.out.println(where);
            failure.addSuppressed(new BrowserEvidence(where));
        }
        catch (RuntimeException ex) {
            failure.addSuppressed(ex);
        }
        return failure;
    }

    private static String nameOf(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    }

    private static String baseUrl(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
        return "http://localhost:" + port;
    }

    /** Where a failed browser test left its screenshot, console log and page; carries no stack of its own. */
    static final class BrowserEvidence extends RuntimeException {

        BrowserEvidence(String where) {
            super(where, null, false, false);
        }
    }
}
