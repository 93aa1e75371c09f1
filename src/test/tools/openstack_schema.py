#!/usr/bin/env python3
"""Writes schemas/terraform/openstack.schema.json from terraform-provider-openstack's own source.

Argument names, types, Required flags, MaxItems and StringInSlice enums come from the Go resource
schemas; descriptions come from docs/resources/*.md (first sentence). Only the resource types
labforge emits are listed, so any other type fails the check. The shape is hcl2json's (Terraform's
JSON configuration syntax): blocks are arrays of objects, expressions are "${...}" strings.

  git clone https://github.com/terraform-provider-openstack/terraform-provider-openstack P
  S=schemas/terraform/openstack.schema.json
  python3 src/test/tools/openstack_schema.py P v3.4.0 $S > $S.new && mv $S.new $S

The hand-written parts (terraform, provider, variable, locals, output) are kept from $S.
"""
import json
import re
import subprocess
import sys

RESOURCES = [
    "networking_network_v2", "networking_subnet_v2", "networking_router_v2",
    "networking_router_interface_v2", "networking_secgroup_v2", "networking_secgroup_rule_v2",
    "compute_keypair_v2", "networking_port_v2", "compute_instance_v2", "blockstorage_volume_v3",
    "compute_volume_attach_v2", "networking_floatingip_v2", "networking_floatingip_associate_v2",
]
DATA_SOURCES = ["networking_network_v2"]
# Checks the provider does in custom Go functions rather than StringInSlice.
ENUMS = {
    ("networking_secgroup_rule_v2", "direction"): ["ingress", "egress"],
    ("networking_secgroup_rule_v2", "ethertype"): ["IPv4", "IPv6"],
}


def show(repo, ref, path):
    return subprocess.run(["git", "-C", repo, "show", f"{ref}:{path}"], capture_output=True, text=True,
                          check=True).stdout


def match_brace(text, start):
    depth, i = 0, start
    while i < len(text):
        c = text[i]
        if c == '"':
            i += 1
            while text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == "`":
            i = text.index("`", i + 1)
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced")


def fields(body):
    out, i = {}, 0
    pattern = re.compile(r'"([a-z0-9_]+)":\s*\{')
    while (m := pattern.search(body, i)):
        end = match_brace(body, m.end() - 1)
        out[m.group(1)] = body[m.end():end]
        i = end + 1
    return out


def attribute(text):
    kind = re.search(r"Type:\s*schema\.Type(\w+)", text).group(1)
    top, elem, nested = text, None, None
    em = re.search(r"Elem:\s*&schema\.(Resource|Schema)\s*\{", text)
    if em:
        end = match_brace(text, em.end() - 1)
        inner = text[em.end():end]
        top = text[:em.start()] + text[end + 1:]
        if em.group(1) == "Resource":
            nested = schema_map(inner)
        else:
            elem = re.search(r"Type:\s*schema\.Type(\w+)", inner).group(1)
    flag = lambda f: re.search(r"\b" + f + r":\s*true", top) is not None
    enum = re.search(r"StringInSlice\(\[\]string\{([^}]*)\}", top)
    max_items = re.search(r"MaxItems:\s*(\d+)", top)
    return {
        "type": kind, "elem": elem, "block": nested,
        "required": flag("Required"), "optional": flag("Optional"),
        "enum": re.findall(r'"([^"]*)"', enum.group(1)) if enum else None,
        "max_items": int(max_items.group(1)) if max_items else None,
    }


def schema_map(text):
    m = re.search(r"Schema:\s*map\[string\]\*schema\.Schema\{", text)
    end = match_brace(text, m.end() - 1)
    return {k: attribute(v) for k, v in fields(text[m.end():end]).items()}


def docs(markdown):
    """{block or None: {argument: first sentence}} from the Argument Reference section."""
    section = markdown.split("## Argument Reference", 1)[1].split("## Attribute", 1)[0]
    out, block, current = {None: {}}, None, None
    for line in section.splitlines():
        head = re.match(r"The `([a-z0-9_]+)` block (supports|has)", line)
        bullet = re.match(r"\*\s+`([a-z0-9_]+)`\s*-\s*(.*)", line)
        if head:
            block, current = head.group(1), None
            out.setdefault(block, {})
        elif bullet:
            current = bullet.group(1)
            out[block][current] = bullet.group(2).strip()
        elif current and line.strip() and line.startswith(" "):
            out[block][current] += " " + line.strip()
        else:
            current = None
    return {b: {k: first_sentence(v) for k, v in args.items()} for b, args in out.items()}


def first_sentence(text):
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text).replace("__", "")
    m = re.match(r"(.+?\.)(\s|$)", text)
    return (m.group(1) if m else text).strip()


