package dev.labforge.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * JSON Schema patterns evaluated as ECMA-262 reads their anchors. Java's {@code $} also matches
 * before a final line break, so {@code ^[a-z]+$} would accept {@code "curl\n"}; here every
 * {@code $} outside a character class becomes {@code \z}, the very end of the string.
 */
public final class WholeStringPatterns implements RegularExpressionFactory {
  public static final WholeStringPatterns INSTANCE = new WholeStringPatterns();

  private WholeStringPatterns() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(javaRegex(regex));
    return value -> pattern.matcher(value).find();
  }

  /** {@code regex} with each unescaped {@code $} outside {@code [...]} replaced by {@code \z}. */
  public static String javaRegex(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
      } else if (inClass) {
        inClass = c != ']';
        out.append(c);
      } else if (c == '[') {
        inClass = true;
        out.append(c);
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          out.append(regex.charAt(++i));
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          out.append(regex.charAt(++i)); // a ']' first in a class is a literal
        }
      } else if (c == '$') {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
