"""Reads labforge's cloud-init output with cloud-init's own code (run by /usr/bin/python3).

  seedcheck.py lab LABDIR          every cloud-init/<machine>/ folder: prints one JSON report
  seedcheck.py reject KIND FILE    does cloud-init refuse FILE as KIND? prints {"rejected", "message"}
  seedcheck.py yaml FILE...        yaml.safe_load of each file, as a JSON list

All the work for one lab happens in this one process: cloud-init's imports cost more than the checks.
"""
import json
import os
import sys

import yaml
from cloudinit import util
from cloudinit.config.schema import get_schema, validate_cloudconfig_schema
from cloudinit.net import network_state
from cloudinit.sources.helpers import openstack

SCHEMA = get_schema()


def user_data(path):
    with open(path, "rb") as f:
        raw = f.read()
    if not raw.startswith(b"#cloud-config\n"):
        raise ValueError("does not start with #cloud-config")
    cfg = yaml.safe_load(raw)
    validate_cloudconfig_schema(cfg, schema=SCHEMA, strict=True)
    return cfg


def written(entry):
    """The bytes cc_write_files would write for one entry, as text (decoded the way it decodes)."""
    from cloudinit.config import cc_write_files
    kinds = cc_write_files.canonicalize_extraction(entry.get("encoding"))
    data = cc_write_files.extract_contents(entry.get("content", ""), kinds)
    return data.decode("utf-8") if isinstance(data, bytes) else data


def meta_data(path):
    # cloud-init reads broken meta-data silently as {}; safe_load raises instead.
    with open(path, "rb") as f:
        md = yaml.safe_load(f)
    if not isinstance(md, dict) or not md.get("instance-id"):
        raise ValueError("meta-data has no instance-id")
    return md


def network_config(path):
    with open(path, "rb") as f:
        cfg = yaml.safe_load(f)
    if not isinstance(cfg, dict) or "network" in cfg:
        raise ValueError("network-config must be the v1 mapping itself, without a network: key")
    state = network_state.parse_net_config_data(cfg)
    return cfg, state


def config_drive(path):
    return openstack.ConfigDriveReader(path).read_v2()


def meta_data_json(path):
    """A drive holding just this meta_data.json, read by ConfigDriveReader."""
    import shutil
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        latest = os.path.join(tmp, "openstack", "latest")
        os.makedirs(latest)
        shutil.copy(path, os.path.join(latest, "meta_data.json"))
        return config_drive(tmp)


def network_data(path, known_macs=None):
    with open(path, "rb") as f:
        data = json.load(f)
    if known_macs is None:
        known_macs = {l.get("ethernet_mac_address", "").lower(): l.get("id") for l in data.get("links", [])}
    v1 = openstack.convert_net_json(data, known_macs=known_macs)
    network_state.parse_net_config_data(v1)
    return v1


def interfaces(state):
    out = []
    for iface in state.iter_interfaces():
        addrs = sorted("%s/%s" % (s.get("address"), s.get("prefix")) for s in iface.get("subnets", [])
                       if s.get("type") == "static")
        dhcp = any(s.get("type") == "dhcp4" or s.get("type") == "dhcp" for s in iface.get("subnets", []))
        out.append({"name": iface["name"], "mac": iface.get("mac_address"), "addresses": addrs, "dhcp": dhcp})
    return sorted(out, key=lambda i: i["name"])


def routes(state):
    """Every route, the default route (a subnet's gateway) as 0.0.0.0/0."""
    found = []
    for r in state.iter_routes():
        found.append("%s/%s via %s" % (r.get("network"), r.get("prefix"), r.get("gateway")))
    for iface in state.iter_interfaces():
        for s in iface.get("subnets", []):
            if s.get("gateway"):
                found.append("0.0.0.0/0 via %s" % s["gateway"])
            for r in s.get("routes", []):
                found.append("%s/%s via %s" % (r.get("network"), r.get("prefix"), r.get("gateway")))
    return sorted(found)


def up_commands(state):
    """The `up` command each NIC hands to ifupdown (a physical NIC's params), by NIC name."""
    return {iface["name"]: iface["up"] for iface in state.iter_interfaces() if iface.get("up")}


