package dk.carepath.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards our customisation of the Camunda 7 webapps (Tasklist Danish locale, hidden CE end-of-life
 * banner). Our files live under the same classpath prefix as the Camunda webjar's, so every lookup
 * explicitly picks either the copy inside the webjar jar or our own (non-jar) copy.
 */
class TasklistCustomisationTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final String TASKLIST_LOCALES = APP_ROOT + "tasklist/locales/";

  /** Angular-translate interpolations ({{x}}, {{ name }}) and moment.js %s / %d tokens. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%[sd]");

  /** HTML tags embedded in labels (links, line breaks) must survive translation as well. */
  private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*");

  /** The element Camunda 7.24 renders the "time to migrate" banner in (cam-widget-header template). */
  private static final String BANNER_SELECTOR = "[cam-widget-header] .ce-eol-banner";

  private static final Pattern BANNER_HIDDEN_RULE =
      Pattern.compile(
          Pattern.quote(BANNER_SELECTOR) + "\\s*\\{[^}]*display\\s*:\\s*none\\b[^}]*}");

  private final ObjectMapper objectMapper = new ObjectMapper();

  @Test
  void danishLocaleHasExactlyTheKeyPathsOfTheWebjarEnglishLocale() throws IOException {
    Map<String, JsonNode> en = flatten(readJson(webjarResource(TASKLIST_LOCALES + "en.json")));
    Map<String, JsonNode> da = flatten(readJson(ownResource(TASKLIST_LOCALES + "da.json")));

    assertThat(da.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    en.forEach(
        (path, value) ->
            assertThat(da.get(path).getNodeType())
                .as("JSON type of %s", path)
                .isEqualTo(value.getNodeType()));
  }

  @Test
  void danishLocaleKeepsPlaceholdersAndMarkupPerKey() throws IOException {
    Map<String, JsonNode> en = flatten(readJson(webjarResource(TASKLIST_LOCALES + "en.json")));
    Map<String, JsonNode> da = flatten(readJson(ownResource(TASKLIST_LOCALES + "da.json")));

    assertThat(en).as("webjar en.json labels").isNotEmpty();
    en.forEach(
        (path, enValue) -> {
          JsonNode daValue = da.get(path);
          assertThat(daValue).as("da.json entry %s", path).isNotNull();
          if (!enValue.isTextual()) {
            return;
          }
          assertThat(matches(PLACEHOLDER, daValue.asText()))
              .as("placeholders of %s", path)
              .isEqualTo(matches(PLACEHOLDER, enValue.asText()));
          assertThat(matches(HTML_TAG, daValue.asText()))
              .as("HTML tags of %s", path)
              .isEqualTo(matches(HTML_TAG, enValue.asText()));
        });
  }

  @Test
  void danishLocaleUsesTheAgreedNursingTerminology() throws IOException {
    JsonNode labels = readJson(ownResource(TASKLIST_LOCALES + "da.json")).get("labels");

    assertThat(labels.get("TASKS").asText()).isEqualTo("Opgaver");
    assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("Tildel til mig");
    assertThat(labels.get("COMPLETE").asText()).isEqualTo("Fuldfør");
    assertThat(labels.get("DUE_DATE").asText()).isEqualTo("Forfaldsdato");
    assertThat(labels.get("FOLLOW_UP_DATE").asText()).isEqualTo("Opfølgningsdato");
    assertThat(labels.get("CANDIDATE_GROUP").asText()).isEqualTo("Kandidatgruppe");
  }

  /** The webjar's English keyboard shortcut descriptions and ours, which nurses see in the shortcut dialog. */
  private static final Map<String, String> SHORTCUTS_IN_DANISH =
      Map.of(
          "claims the currently selected task", "tildeler dig den valgte opgave",
          "set the focus to the first filter in the list", "flytter fokus til det første filter i listen",
          "sets the focus to the first task in the list", "flytter fokus til den første opgave i listen",
          "sets the focus to the first input field in a task form",
              "flytter fokus til det første felt i opgavens skema",
          "opens the start process modal dialog", "åbner dialogen til at starte et forløb");

  @Test
  void tasklistConfigMakesDanishTheDefaultAndOtherwiseMatchesTheWebjarConfig() throws IOException {
    String original = readText(webjarResource(APP_ROOT + "tasklist/scripts/config.js"));
    String ours = readText(ownResource(APP_ROOT + "tasklist/scripts/config.js"));

    Matcher locales =
        Pattern.compile(
                "\\n(?:  //[^\\n]*\\n)*  locales: \\{\\s*"
                    + "availableLocales: \\['da', 'en'\\],\\s*"
                    + "fallbackLocale: 'da'\\s*"
                    + "},\\n")
            .matcher(ours);
    assertThat(locales.find()).as("active locales block in our tasklist config.js").isTrue();

    String oursWithoutLocales = ours.substring(0, locales.start()) + ours.substring(locales.end());
    // Carepath's name (app) and its additions (customScripts, scripts/carepath-tasklist.js), each one active block
    Matcher carepath =
        Pattern.compile(
                "\\n(?:  //[^\\n]*\\n)*  app: \\{\\s*name: 'Opgaver',\\s*vendor: 'Carepath'\\s*},\\n"
                    + "\\n(?:  //[^\\n]*\\n)*  customScripts: \\['scripts/carepath-tasklist'\\],\\n")
            .matcher(oursWithoutLocales);
    assertThat(carepath.find()).as("Carepath's app name and custom script in our tasklist config.js").isTrue();
    oursWithoutLocales = oursWithoutLocales.substring(0, carepath.start()) + oursWithoutLocales.substring(carepath.end());
    for (Map.Entry<String, String> shortcut : SHORTCUTS_IN_DANISH.entrySet()) {
      assertThat(oursWithoutLocales).contains("description: '" + shortcut.getValue() + "'");
      oursWithoutLocales =
          oursWithoutLocales.replace(
              "description: '" + shortcut.getValue() + "'", "description: '" + shortcut.getKey() + "'");
    }
    assertThat(normaliseLineEndings(oursWithoutLocales))
        .as("our config.js must not differ from the webjar's apart from Carepath's name and script, the locales block and Danish shortcut texts")
        .isEqualTo(normaliseLineEndings(original));
  }

  @Test
  void webjarStillRendersTheBannerWithTheSelectorWeHide() throws IOException {
    String tasklistBundle =
        readText(webjarResource(APP_ROOT + "tasklist/camunda-tasklist-bootstrap.js"));
    String tasklistCss =
        readText(webjarResource(APP_ROOT + "tasklist/camunda-tasklist-bootstrap.css"));

    // Boolean assertions on purpose: the bundles are megabytes long and must not end up in reports.
    assertThat(tasklistBundle.contains("class=\"ce-eol-banner\""))
        .as("cam-widget-header template in the webjar renders <div class=\"ce-eol-banner\">")
        .isTrue();
    assertThat(tasklistBundle.contains("BANNER_CE_EOL_TEXT"))
        .as("webjar bundle still translates the banner text key BANNER_CE_EOL_TEXT")
        .isTrue();
    assertThat(tasklistCss.contains(BANNER_SELECTOR + " {"))
        .as("webjar stylesheet still styles %s", BANNER_SELECTOR)
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void userStylesHideTheEndOfLifeBanner(String app) throws IOException {
    String css = readText(ownResource(APP_ROOT + app + "/styles/user-styles.css"));

    assertThat(BANNER_HIDDEN_RULE.matcher(stripComments(css)).find())
        .as("%s/styles/user-styles.css hides %s", app, BANNER_SELECTOR)
        .isTrue();
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The copy packaged in the Camunda webapp webjar. */
  private URL webjarResource(String path) throws IOException {
    return resource(
        path,
        url ->
            "jar".equals(url.getProtocol())
                && url.getPath().contains("camunda-webapp-webjar"),
        "inside camunda-webapp-webjar");
  }

  /** Our overriding copy (target/classes, i.e. not inside any jar). */
  private URL ownResource(String path) throws IOException {
    return resource(path, url -> !"jar".equals(url.getProtocol()), "in our own resources");
  }

  private URL resource(String path, Predicate<URL> filter, String description)
      throws IOException {
    List<URL> candidates = Collections.list(getClass().getClassLoader().getResources(path));
    return candidates.stream()
        .filter(filter)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "No " + path + " " + description + " on the classpath; found " + candidates));
  }

  private JsonNode readJson(URL url) throws IOException {
    // Jackson skips the UTF-8 BOM that Camunda's locale files start with.
    try (InputStream in = url.openStream()) {
      return objectMapper.readTree(in);
    }
  }

  private static String readText(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** JSON pointer-like path ("/labels/TASKS", "/dateLocales/months/0") to leaf value. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new TreeMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(path + "/" + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "/" + i, node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }

  private static String stripComments(String css) {
    return css.replaceAll("(?s)/\\*.*?\\*/", "");
  }

  private static String normaliseLineEndings(String text) {
    return text.replace("\r\n", "\n");
  }
}
