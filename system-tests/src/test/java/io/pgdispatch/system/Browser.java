package io.pgdispatch.system;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver), driven through ChromeDriver. Each instance
 * is a fresh browser profile, so every test logs in from scratch. The paths are given so that Selenium does not try
 * to download a browser; the sandbox is off because the tests run as root.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
        driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Fills the OIDC provider's login form, whose user name becomes the ID token's subject. */
    void logInAs(String subject) {
        find(By.name("username")).sendKeys(subject);
        find(By.cssSelector("input[type=submit]")).click();
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void choose(String selectId, String value) {
        new Select(find(By.id(selectId))).selectByValue(value);
    }

    void click(String id) {
        find(By.id(id)).click();
    }

    String text(String id) {
        return find(By.id(id)).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
