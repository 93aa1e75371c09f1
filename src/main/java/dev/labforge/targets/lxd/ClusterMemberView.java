package dev.labforge.targets.lxd;

import dev.labforge.targets.lxd.LxdView.HostView;

/**
 * One cluster member's preseed: {@code bootstrap} for the first host, which forms the cluster;
 * every other joins {@code leader} (the first host) with a token lab.sh fills in.
 */
public record ClusterMemberView(String lab, HostView member, HostView leader, boolean bootstrap) {}
