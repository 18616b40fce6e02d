package io.clipflow.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.clipflow.ClipflowIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives the system's Chromium against the app the suite starts (the shared
 * {@link ClipflowIntegrationTest} context on its random port). Test methods take a {@link Browser} parameter: a
 * fresh headless Chromium each, closed afterwards; a failure leaves its screenshot, console log and page under
 * {@code target/browser-failures/}. {@code -DskipBrowserTests} skips them for a quick local run, never in CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClipflowIntegrationTest
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