def value_schema(name, attr, descriptions, resource):
    desc = descriptions.get(None, {}).get(name) or f"Provider argument {name} (not described in the docs)."
    if attr["block"] is not None:
        item = block_schema(attr["block"], descriptions.get(name, {}), {}, resource, name)
        node = {"description": desc, "type": "array", "items": item}
        if attr["max_items"]:
            node["maxItems"] = attr["max_items"]
        return node
    simple = {
        "String": {"type": "string"},
        "Bool": {"anyOf": [{"type": "boolean"}, {"$ref": "#/$defs/expression"}]},
        "Int": {"anyOf": [{"type": "integer"}, {"$ref": "#/$defs/expression"}]},
        "Float": {"anyOf": [{"type": "number"}, {"$ref": "#/$defs/expression"}]},
        "Map": {"anyOf": [{"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}},
                          {"$ref": "#/$defs/expression"}]},
    }
    if attr["type"] in ("List", "Set"):
        item = simple.get(attr["elem"] or "String", {"type": "string"})
        node = {"anyOf": [{"type": "array", "items": item}, {"$ref": "#/$defs/expression"}]}
    else:
        node = dict(simple[attr["type"]])
    enum = ENUMS.get((resource, name)) or attr["enum"]
    if attr["type"] == "String" and enum:
        node = {"anyOf": [{"enum": enum}, {"$ref": "#/$defs/expression"}]}
    return {"description": desc, **node}


def arguments(schema):
    return {k: v for k, v in schema.items() if v["required"] or v["optional"]}


def block_schema(schema, descriptions, extra, resource, block=None):
    args = arguments(schema)
    wrapped = {None: descriptions} if block else descriptions
    props = {k: value_schema(k, v, wrapped if block else descriptions, resource) for k, v in sorted(args.items())}
    if block is None:
        blocks = sorted(k for k, v in args.items() if v["block"] is not None)
        if blocks:
            props["dynamic"] = {
                "description": "dynamic blocks generating this resource's nested blocks.",
                "type": "object", "additionalProperties": False,
                "properties": {b: {"description": f"dynamic \"{b}\" blocks.", "type": "array",
                                   "items": dynamic(props[b]["items"])} for b in blocks},
            }
    props.update(extra)
    node = {"type": "object", "additionalProperties": False, "properties": props}
    required = sorted(k for k, v in args.items() if v["required"])
    if required:
        node["required"] = required
    return node


def dynamic(content):
    return {"type": "object", "additionalProperties": False, "required": ["for_each", "content"],
            "properties": {
                "for_each": {"description": "The collection to repeat over.", "$ref": "#/$defs/expression"},
                "iterator": {"description": "Name of the iteration variable.", "type": "string"},
                "content": {"description": "The generated block's body.", "type": "array", "minItems": 1,
                            "maxItems": 1, "items": content}}}


META = {
    "count": {"description": "Number of instances (meta-argument).",
              "anyOf": [{"type": "integer", "minimum": 0}, {"$ref": "#/$defs/expression"}]},
    "for_each": {"description": "A map or set of strings to create one instance per element (meta-argument).",
                 "$ref": "#/$defs/expression"},
    "depends_on": {"description": "Explicit dependencies (meta-argument).", "type": "array",
                   "items": {"$ref": "#/$defs/expression"}},
    "provider": {"description": "Provider configuration to use (meta-argument).", "$ref": "#/$defs/expression"},
}


def main():
    repo, ref = sys.argv[1], sys.argv[2]
    defs = {"expression": {"description": "A Terraform expression, as hcl2json writes it: \"${...}\".",
                           "type": "string", "pattern": "^\\$\\{[\\s\\S]*\\}$"}}
    resources = {}
    for name in RESOURCES:
        go = schema_map(show(repo, ref, f"openstack/resource_openstack_{name}.go"))
        text = docs(show(repo, ref, f"docs/resources/{name}.md"))
        defs["resource_" + name] = block_schema(go, text, META, name)
        resources["openstack_" + name] = instances(name, "resource_" + name, "resource")
    data = {}
    for name in DATA_SOURCES:
        go = schema_map(show(repo, ref, f"openstack/data_source_openstack_{name}.go"))
        text = docs(show(repo, ref, f"docs/data-sources/{name}.md"))
        defs["data_" + name] = block_schema(go, text, {k: META[k] for k in ("count", "for_each", "depends_on")}, name)
        data["openstack_" + name] = instances(name, "data_" + name, "data source")
    schema = json.load(open(sys.argv[3])) if len(sys.argv) > 3 else {}
    schema["properties"]["resource"]["properties"] = resources
    schema["properties"]["data"]["properties"] = data
    schema["$defs"].update(defs)
    schema["$comment"] = f"Resource and data source definitions generated by src/test/tools/openstack_schema.py from terraform-provider-openstack {ref}."
    print(json.dumps(schema, indent=2, ensure_ascii=False))


def instances(name, ref, kind):
    return {"description": f"openstack_{name} {kind}s by name.", "type": "object",
            "additionalProperties": {"type": "array", "minItems": 1, "maxItems": 1,
                                     "items": {"$ref": "#/$defs/" + ref}}}


if __name__ == "__main__":
    main()
