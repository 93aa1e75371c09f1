package dev.labforge.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console line cloud-init's final_message module prints at the end of the final stage. The
 * seed may set its own text, so the pattern is derived from the generated user-data: its
 * $UPTIME/$TIMESTAMP/$DATASOURCE/$VERSION placeholders become wildcards, the rest is literal.
 */
final class FinalMessage {
  /** cloud-init 22.4's text when the user-data sets none. */
  static final String DEFAULT =
      "Cloud-init v. $VERSION finished at $TIMESTAMP. Datasource $DATASOURCE.  Up $UPTIME seconds";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{?(UPTIME|TIMESTAMP|DATASOURCE|VERSION)}?");

  private FinalMessage() {}

  static Pattern of(Path userData) throws IOException {
    JsonNode cfg = new ObjectMapper(new YAMLFactory()).readTree(userData.toFile());
    String text = cfg.hasNonNull("final_message") ? cfg.get("final_message").asText() : DEFAULT;
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(text.substring(last, m.start())));
      regex.append(switch (m.group(1)) {
        case "UPTIME" -> "[0-9]+(?:\\.[0-9]+)?";
        case "VERSION" -> "[0-9][^\\s$]*";
        default -> "[^$]+?";   // DATASOURCE and TIMESTAMP hold spaces
      });
      last = m.end();
    }
    regex.append(Pattern.quote(text.substring(last)));
    return Pattern.compile(regex.toString());
  }
}
