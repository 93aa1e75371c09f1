package dev.labforge.schema;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain words for each pattern of the lab spec's schema, so a user never reads a regex. Each
 * pattern of {@code schemas/lab-spec.schema.json} has an entry ({@code PatternMessagesTest} fails
 * on one without); a few also suggest the value that was meant ({@code 1GB} is {@code 1GiB}).
 */
final class PatternMessages {
  private static final String IPV4 = "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$";
  private static final String SIZE = "^[0-9]+(\\.[0-9]+)? ?(MiB|GiB|TiB)$";
  /** A size with a unit as other tools write it: 1GB, 1 gb, 1G, 512Mi, 1048576KB. */
  private static final Pattern OTHER_UNIT =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtT])(?:[iI]?[bB]|[iI])?\\s*");

  private static final Map<String, UnaryOperator<String>> WORDS = Map.ofEntries(
      words("^[a-z][a-z0-9-]{0,62}$",
          "is not a valid name: start with a lowercase letter, then use only a-z, 0-9 and '-', at most 63 characters"),
      words(IPV4, "is not an IPv4 address such as 192.168.56.10"),
      words(IPV4.substring(0, IPV4.length() - 1) + "/[0-9]{1,2}$", "is not an IPv4 CIDR such as 192.168.56.0/24"),
      Map.entry(SIZE, value -> "is not a size such as 512MiB, 2GiB or 1TiB (a bare integer is MiB)" + meantSize(value)),
      words("^[A-Za-z0-9][A-Za-z0-9+._:=~-]*$", "is not a package name: it starts with a letter or digit and has"
          + " no spaces (letters, digits and + . _ : = ~ -), such as vim or python3-pip"),
      words("^[a-z_][a-z0-9_-]{0,31}$", "is not a valid user or group name (lowercase, digits, '_' and '-', at most 32)"),
      words("^\\$(1|5|6|y|2[aby])\\$[^\\s:\\\\]+$",
          "is not a crypt(3) password hash such as $6$salt$hash (mkpasswd -m sha-512 makes one)"),
      words("^/[^\\s]*$", "is not an absolute path without spaces, such as /bin/bash"),
      words("^[0-9A-Za-z][0-9A-Za-z._-]*$",
          "is not a release such as 12, 22.04 or 9: letters, digits, '.', '_' and '-', starting with a letter or digit"),
      words("^(https?|file)://[^\\s]+$", "is not a URL starting with http://, https:// or file://, without spaces"),
      words("^(none|(md5|sha1|sha256|sha512):[0-9a-fA-F]+|file:[^\\s]+)$", "is not a checksum: write none,"
          + " md5:, sha1:, sha256: or sha512: and hex digits, or file: and the URL of a checksum file"),
      words("^[^\\s]+$", "must not be empty or contain spaces"),
      words("^/.*$", "is not an absolute path"),
      words("^0?[0-7]{3,4}$", "is not an octal mode such as \"0644\" or \"0755\" (three or four digits 0 to 7)"),
      words("^[a-z_][a-z0-9_-]*(:[a-z_][a-z0-9_-]*)?$",
          "is not an owner such as root or www-data:www-data (a user name, then optionally ':' and a group name)"),
      words("^[A-Za-z0-9_.-]{1,15}$", "is not a network interface name: 1 to 15 letters, digits, '_', '.' or '-'"),
      words("^/[^\\u0000]*$", "is not an absolute path (it starts with '/' and holds no NUL character)"),
      words("^[^\\u0000]*$", "must not hold a NUL character"));

  private PatternMessages() {}

  /** What is wrong with {@code value}, which does not match {@code pattern}; never the pattern itself. */
  static String describe(String pattern, String value) {
    UnaryOperator<String> words = WORDS.get(pattern);
    // only an output schema's pattern has no words (PatternMessagesTest): its reader is a template's
    // author, who is helped by the pattern itself
    return words != null ? words.apply(value) : "does not match the pattern " + pattern;
  }

  /** The patterns that have words. */
  static Set<String> known() {
    return WORDS.keySet();
  }

  private static Map.Entry<String, UnaryOperator<String>> words(String pattern, String words) {
    return Map.entry(pattern, value -> words);
  }

  /** "; did you mean '1GiB'?" for 1GB, 1 gb, 1G or 1Gi; 1048576KB is 1024MiB, "4096" 4096MiB; "" when nothing fits. */
  static String meantSize(String value) {
    if (value.strip().matches("[0-9]+")) {
      // a quoted integer: as a string it needs a unit; unquoted it would be MiB
      return "; did you mean '" + value.strip() + "MiB'?";
    }
    Matcher m = OTHER_UNIT.matcher(value);
    if (!m.matches()) {
      return "";
    }
    String amount = m.group(1);
    String unit = m.group(2).toUpperCase(java.util.Locale.ROOT);
    if (unit.equals("K")) {
      BigDecimal mib = new BigDecimal(amount).divide(BigDecimal.valueOf(1024));
      if (mib.stripTrailingZeros().scale() > 0) {
        return "";
      }
      amount = mib.stripTrailingZeros().toPlainString();
      unit = "M";
    }
    return "; did you mean '" + amount + unit + "iB'?";
  }
}
