package cn.zhenxing.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhenxing.server.TestServer;
import java.io.File;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real headless Chromium (Debian's chromium and chromium-driver), against the real
 * server over the seed corpus. Every state is saved as a screenshot under {@code target/screenshots}.
 */
class SearchPageBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target/screenshots");

  @TempDir static Path dir;
  static TestServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    server = TestServer.start(dir.resolve("index"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1280,1000", "--lang=zh-CN", "--user-data-dir=" + dir.resolve("chrome-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void desktop() {
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  void open(String path) {
    driver.get(server.base() + path);
    wait.until(d -> !d.findElement(By.id("status")).getText().isBlank()
        || d.findElement(By.id("article-view")).getAttribute("hidden") == null);
  }

  WebElement box() {
    return driver.findElement(By.id("q"));
  }

  void type(String text) {
    WebElement q = box();
    q.clear();
    q.sendKeys(text);
  }

  /** Waits until the results are for {@code q} and have loaded. */
  void awaitResultsFor(String q) {
    wait.until(d -> q.equals(query()) && "false".equals(d.findElement(By.id("results")).getAttribute("aria-busy"))
        && !d.findElement(By.id("status")).getText().startsWith("正在"));
  }

  String query() {
    String search = (String) ((JavascriptExecutor) driver).executeScript("return location.search");
    for (String part : search.replaceFirst("^\\?", "").split("&")) {
      if (part.startsWith("q=")) {
        return URLDecoder.decode(part.substring(2), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#results .hit"));
  }

  static void shot(String name) throws IOException {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  long chipCount(String theme) {
    return Long.parseLong(driver.findElement(By.cssSelector(".chip[data-theme='" + theme + "'] .count")).getText().replace(",", ""));
  }

  @Test
  void a_pasted_long_paragraph_finds_itself_and_the_status_says_words_were_left_out() throws Exception {
    String text = server.paragraphOfAtLeast("prov-gwr-2026-辽宁省", 500).get("text").asText().substring(0, 500);
    open("/?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    awaitResultsFor(text);
    String status = driver.findElement(By.id("status")).getText();
    assertTrue(status.contains("找到 1 个段落") && status.contains("个词未使用"), status);
    assertEquals(1, hits().size());
  }

  @Test
  void typing_shows_highlighted_hits_with_facets() throws Exception {
    open("/");
    type("数字沈阳");
    awaitResultsFor("数字沈阳");
    WebElement first = hits().get(0);
    assertTrue(first.findElement(By.cssSelector("h3 a")).getAttribute("href").contains("/articles/shenyang-revitalization"),
        "the digital Shenyang paragraph is first");
    assertTrue(first.findElement(By.cssSelector("h3 a")).getAttribute("href").endsWith("#p12"));
    List<WebElement> marks = first.findElements(By.cssSelector(".snippet mark"));
    assertFalse(marks.isEmpty());
    assertEquals("数字沈阳", marks.get(0).getText());
    assertEquals(4, driver.findElements(By.cssSelector("#chips .chip")).size());
    assertTrue(driver.findElement(By.id("status")).getText().contains("找到 3 个段落"));
    assertFalse(driver.findElement(By.id("chart")).getAttribute("hidden") != null, "the theme chart is shown");
    shot("01-typing-results");
  }

  @Test
  void a_suggestion_can_be_chosen_with_the_keyboard() throws Exception {
    open("/");
    type("营商");
    WebElement list = driver.findElement(By.id("suggestions"));
    wait.until(ExpectedConditions.visibilityOf(list));
    wait.until(d -> {
      List<WebElement> opts = list.findElements(By.cssSelector("[role=option]"));
      return opts.size() >= 2 && opts.stream().allMatch(o -> o.getAttribute("data-text").contains("营商"));
    });
    List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
    assertEquals("营商", options.get(0).findElement(By.tagName("mark")).getText(), "the typed part is marked");
    assertEquals("true", box().getAttribute("aria-expanded"));
    shot("02-suggestions");
    box().sendKeys(Keys.ARROW_DOWN);
    box().sendKeys(Keys.ARROW_DOWN);
    String second = options.get(1).getAttribute("data-text");
    assertEquals("true", options.get(1).getAttribute("aria-selected"));
    assertEquals(options.get(1).getAttribute("id"), box().getAttribute("aria-activedescendant"));
    box().sendKeys(Keys.ENTER);
    awaitResultsFor(second);
    assertEquals(second, box().getAttribute("value"));
    assertTrue(list.getAttribute("hidden") != null, "the list closes after choosing");
    assertFalse(hits().isEmpty());
    shot("03-suggestion-chosen");

    type("数字");
    wait.until(ExpectedConditions.visibilityOf(list));
    box().sendKeys(Keys.ESCAPE);
    assertTrue(list.getAttribute("hidden") != null, "Esc closes the suggestions");
    awaitResultsFor("数字");
    box().sendKeys(Keys.ESCAPE);
    Thread.sleep(600); // longer than the typing delay: a search for the emptied box would have started
    assertEquals("数字", box().getAttribute("value"), "Esc with nothing open keeps the query");
    assertEquals("数字", query());
    box().sendKeys(Keys.ARROW_DOWN);
    wait.until(ExpectedConditions.visibilityOf(list)); // closed by Esc, ↓ opens the list again
    box().sendKeys(Keys.ESCAPE);

    // Enter right after typing: the suggestion request typing had queued must not open the list again.
    box().sendKeys(Keys.END, "经济", Keys.ENTER);
    awaitResultsFor("数字经济");
    Thread.sleep(600);
    assertTrue(list.getAttribute("hidden") != null, "no suggestions open over the results after Enter");

    type("-数字");
    Thread.sleep(600);
    assertTrue(list.getAttribute("hidden") != null, "an exclusion gets no completions that would include it");
  }

  @Test
  void a_theme_chip_filters_results_and_updates_counts_and_url() throws Exception {
    open("/?q=" + enc("营商环境"));
    awaitResultsFor("营商环境");
    long digital = chipCount("digital");
    long services = chipCount("services");
    driver.findElement(By.cssSelector(".chip[data-theme='services']")).click();
    wait.until(d -> ((String) ((JavascriptExecutor) d).executeScript("return location.search")).contains("theme=services"));
    awaitResultsFor("营商环境");
    wait.until(d -> d.findElement(By.id("status")).getText().contains("找到 " + services + " 个段落"));
    assertEquals("true", driver.findElement(By.cssSelector(".chip[data-theme='services']")).getAttribute("aria-pressed"));
    assertEquals(digital, chipCount("digital"), "other themes keep their multi-select counts");
    for (WebElement hit : hits()) {
      assertTrue(hit.findElement(By.cssSelector(".tags")).getText().contains("服务"));
    }
    shot("04-theme-filter");
    driver.findElement(By.id("clear-filters")).click();
    wait.until(d -> !((String) ((JavascriptExecutor) d).executeScript("return location.search")).contains("theme="));
  }

  @Test
  void back_restores_the_previous_results() throws Exception {
    open("/?q=" + enc("数字沈阳"));
    awaitResultsFor("数字沈阳");
    String firstStatus = driver.findElement(By.id("status")).getText();
    box().clear();
    box().sendKeys("营商环境", Keys.ENTER);
    awaitResultsFor("营商环境");
    assertNotEquals(firstStatus, driver.findElement(By.id("status")).getText());
    driver.navigate().back();
    awaitResultsFor("数字沈阳");
    assertEquals("数字沈阳", box().getAttribute("value"));
    wait.until(d -> d.findElement(By.id("status")).getText().contains("找到 3 个段落"));
    driver.navigate().forward();
    awaitResultsFor("营商环境");
    shot("05-back-forward");
  }

  @Test
  void the_article_view_scrolls_to_and_marks_the_paragraph() throws Exception {
    open("/?q=" + enc("数字沈阳"));
    awaitResultsFor("数字沈阳");
    hits().get(0).findElement(By.cssSelector("h3 a")).click();
    WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#p12.target")));
    assertTrue(driver.getCurrentUrl().contains("/articles/shenyang-revitalization"));
    assertTrue(driver.getCurrentUrl().endsWith("#p12"));
    assertEquals("阔步新征程 担当新使命沈阳：全面振兴全方位振兴实现新突破", driver.findElement(By.id("article-title")).getText());
    assertTrue(target.getText().startsWith("推动数字沈阳建设"));
    Boolean inView = (Boolean) ((JavascriptExecutor) driver).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;", target);
    assertTrue(inView, "the paragraph is scrolled into view");
    assertEquals("p12", driver.switchTo().activeElement().getAttribute("id"), "focus moves to the paragraph");
    assertTrue(target.findElement(By.cssSelector(".tag")).getText().contains("数字沈阳"));
    assertFalse(driver.findElements(By.cssSelector("#article-body h2")).isEmpty(), "headings are shown");
    List<WebElement> marked = target.findElements(By.tagName("mark"));
    assertFalse(marked.isEmpty(), "the words searched for are marked in the article too");
    assertEquals("数字沈阳", marked.get(0).getText());
    shot("06-article-view");
    long entries = (Long) js("return history.length");
    driver.findElement(By.id("back-link")).click();
    awaitResultsFor("数字沈阳");
    assertEquals(3, hits().size());
    assertEquals(entries, (Long) js("return history.length"), "the back link goes back, it does not add an entry");
    driver.navigate().forward();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#p12.target mark")));

    // The link carries the words the snippet marked: opened anew (a new tab, a shared link), the article marks
    // 数字沈阳 for 數字瀋陽 typed, which the text never writes.
    open("/?q=" + enc("數字瀋陽"));
    awaitResultsFor("數字瀋陽");
    String link = hits().get(0).findElement(By.cssSelector("h3 a")).getAttribute("href");
    assertTrue(link.contains("mark=" + enc("数字沈阳")), link);
    open("/");
    driver.get(link);
    WebElement shared = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#p12.target mark")));
    assertEquals("数字沈阳", shared.getText());

    // A report names its publisher and was taken from a library's copy: one 来源, the publisher, and no
    // repository path as a site name.
    open("/articles/" + enc("prov-gwr-2026-辽宁省"));
    WebElement meta = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-body .meta")));
    assertTrue(meta.getText().contains("来源：辽宁日报"), meta.getText());
    assertEquals(meta.getText().indexOf("来源"), meta.getText().lastIndexOf("来源"), meta.getText());
    assertFalse(meta.getText().contains("github"), meta.getText());

    // A new search typed in an article opened from a filtered search keeps the filter.
    open("/articles/shenyang-revitalization?q=" + enc("营商环境") + "&theme=services#p12");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#p12.target")));
    box().clear();
    box().sendKeys("冰雪", Keys.ENTER);
    awaitResultsFor("冰雪");
    assertTrue(((String) js("return location.search")).contains("theme=services"), (String) js("return location.search"));

    open("/articles/no-such-article");
    wait.until(d -> d.findElement(By.id("article-body")).getText().contains("找不到这篇文章"));
    assertEquals("无法打开文章 - 振兴搜索", driver.getTitle());
  }

  @Test
  void the_start_page_offers_searches_not_every_paragraph() throws Exception {
    open("/");
    WebElement start = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
    assertTrue(driver.findElement(By.id("status")).getText().contains("输入关键词"),
        driver.findElement(By.id("status")).getText());
    assertTrue(hits().isEmpty(), "no list of the collection's first paragraphs");
    assertEquals(4, driver.findElements(By.cssSelector("#chips .chip")).size(), "themes to browse by");
    start.findElement(By.linkText("营商环境")).click();
    awaitResultsFor("营商环境");
    assertFalse(hits().isEmpty());
    // A theme chosen with nothing typed lists that theme's paragraphs.
    open("/?theme=digital");
    wait.until(d -> !hits().isEmpty());
  }

  @Test
  void the_empty_state_offers_what_to_try() throws Exception {
    open("/?q=" + enc("月球基地火星移民"));
    WebElement emptyBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
    assertTrue(emptyBox.getText().contains("没有找到结果"));
    assertTrue(emptyBox.getText().contains("热门搜索"));
    assertTrue(hits().isEmpty());
    shot("07-empty-state");
    emptyBox.findElement(By.linkText("营商环境")).click();
    awaitResultsFor("营商环境");
    assertFalse(hits().isEmpty());
  }

  @Test
  void an_api_error_is_explained_in_chinese_with_a_way_out() throws Exception {
    open("/?q=" + enc("营商环境") + "&theme=bogus");
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertTrue(error.getText().contains("链接里的主题筛选无效"), error.getText());
    assertFalse(error.getText().contains("unknown theme"), "the API's English stays out of the text");
    assertTrue(driver.findElements(By.id("retry")).isEmpty(), "repeating a refused request would fail again");
    shot("08-error-state");
    error.findElement(By.linkText("去掉无效的主题筛选")).click();
    awaitResultsFor("营商环境");
    assertFalse(hits().isEmpty());
    assertFalse(((String) js("return location.search")).contains("theme="));
    assertFalse(driver.findElements(By.cssSelector(".chip")).isEmpty());

    // A valid theme beside the invalid one stays.
    open("/?q=" + enc("营商环境") + "&theme=services&theme=bogus");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")))
        .findElement(By.linkText("去掉无效的主题筛选")).click();
    awaitResultsFor("营商环境");
    assertTrue(((String) js("return location.search")).endsWith("&theme=services"), (String) js("return location.search"));

    // Moving from results to a refused search: the previous search's theme counts go with its results.
    js("history.pushState(null, '', '/?q=' + encodeURIComponent('营商环境') + '&theme=bogus'); dispatchEvent(new PopStateEvent('popstate'))");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertTrue(driver.findElements(By.cssSelector(".chip")).isEmpty(), "no counts of another search beside an error");
    assertTrue(driver.findElement(By.id("chart")).getAttribute("hidden") != null);
  }

  @Test
  void a_search_cut_short_before_finding_anything_says_so_and_offers_a_retry() throws Exception {
    cn.zhenxing.server.ServerConfig config = TestServer.config(dir.resolve("index-no-time"))
        .withLimits(new cn.zhenxing.server.ServerConfig.Limits(0, 0, 0, 0, 0));
    try (TestServer impatient = TestServer.start(config)) {
      com.fasterxml.jackson.databind.JsonNode api = impatient.search("营商环境", "").json();
      assertTrue(api.get("partial").asBoolean() && api.get("total").asLong() == 0, api.toString());
      driver.get(impatient.base() + "/?q=" + enc("营商环境"));
      WebElement emptyBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
      assertTrue(emptyBox.getText().contains("搜索超时"), emptyBox.getText());
      assertFalse(emptyBox.getText().contains("检查是否有错别字"), "not advice for a search that found nothing");
      assertFalse(driver.findElements(By.id("timeout-retry")).isEmpty());
      assertTrue(driver.findElement(By.id("status")).getText().contains("超时"));
    }
  }

  @Test
  void did_you_mean_keeps_the_theme_filter() throws Exception {
    open("/?q=" + enc("营商环竟") + "&theme=services");
    // The proposal shows at once; the suggestions for what was typed join it when they come.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#did-you-mean[data-complete]")));
    WebElement proposal = driver.findElement(By.cssSelector("#did-you-mean a"));
    assertEquals("营商环境", proposal.getText());
    assertTrue(proposal.getAttribute("href").endsWith("/?q=" + enc("营商环境") + "&theme=services"), proposal.getAttribute("href"));
    assertTrue(driver.findElement(By.id("did-you-mean")).getText().matches("(?s).*营商环境（[0-9,]+ 个段落）.*"),
        "the proposal says how many it finds: " + driver.findElement(By.id("did-you-mean")).getText());
  }

  @Test
  void a_few_results_for_a_misspelt_term_come_with_the_fix_above_them() throws Exception {
    open("/?q=" + enc("科技创心"));
    awaitResultsFor("科技创心");
    assertFalse(hits().isEmpty(), "the chance result is still listed");
    WebElement respell = driver.findElement(By.id("respell"));
    assertTrue(respell.isDisplayed());
    assertTrue(respell.getText().matches("您是不是要找：科技创新（[0-9,]+ 个段落）"), respell.getText());
    String status = driver.findElement(By.id("status")).getText();
    assertTrue(status.matches("找到 1 个段落，第 1 个（(不到 1|[0-9]+) 毫秒）"), "one result is no range 1–1: " + status);
    respell.findElement(By.tagName("a")).click();
    awaitResultsFor("科技创新");
    assertFalse(driver.findElement(By.id("respell")).isDisplayed(), "no fix offered for a term written as typed");
    assertTrue(hits().size() > 5);
  }

  @Test
  void a_page_past_the_end_leads_to_the_last_page() throws Exception {
    long total = server.search("营商环境", "").json().get("total").asLong();
    long last = followLastPageLink("营商环境", 99);
    assertTrue(last >= 2, "the seeds give more than one page");
    assertEquals(total - (last - 1) * 10, hits().size());
    // Beyond the 10,000 hits anyone may page through (the API refuses such a page): the same way out.
    followLastPageLink("沈阳", 5000);
    assertFalse(hits().isEmpty());
  }

  /** Opens page {@code page} of {@code q}, past its end, and follows the link to its last page; returns it. */
  private long followLastPageLink(String q, int page) throws Exception {
    open("/?q=" + enc(q) + "&page=" + page);
    WebElement emptyBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
    long last = (server.search(q, "").json().get("total").asLong() + 9) / 10;
    assertTrue(driver.findElement(By.id("status")).getText().contains("没有第 " + String.format("%,d", page) + " 页"),
        driver.findElement(By.id("status")).getText());
    emptyBox.findElement(By.partialLinkText("转到最后一页（第 " + last + " 页）")).click();
    wait.until(d -> ((String) js("return location.search")).contains("page=" + last));
    awaitResultsFor(q);
    return last;
  }

  @Test
  void nothing_is_searched_while_an_input_method_is_composing() throws Exception {
    open("/");
    // What a pinyin input method does: the box holds letters while composing, then the chosen characters.
    js("const q = document.getElementById('q'); q.focus();"
        + "q.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));"
        + "q.value = 'yingshang';"
        + "q.dispatchEvent(new InputEvent('input', {data: 'yingshang', isComposing: true, bubbles: true}));");
    Thread.sleep(800); // three times the typing delay
    assertEquals("", query(), "no search for the half-typed pinyin");
    assertTrue(driver.findElement(By.id("suggestions")).getAttribute("hidden") != null);
    js("const q = document.getElementById('q'); q.value = '营商';"
        + "q.dispatchEvent(new InputEvent('input', {data: '营商', isComposing: true, bubbles: true}));"
        + "q.dispatchEvent(new CompositionEvent('compositionend', {data: '营商'}));");
    awaitResultsFor("营商");
    assertFalse(hits().isEmpty());
  }

  @Test
  void a_chip_pressed_from_the_keyboard_keeps_the_focus() throws Exception {
    open("/?q=" + enc("营商环境"));
    awaitResultsFor("营商环境");
    driver.findElement(By.cssSelector(".chip[data-theme='services']")).sendKeys(Keys.ENTER);
    wait.until(d -> ((String) js("return location.search")).contains("theme=services"));
    awaitResultsFor("营商环境");
    wait.until(d -> "true".equals(d.findElement(By.cssSelector(".chip[data-theme='services']")).getAttribute("aria-pressed")));
    assertEquals("services", driver.switchTo().activeElement().getAttribute("data-theme"));
    driver.switchTo().activeElement().sendKeys(Keys.ENTER); // and again, to take the filter off
    wait.until(d -> !((String) js("return location.search")).contains("theme="));
    awaitResultsFor("营商环境");
    wait.until(d -> "false".equals(d.findElement(By.cssSelector(".chip[data-theme='services']")).getAttribute("aria-pressed")));
    assertEquals("services", driver.switchTo().activeElement().getAttribute("data-theme"));
  }

  static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  @Test
  void paging_moves_through_results() throws Exception {
    open("/?q=" + enc("沈阳"));
    awaitResultsFor("沈阳");
    String firstId = hits().get(0).findElement(By.cssSelector("h3 a")).getAttribute("href");
    driver.findElement(By.cssSelector("#pager a[data-page='2']")).click();
    wait.until(d -> ((String) ((JavascriptExecutor) d).executeScript("return location.search")).contains("page=2"));
    awaitResultsFor("沈阳");
    wait.until(d -> d.findElement(By.id("status")).getText().contains("第 11–20 个"));
    assertNotEquals(firstId, hits().get(0).findElement(By.cssSelector("h3 a")).getAttribute("href"));
    assertEquals("2", driver.findElement(By.cssSelector("#pager [aria-current=page]")).getText());
    shot("09-page-2");
  }

  @Test
  void it_works_on_a_phone_sized_screen() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    open("/");
    type("营商环境");
    awaitResultsFor("营商环境");
    Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertTrue(overflow <= 0, "no sideways scrolling, overflow " + overflow);
    WebElement services = driver.findElement(By.cssSelector(".chip[data-theme='services']"));
    assertTrue(services.getSize().getHeight() >= 36, "chips are big enough to tap");
    assertTrue(hits().get(0).getSize().getWidth() <= 390);
    shot("10-phone");

    String word = "a".repeat(400); // a word with no break: the status line repeats it
    open("/?q=" + word);
    awaitResultsFor(word);
    Long wide = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertTrue(wide <= 0, "a long word wraps instead of widening the page, overflow " + wide);
    shot("11-phone-long-word");
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