def machine(mdir):
    report = {"problems": [], "checked": {}, "facts": {}}
    facts = report["facts"]

    def step(kind, fn):
        try:
            result = fn()
            report["checked"][kind] = report["checked"].get(kind, 0) + 1
            return result
        except Exception as e:  # every failure is a finding, reported with the file kind
            report["problems"].append("%s: %s: %s" % (kind, type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
            return None

    seed_ud = os.path.join(mdir, "user-data")
    drive = os.path.join(mdir, "config-drive")
    latest = os.path.join(drive, "openstack", "latest")
    cfg = step("user-data", lambda: user_data(seed_ud))
    if cfg is not None:
        facts["hostname"] = cfg.get("hostname")
        facts["fqdn"] = cfg.get("fqdn")
        facts["users"] = [u.get("name") for u in cfg.get("users", [])]
        facts["write_files"] = {w["path"]: written(w) for w in cfg.get("write_files", [])}
        facts["runcmd"] = cfg.get("runcmd", [])
        facts["packages"] = cfg.get("packages", [])
    step("user_data", lambda: user_data(os.path.join(latest, "user_data")))
    md = step("meta-data", lambda: meta_data(os.path.join(mdir, "meta-data")))
    if md is not None:
        facts["instance-id"] = md.get("instance-id")
        facts["local-hostname"] = md.get("local-hostname")

    def nocloud():
        found = util.pathprefix2dict(mdir, required=["user-data", "meta-data"],
                                     optional=["vendor-data", "network-config"])
        seeded_md, seeded_ud, _ = util.read_seeded("file://%s/" % mdir, retries=0)
        with open(seed_ud, "rb") as f:
            raw = f.read()
        if found["user-data"] != raw or seeded_ud != raw:
            raise ValueError("NoCloud user-data differs from the file")
        if seeded_md != md:
            raise ValueError("read_seeded meta-data %r differs from yaml.safe_load %r" % (seeded_md, md))
        return found
    step("nocloud-seed", nocloud)

    net = step("network-config", lambda: network_config(os.path.join(mdir, "network-config")))
    known = {}
    if net is not None:
        cfg_v1, state = net
        facts["network-config"] = interfaces(state)
        facts["network-config-routes"] = routes(state)
        facts["network-config-up"] = up_commands(state)
        facts["network-config-dns"] = sorted(state.dns_nameservers) if hasattr(state, "dns_nameservers") else []
        # The kernel's names in a real guest differ from ours (ens3, ...): the drive must rename.
        known = {e["mac_address"]: "ens%d" % (3 + i)
                 for i, e in enumerate(cfg_v1.get("config", [])) if e.get("type") == "physical"}

    drive_result = step("config-drive", lambda: config_drive(drive))
    if drive_result is not None:
        meta = drive_result["metadata"]
        facts["drive-uuid"] = meta.get("uuid")
        facts["drive-hostname"] = meta.get("hostname")
        facts["drive-name"] = meta.get("name")
        facts["drive-keys"] = sorted(meta.get("public_keys", {}).values())
        with open(seed_ud, "rb") as f:
            facts["drive-userdata-identical"] = drive_result["userdata"] == f.read()
    step("meta_data.json", lambda: meta_data_json(os.path.join(latest, "meta_data.json")))
    v1 = step("network_data.json", lambda: network_data(os.path.join(latest, "network_data.json"), known))
    if v1 is not None:
        facts["network_data"] = interfaces(network_state.parse_net_config_data(v1))
        facts["network_data-routes"] = routes(network_state.parse_net_config_data(v1))
        facts["network_data-up"] = up_commands(network_state.parse_net_config_data(v1))
    return report


def lab(labdir):
    root = os.path.join(labdir, "cloud-init")
    out = {}
    for name in sorted(os.listdir(root)):
        if os.path.isdir(os.path.join(root, name)):
            out[name] = machine(os.path.join(root, name))
    return out


REJECT = {
    "user-data": user_data,
    "meta-data": meta_data,
    "network-config": network_config,
    "meta_data": meta_data_json,
    "network_data": lambda p: network_data(p),
}


def reject(kind, path):
    try:
        REJECT[kind](path)
        return {"rejected": False, "message": ""}
    except Exception as e:
        return {"rejected": True, "message": "%s: %s" % (type(e).__name__, e)}


def main(argv):
    if argv[1] == "lab":
        result = lab(argv[2])
    elif argv[1] == "reject":
        result = reject(argv[2], argv[3])
    elif argv[1] == "yaml":
        result = []
        for p in argv[2:]:
            with open(p, "rb") as f:
                result.append(yaml.safe_load(f))
    else:
        raise SystemExit("unknown mode " + argv[1])
    # One marked line, so warnings cloud-init may print around it cannot break the JSON.
    sys.stdout.write("LABFORGE-JSON " + json.dumps(result, sort_keys=True, default=str) + "\n")


if __name__ == "__main__":
    main(sys.argv)
