package dev.labforge.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each rule of {@link DockerfileRules} on a Dockerfile that breaks it, and on one that keeps it; messages word for word. */
class DockerfileRulesTest {
  @Test
  void aGoodDockerfilePasses() {
    assertThat(DockerfileRules.check("""
        ARG BASE=debian:12
        FROM ${BASE}
        # a comment
        RUN apt-get update \\
          && apt-get install -y --no-install-recommends \\
            systemd cloud-init \\
          && rm -rf /var/lib/apt/lists/*
        RUN dnf install -y x && dnf clean all
        STOPSIGNAL SIGRTMIN+3
        CMD ["/sbin/init"]
        """)).isEmpty();
  }

  @Test
  void everyRuleNamesItsLine() {
    assertThat(DockerfileRules.check("""
        FROM debian
        RUN apt-get update && \\
            apt-get install systemd
        ADD rootfs.tar /
        RUN cd /tmp && make
        RUN apt install vim
        RUN dnf install x
        CMD /sbin/init
        """)).containsExactly(
        "line 1: DL3006 FROM debian without a tag other than latest",
        "line 2: DL3014 apt-get install without -y",
        "line 2: DL3015 apt-get install without --no-install-recommends",
        "line 2: DL3009 apt lists not removed after apt-get install",
        "line 4: DL3020 ADD instead of COPY",
        "line 5: DL3003 cd in RUN; use WORKDIR",
        "line 6: DL3027 apt in a script; use apt-get",
        "line 7: DL3038 dnf install without -y",
        "line 7: DL3040 dnf clean all missing after dnf install",
        "line 8: DL3025 CMD in shell form; use the JSON form",
        "line 8: LF001 systemd as PID 1 without STOPSIGNAL SIGRTMIN+3");
  }

  @Test
  void aLatestBaseIsRefusedInFromAndInItsArgument() {
    assertThat(DockerfileRules.check("ARG BASE=debian:latest\nFROM ${BASE}\n"))
        .containsExactly("line 1: DL3007 ARG BASE defaults to a latest tag");
    assertThat(DockerfileRules.check("FROM debian:latest\n"))
        .containsExactly("line 1: DL3006 FROM debian:latest without a tag other than latest");
    assertThat(DockerfileRules.check("RUN true\n")).containsExactly("line 1: DL3061 no FROM");
  }
}
