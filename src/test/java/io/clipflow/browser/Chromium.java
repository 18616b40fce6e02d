package io.clipflow.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the system's Chromium (Debian's {@code chromium}) through its own {@code chromedriver}
 * ({@code chromium-driver}): both named, so Selenium never looks for or downloads a browser or driver. Headless,
 * with a fresh profile each time, its background traffic (updates, sync, QUIC) off and every host name but
 * localhost unresolvable, so a page that reaches for the internet fails instead of leaving the machine.
 */
final class Chromium {

    static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    static Path freshProfile() {
        try {
            return Files.createTempDirectory("clipflow-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static ChromeDriver start(Path profile) {
        for (String program : new String[] { BINARY, DRIVER }) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: ./test installs Debian's chromium and "
                        + "chromium-driver (or skip the browser tests locally with -D" + BrowserExtension.SKIP + ")");
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(BINARY).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
