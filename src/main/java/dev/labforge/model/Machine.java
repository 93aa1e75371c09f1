package dev.labforge.model;

import dev.labforge.schema.SpecDefaults;
import java.util.List;

/**
 * One machine after {@code count} expansion, with defaults merged in and every fact the targets
 * share decided here: its host names, the user it logs in as and runs unprivileged scripts as,
 * each NIC's DNS. {@code forwarding}: it forwards IPv4 (a router). {@code index} is its position
 * in the lab (0-based); {@code instanceId} changes exactly when its content changes; {@code expect} is the
 * spec's graded checks (its own list or the default one). Build one with {@link #builder()}.
 */
public record Machine(
    String name,
    int index,
    String description,
    String image,
    int cpus,
    long memoryMib,
    long diskMib,
    boolean nestedVirtualization,
    boolean forwarding,
    String timezone,
    List<User> users,
    List<String> packages,
    List<Disk> disks,
    List<Nic> nics,
    List<GuestFile> files,
    List<String> commands,
    List<Script> scripts,
    String hostname,
    String fqdn,
    String instanceId,
    List<Expectation> expect) {

  public long diskGib() {
    return (diskMib + 1023) / 1024;
  }

  /** The instance id as a UUID, for the OpenStack config drive (derived, not random). */
  public String uuid() {
    return Ids.uuidOf(instanceId);
  }

  public Nic primaryNic() {
    return nics.get(0);
  }

  /** The account every target logs in as (SSH, Packer's build user): the first user, or null. */
  public User loginUser() {
    return users.isEmpty() ? null : users.get(0);
  }

  /**
   * Who runs a {@code privileged: false} script: the login user, in every target (cloud-init's
   * runcmd, Vagrant's provisioner, Packer's build). Null when the machine has no users (root).
   */
  public String runAs() {
    return users.isEmpty() ? null : users.get(0).name();
  }

  /**
   * How a script runs, as an argv: by its guest path, or through {@code runuser} as
   * {@link #runAs()} when it is {@code privileged: false}.
   */
  public List<String> scriptCommand(Script script) {
    if (script.privileged() || runAs() == null) {
      return List.of(script.guestPath());
    }
    return List.of("runuser", "-u", runAs(), "--", script.guestPath());
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().name(name).index(index).description(description).image(image).cpus(cpus)
        .memoryMib(memoryMib).diskMib(diskMib).nestedVirtualization(nestedVirtualization).forwarding(forwarding)
        .timezone(timezone)
        .users(users).packages(packages).disks(disks).nics(nics).files(files).commands(commands).scripts(scripts)
        .hostname(hostname).fqdn(fqdn).instanceId(instanceId).expect(expect);
  }

  /** Fields by name; lists default to empty, the host name to the machine name, the rest to {@link SpecDefaults}. */
  public static final class Builder {
    private String name;
    private int index;
    private String description = SpecDefaults.DESCRIPTION;
    private String image;
    private int cpus = SpecDefaults.CPUS;
    private long memoryMib = SpecDefaults.MEMORY_MIB;
    private long diskMib = SpecDefaults.DISK_MIB;
    private boolean nestedVirtualization = SpecDefaults.NESTED_VIRTUALIZATION;
    private boolean forwarding = SpecDefaults.FORWARDING;
    private String timezone = SpecDefaults.TIMEZONE;
    private List<User> users = List.of();
    private List<String> packages = List.of();
    private List<Disk> disks = List.of();
    private List<Nic> nics = List.of();
    private List<GuestFile> files = List.of();
    private List<String> commands = List.of();
    private List<Script> scripts = List.of();
    private String hostname;
    private String fqdn;
    private String instanceId = "";
    private List<Expectation> expect = List.of();

    private Builder() {}

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder index(int v) {
      index = v;
      return this;
    }

    public Builder description(String v) {
      description = v;
      return this;
    }

    public Builder image(String v) {
      image = v;
      return this;
    }

    public Builder cpus(int v) {
      cpus = v;
      return this;
    }

    public Builder memoryMib(long v) {
      memoryMib = v;
      return this;
    }

    public Builder diskMib(long v) {
      diskMib = v;
      return this;
    }

    public Builder nestedVirtualization(boolean v) {
      nestedVirtualization = v;
      return this;
    }

    public Builder forwarding(boolean v) {
      forwarding = v;
      return this;
    }

    public Builder timezone(String v) {
      timezone = v;
      return this;
    }

    public Builder users(List<User> v) {
      users = List.copyOf(v);
      return this;
    }

    public Builder packages(List<String> v) {
      packages = List.copyOf(v);
      return this;
    }

    public Builder disks(List<Disk> v) {
      disks = List.copyOf(v);
      return this;
    }

    public Builder nics(List<Nic> v) {
      nics = List.copyOf(v);
      return this;
    }

    public Builder files(List<GuestFile> v) {
      files = List.copyOf(v);
      return this;
    }

    public Builder commands(List<String> v) {
      commands = List.copyOf(v);
      return this;
    }

    public Builder scripts(List<Script> v) {
      scripts = List.copyOf(v);
      return this;
    }

    public Builder hostname(String v) {
      hostname = v;
      return this;
    }

    public Builder fqdn(String v) {
      fqdn = v;
      return this;
    }

    public Builder instanceId(String v) {
      instanceId = v;
      return this;
    }

    public Builder expect(List<Expectation> v) {
      expect = List.copyOf(v);
      return this;
    }

    public Machine build() {
      String host = hostname == null ? name : hostname;
      return new Machine(name, index, description, image, cpus, memoryMib, diskMib, nestedVirtualization, forwarding,
          timezone, users, packages, disks, nics, files, commands, scripts, host, fqdn == null ? host : fqdn, instanceId,
          expect);
    }
  }
}
