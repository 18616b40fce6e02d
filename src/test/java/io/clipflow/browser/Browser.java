package io.clipflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium on the app, with what the tests do in it: open a page, wait for what a person would see,
 * click and type. Every wait retries while the page re-renders (Camunda's webapps redraw often).
 */
public final class Browser implements ExtensionContext.Store.CloseableResource {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static Browser start(String base) {
        Path profile = Chromium.freshProfile();
        try {
            return new Browser(Chromium.start(profile), profile, base);
        }
        catch (RuntimeException ex) {
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw ex;
        }
    }

    /** Opens {@code path} on the app. */
    public void open(String path) {
        driver.get(base + path);
    }

    /** Waits until {@code condition} holds (non-null, non-false) and returns its value. */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).withMessage(what)
                .ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class)
                .until(condition);
    }

    /** The element once it is visible. */
    public WebElement visible(By element) {
        return until(element + " visible", ExpectedConditions.visibilityOfElementLocated(element));
    }

    /** Waits until {@code element} shows {@code text} (a part of its visible text). */
    public void waitForText(By element, String text) {
        until(element + " showing \"" + text + "\"", ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /** Clicks {@code element} once it can be clicked, scrolled to the middle (clear of fixed headers, footers). */
    public void click(By element) {
        until("click on " + element, d -> {
            WebElement target = d.findElement(element);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
            target.click();
            return true;
        });
    }

    /** Types {@code text} into {@code element} once it is visible. */
    public void type(By element, String text) {
        visible(element).sendKeys(text);
    }

    /** The value of an input, which is what a person reads in it. */
    public String valueOf(By input) {
        return until(input + " has a value", d -> {
            String value = d.findElement(input).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
    }

    /**
     * Signs {@code user} (demo password = user id) into a Camunda webapp ("tasklist", "cockpit") through its login
     * page and waits until the app shows itself.
     */
    public void signInToCamunda(String app, String user) {
        open("/camunda/app/" + app + "/default/");
        By form = By.cssSelector("form[name=signinForm]");
        By name = By.cssSelector("form[name=signinForm] input[type=text]");
        By password = By.cssSelector("form[name=signinForm] input[type=password]");
        // the login page may still be rendering while keys arrive (seen on a busy machine: both words in the name
        // field), so the fields are filled until they read what was typed
        until(user + "'s credentials in the sign-in form", d -> fill(d.findElement(name), user)
                & fill(d.findElement(password), user));
        click(By.cssSelector("form[name=signinForm] button[type=submit]"));
        until(user + " signed into " + app, d -> d.findElements(form).isEmpty());
    }

    /** Types {@code text} into an input that does not read it yet; true when it already did. */
    private static boolean fill(WebElement input, String text) {
        if (text.equals(input.getDomProperty("value"))) {
            return true;
        }
        input.clear();
        input.sendKeys(text);
        return false;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Writes what the browser shows to {@code dir/name.png} and returns its path. */
    Path saveScreenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Writes the screenshot, the console log and the page to {@code dir} and returns their paths. */
    List<Path> saveEvidence(Path dir, String name) {
        try {
            Path screenshot = saveScreenshot(dir, name);
            Path console = dir.resolve(name + ".console.log");
            StringBuilder log = new StringBuilder("page: ").append(driver.getCurrentUrl()).append('\n');
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                log.append(entry.getTimestamp()).append(' ').append(entry.getLevel()).append(' ')
                        .append(entry.getMessage()).append('\n');
            }
            Files.writeString(console, log);
            Path page = dir.resolve(name + ".html");
            Files.writeString(page, String.valueOf(((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.outerHTML")));
            return List.of(screenshot, console, page);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
