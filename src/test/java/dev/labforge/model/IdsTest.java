package dev.labforge.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.codec.digest.DigestUtils;

/** The shortcut for content that starts with the ISO system area gives SHA-256's own answer. */
class IdsTest {
  @Property(tries = 200)
  void sha256HexIsSha256WhateverTheZeroPrefix(@ForAll @IntRange(min = 0, max = 70_000) int zeros,
      @ForAll byte[] tail) {
    byte[] content = new byte[zeros + tail.length];
    System.arraycopy(tail, 0, content, zeros, tail.length);
    assertThat(Ids.sha256Hex(content)).isEqualTo(DigestUtils.sha256Hex(content));
  }

  @Property(tries = 20)
  void atTheEdgesOfThePrefix(@ForAll @IntRange(min = -2, max = 2) int delta, @ForAll byte last) {
    byte[] content = new byte[Ids.ZERO_PREFIX + 100];
    content[Ids.ZERO_PREFIX + delta] = last;
    assertThat(Ids.sha256Hex(content)).isEqualTo(DigestUtils.sha256Hex(content));
    assertThat(Ids.sha256Hex(new byte[Ids.ZERO_PREFIX])).isEqualTo(DigestUtils.sha256Hex(new byte[Ids.ZERO_PREFIX]));
  }
}
