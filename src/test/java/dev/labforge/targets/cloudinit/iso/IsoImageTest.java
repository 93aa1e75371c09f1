package dev.labforge.targets.cloudinit.iso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IsoImageTest {
  static SortedMap<String, byte[]> seed() {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put("user-data", "#cloud-config\n".getBytes(StandardCharsets.UTF_8));
    files.put("meta-data", "instance-id: iid-0\n".getBytes(StandardCharsets.UTF_8));
    files.put("openstack/latest/meta_data.json", "{}\n".getBytes(StandardCharsets.UTF_8));
    return files;
  }

  @Test
  void labelsGoVerbatimToJolietAndUpperCasedToThePrimaryDescriptor() {
    byte[] iso = IsoImage.build("config-2", seed());
    assertThat(new String(iso, 16 * 2048, 6, StandardCharsets.US_ASCII)).isEqualTo("\u0001CD001");
    assertThat(new String(iso, 16 * 2048 + 40, 32, StandardCharsets.US_ASCII)).isEqualTo("CONFIG-2" + " ".repeat(24));
    assertThat(new String(iso, 17 * 2048 + 40, 16, StandardCharsets.UTF_16BE)).isEqualTo("config-2");
    assertThat(new String(iso, 17 * 2048 + 56, 16, StandardCharsets.UTF_16BE)).isEqualTo("        ");
    assertThat(new String(iso, 17 * 2048 + 88, 3, StandardCharsets.US_ASCII)).isEqualTo("%/E");
    assertThat(iso[18 * 2048] & 0xff).isEqualTo(255);
  }

  @Test
  void volumeSizeIsTheImageSize() {
    byte[] iso = IsoImage.build("cidata", seed());
    assertThat(iso.length % 2048).isZero();
    int sectors = (iso[16 * 2048 + 80] & 0xff) | (iso[16 * 2048 + 81] & 0xff) << 8 | (iso[16 * 2048 + 82] & 0xff) << 16;
    assertThat(sectors * 2048).isEqualTo(iso.length);
  }

  @Test
  void rockRidgeErSitsInTheTailOfTheLastFileSectorSoASeedNeedsNoSectorForIt() {
    byte[] iso = IsoImage.build("cidata", seed());
    int rootSector = le32(iso, 16 * 2048 + 156 + 2);
    int dot = rootSector * 2048;
    int ce = dot + 34 + 7 + 36;
    assertThat(new String(iso, ce, 2, StandardCharsets.US_ASCII)).isEqualTo("CE");
    int at = le32(iso, ce + 4) * 2048 + le32(iso, ce + 12);
    byte[] er = RockRidge.er();
    assertThat(le32(iso, ce + 20)).isEqualTo(er.length);
    assertThat(Arrays.copyOfRange(iso, at, at + er.length)).isEqualTo(er);
    // 16 system + 3 descriptors + 4 path tables + 2x3 directories + 3 one-sector files, no ER sector
    assertThat(iso.length).isEqualTo((16 + 3 + 4 + 6 + 3) * 2048);
    // the last file ("user-data", 14 bytes) is followed by the ER, past every directory
    assertThat(at % 2048).isEqualTo("#cloud-config\n".length());
    assertThat(at / 2048).isEqualTo(iso.length / 2048 - 1);
  }

  @Test
  void withoutRoomInAnyFileTheErGetsASectorOfItsOwnBeforeTheData() {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put("full", new byte[2048 - 10]);
    files.put("empty", new byte[0]);
    byte[] iso = IsoImage.build("cidata", files);
    int ce = le32(iso, 16 * 2048 + 156 + 2) * 2048 + 34 + 7 + 36;
    int at = le32(iso, ce + 4) * 2048 + le32(iso, ce + 12);
    assertThat(le32(iso, ce + 12)).isZero();
    assertThat(Arrays.copyOfRange(iso, at, at + RockRidge.er().length)).isEqualTo(RockRidge.er());
    assertThat(iso.length).isEqualTo((16 + 3 + 4 + 2 + 1 + 1) * 2048);
  }

  private static int le32(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  @Test
  void primaryNamesAreUniqueLevelOneNames() {
    IsoNode root = IsoNode.root();
    for (String name : List.of("network-config", "network-config2", "network_", "a.b.c", "user-data", "UserData")) {
      root.add(name, new byte[0]);
    }
    IsoNames.assign(root);
    List<String> ids = root.children.values().stream().map(n -> n.primaryId).sorted().toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Z0-9_]{1,8}\\.[A-Z0-9_]{0,3};1"));
    assertThat(ids).contains("NETWORK_.;1", "A_B.C;1", "USER_DAT.;1");
  }

  @Property(tries = 60)
  void sameFilesGiveTheSameBytesWhateverTheInsertionOrder(
      @ForAll @Size(max = 12) List<@StringLength(min = 1, max = 20) String> names) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).replaceAll("[/\\u0000]", "x");
      files.put((i % 2 == 0 ? "d/" : "") + name, name.getBytes(StandardCharsets.UTF_8));
    }
    files.keySet().removeIf(k -> files.containsKey(k + "/x"));
    byte[] a = IsoImage.build("cidata", files);
    TreeMap<String, byte[]> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.putAll(files);
    byte[] b = IsoImage.build("cidata", new TreeMap<>(reversed));
    assertThat(Arrays.equals(a, b)).isTrue();
  }
}
