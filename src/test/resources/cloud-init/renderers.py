"""Renders labforge's network files with cloud-init's own renderers; reports the routes each one sets.

  renderers.py LABDIR    every cloud-init/<machine>/ folder; prints one JSON line:
    {machine: {"nocloud"|"configdrive": {renderer: {"ip": [...], "route": [...], "error": "..."}}}}

Each route is "DEST/PREFIX via GATEWAY dev IFACE", the default route as 0.0.0.0/0. For every renderer
but eni, "ip" is what its own network stack applies; for eni (ifupdown) "ip" is what ifupdown sets with
iproute2 (a `gateway` line, an `ip route add|replace` command) and "route" what needs net-tools'
`route` (absent from Debian's images).
Run with /usr/bin/python3: Debian's cloud-init lives there.
"""
import configparser
import glob
import ipaddress
import json
import os
import re
import sys
import tempfile

import yaml
from cloudinit import distros
from cloudinit.net import eni, netplan, network_manager, networkd, network_state, sysconfig
from cloudinit.sources.helpers import openstack


def route(dest, gateway, iface):
    net = ipaddress.ip_network(dest, strict=False)
    return "%s via %s dev %s" % (net.with_prefixlen, gateway, iface)


def render_eni(state, d):
    eni.Renderer({"eni_path": "interfaces", "netrules_path": None, "links_path_prefix": None}) \
        .render_network_state(state, target=d)
    ip, net_tools, iface = [], [], None
    for line in open(os.path.join(d, "interfaces")).read().splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] == "iface":
            iface = words[1]
        elif words[0] == "gateway":
            ip.append(route("0.0.0.0/0", words[1], iface))
        elif words[0] in ("up", "post-up"):
            for cmd in re.split(r"\s*(?:;|&&|\|\|)\s*", line.split(None, 1)[1]):
                m = re.fullmatch(r"ip route (?:add|replace) (\S+) via (\S+) dev (\S+)", cmd.strip())
                if m:
                    ip.append(route(m[1], m[2], m[3]))
                m = re.fullmatch(r"route add (?:-net (\S+)|(default)) gw (\S+)(?: metric \d+)?", cmd.strip())
                if m:
                    net_tools.append(route(m[1] or "0.0.0.0/0", m[3], iface))
    return {"ip": ip, "route": net_tools}


def render_netplan(state, d):
    netplan.Renderer({"netplan_path": "netplan.yaml", "postcmds": False}).render_network_state(state, target=d)
    cfg = yaml.safe_load(open(os.path.join(d, "netplan.yaml")))["network"]
    ip = []
    for name, eth in cfg.get("ethernets", {}).items():
        if eth.get("gateway4"):
            ip.append(route("0.0.0.0/0", eth["gateway4"], name))
        for r in eth.get("routes", []):
            ip.append(route("0.0.0.0/0" if r["to"] == "default" else r["to"], r["via"], name))
    return {"ip": ip}


def render_sysconfig(state, d):
    # A RHEL-family distro's own settings for it (its templates), as cloud-init hands them over there.
    sysconfig.Renderer(distros.fetch("rhel").renderer_configs["sysconfig"]).render_network_state(state, target=d)
    ip = []
    for f in sorted(glob.glob(os.path.join(d, "etc/sysconfig/network-scripts/ifcfg-*"))):
        iface = f.rsplit("ifcfg-", 1)[1]
        kv = dict(l.split("=", 1) for l in open(f).read().splitlines() if "=" in l and not l.startswith("#"))
        if kv.get("GATEWAY"):
            ip.append(route("0.0.0.0/0", kv["GATEWAY"], iface))
        rf = os.path.join(d, "etc/sysconfig/network-scripts/route-" + iface)
        if os.path.exists(rf):
            rkv = dict(l.split("=", 1) for l in open(rf).read().splitlines() if "=" in l and not l.startswith("#"))
            for k, v in rkv.items():
                if k.startswith("ADDRESS"):
                    n = k[len("ADDRESS"):]
                    ip.append(route("%s/%s" % (v, rkv["NETMASK" + n]), rkv["GATEWAY" + n], iface))
    return {"ip": ip}


def render_network_manager(state, d):
    network_manager.Renderer({}).render_network_state(state, target=d)
    ip = []
    for f in sorted(glob.glob(os.path.join(d, "etc/NetworkManager/system-connections/*.nmconnection"))):
        c = configparser.ConfigParser()
        c.read(f)
        iface = re.search(r"cloud-init-(.+)\.nmconnection$", f)[1]
        v4 = c["ipv4"] if c.has_section("ipv4") else {}
        if v4.get("gateway"):
            ip.append(route("0.0.0.0/0", v4["gateway"], iface))
        for k, v in v4.items():
            if re.fullmatch(r"address\d+", k) and "," in v:
                ip.append(route("0.0.0.0/0", v.split(",")[1], iface))
            if re.fullmatch(r"route\d+", k):
                dest, gw = v.split(",")[:2]
                ip.append(route(dest, gw, iface))
    return {"ip": ip}


def render_networkd(state, d):
    networkd.Renderer({}).render_network_state(state, target=d)
    ip = []
    for f in sorted(glob.glob(os.path.join(d, "etc/systemd/network/*.network"))):
        iface, section, gw, dest = None, None, None, None
        rows = open(f).read().splitlines() + ["[End]"]
        for line in rows:
            line = line.strip()
            if line.startswith("["):
                if section == "Route" and gw:
                    ip.append(route(dest or "0.0.0.0/0", gw, iface))
                section, gw, dest = line[1:-1], None, None
            elif "=" in line:
                k, v = line.split("=", 1)
                if section == "Match" and k == "Name":
                    iface = v
                elif section == "Network" and k == "Gateway":
                    ip.append(route("0.0.0.0/0", v, iface))
                elif section == "Route" and k == "Gateway":
                    gw = v
                elif section == "Route" and k == "Destination":
                    dest = v
    return {"ip": ip}


RENDERERS = {
    "eni": render_eni,
    "netplan": render_netplan,
    "sysconfig": render_sysconfig,
    "network_manager": render_network_manager,
    "networkd": render_networkd,
}


def render_all(cfg):
    out = {}
    for name, fn in RENDERERS.items():
        try:
            state = network_state.parse_net_config_data(cfg)
            with tempfile.TemporaryDirectory() as d:
                r = fn(state, d)
            out[name] = {k: sorted(v) for k, v in r.items()}
        except Exception as e:  # a renderer that fails is a finding, not a crash of the probe
            out[name] = {"error": "%s: %s" % (type(e).__name__, e)}
    return out


def machine(mdir):
    with open(os.path.join(mdir, "network-config"), "rb") as f:
        nocloud = yaml.safe_load(f)
    with open(os.path.join(mdir, "config-drive/openstack/latest/network_data.json"), "rb") as f:
        data = json.load(f)
    known = {l["ethernet_mac_address"]: l["name"] for l in data["links"]}
    return {"nocloud": render_all(nocloud),
            "configdrive": render_all(openstack.convert_net_json(data, known_macs=known))}


def main(labdir):
    root = os.path.join(labdir, "cloud-init")
    result = {name: machine(os.path.join(root, name)) for name in sorted(os.listdir(root))
              if os.path.isdir(os.path.join(root, name))}
    sys.stdout.write("LABFORGE-JSON " + json.dumps(result, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
