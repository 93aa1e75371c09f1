"""Reads xl domain configuration files with Xen's own parser, libxlutil (the library xl links).

  xlcfg.py read FILE...    parse each file as `xl create` would; print one JSON report per file
  xlcfg.py disk SPEC...    parse each disk spec string as xl parses one `disk = [...]` entry

No hypervisor is needed: libxlutil only parses. Run it with /usr/bin/python3 (ctypes is in the
standard library). The answer is one line "LABFORGE-JSON <json>" on stdout.

A file's report: "rc" (0, or the errno xlu_cfg_readfile returned: 22 for a syntax error),
"messages" (what the parser printed, e.g. "x.cfg:3: config parsing error near `a': syntax
error"), "settings" (every assignment in file order: name, line, op, value), "values" (each key
as xl sees it: the last assignment wins), "longs" (each string value that xlu_cfg_get_long accepts,
which is how xl reads memory, vcpus and booleans), and "disks" (every `disk` list entry through
xlu_disk_parse). A value is a JSON string, or a JSON list of values.
"""
import ctypes
import json
import os
import sys

XLU_STRING, XLU_LIST = 0, 1
OPS = {0: "=", 1: "+="}


class XLU_ConfigSetting(ctypes.Structure):
    pass


# libxlu_internal.h (Xen 4.17): the settings list is not public API, but it is the only way to
# list every key; the values themselves are read through the public xlu_cfg_value_* functions.
XLU_ConfigSetting._fields_ = [
    ("next", ctypes.POINTER(XLU_ConfigSetting)),
    ("name", ctypes.c_char_p),
    ("value", ctypes.c_void_p),
    ("op", ctypes.c_int),
    ("lineno", ctypes.c_int),
]


class XLU_Config(ctypes.Structure):
    _fields_ = [
        ("settings", ctypes.POINTER(XLU_ConfigSetting)),
        ("report", ctypes.c_void_p),
        ("config_source", ctypes.c_char_p),
    ]


class libxl_device_disk(ctypes.Structure):
    """_libxl_types.h as generated from libxl_types.idl (Xen 4.17); only the leading fields are read,
    the padding keeps libxl_device_disk_init's memset inside our buffer."""
    _fields_ = [
        ("backend_domid", ctypes.c_uint32),
        ("backend_domname", ctypes.c_char_p),
        ("pdev_path", ctypes.c_char_p),
        ("vdev", ctypes.c_char_p),
        ("backend", ctypes.c_int),
        ("format", ctypes.c_int),
        ("script", ctypes.c_char_p),
        ("removable", ctypes.c_int),
        ("readwrite", ctypes.c_int),
        ("is_cdrom", ctypes.c_int),
        ("direct_io_safe", ctypes.c_bool),
        ("rest", ctypes.c_char * 1024),
    ]


def load():
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.open_memstream.restype = ctypes.c_void_p
    libc.open_memstream.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]
    libc.fflush.argtypes = [ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    libc.free.argtypes = [ctypes.c_void_p]
    light = ctypes.CDLL("libxenlight.so.4.17")
    light.libxl_device_disk_init.argtypes = [ctypes.POINTER(libxl_device_disk)]
    light.libxl_device_disk_dispose.argtypes = [ctypes.POINTER(libxl_device_disk)]
    for f in ("libxl_disk_format_to_string", "libxl_disk_backend_to_string"):
        getattr(light, f).restype = ctypes.c_char_p
        getattr(light, f).argtypes = [ctypes.c_int]
    xlu = ctypes.CDLL("libxlutil.so.4.17")
    xlu.xlu_cfg_init.restype = ctypes.POINTER(XLU_Config)
    xlu.xlu_cfg_init.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    xlu.xlu_cfg_readfile.argtypes = [ctypes.POINTER(XLU_Config), ctypes.c_char_p]
    xlu.xlu_cfg_destroy.argtypes = [ctypes.POINTER(XLU_Config)]
    xlu.xlu_cfg_value_type.argtypes = [ctypes.c_void_p]
    xlu.xlu_cfg_value_get_string.argtypes = [ctypes.POINTER(XLU_Config), ctypes.c_void_p,
                                             ctypes.POINTER(ctypes.c_char_p), ctypes.c_int]
    xlu.xlu_cfg_value_get_list.argtypes = [ctypes.POINTER(XLU_Config), ctypes.c_void_p,
                                           ctypes.POINTER(ctypes.c_void_p), ctypes.c_int]
    xlu.xlu_cfg_get_listitem2.restype = ctypes.c_void_p
    xlu.xlu_cfg_get_listitem2.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlu.xlu_cfg_get_long.argtypes = [ctypes.POINTER(XLU_Config), ctypes.c_char_p,
                                     ctypes.POINTER(ctypes.c_long), ctypes.c_int]
    xlu.xlu_cfg_get_string.argtypes = [ctypes.POINTER(XLU_Config), ctypes.c_char_p,
                                       ctypes.POINTER(ctypes.c_char_p), ctypes.c_int]
    xlu.xlu_disk_parse.argtypes = [ctypes.POINTER(XLU_Config), ctypes.c_int,
                                   ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(libxl_device_disk)]
    return libc, light, xlu


LIBC, LIGHT, XLU = load()


def text(raw):
    """Bytes as text; bytes that are not UTF-8 are kept visible as \\xNN so a comparison fails."""
    if raw is None:
        return None
    return raw.decode("utf-8", "backslashreplace")


class Report:
    """A FILE* (open_memstream) the parser prints into; drain() returns what came since last time."""

    def __init__(self):
        self.buf = ctypes.c_void_p()
        self.size = ctypes.c_size_t()
        self.file = LIBC.open_memstream(ctypes.byref(self.buf), ctypes.byref(self.size))
        self.seen = 0

    def drain(self):
        LIBC.fflush(self.file)
        data = ctypes.string_at(self.buf.value, self.size.value) if self.buf.value else b""
        new, self.seen = data[self.seen:], len(data)
        return text(new)

    def close(self):
        LIBC.fclose(self.file)
        LIBC.free(self.buf)


def value(cfg, v):
    if XLU.xlu_cfg_value_type(v) == XLU_STRING:
        s = ctypes.c_char_p()
        XLU.xlu_cfg_value_get_string(cfg, v, ctypes.byref(s), 1)
        return text(s.value)
    lst = ctypes.c_void_p()
    XLU.xlu_cfg_value_get_list(cfg, v, ctypes.byref(lst), 1)
    items, i = [], 0
    while True:
        item = XLU.xlu_cfg_get_listitem2(lst, i)
        if not item:
            return items
        items.append(value(cfg, item))
        i += 1


def parse_disk(cfg, report, spec):
    disk = libxl_device_disk()
    LIGHT.libxl_device_disk_init(ctypes.byref(disk))
    specs = (ctypes.c_char_p * 1)(os.fsencode(spec))
    rc = XLU.xlu_disk_parse(cfg, 1, specs, ctypes.byref(disk))
    out = {"spec": spec, "rc": rc, "messages": report.drain()}
    if rc == 0:
        out.update({
            "target": text(disk.pdev_path),
            "vdev": text(disk.vdev),
            "format": text(LIGHT.libxl_disk_format_to_string(disk.format)),
            "backend": text(LIGHT.libxl_disk_backend_to_string(disk.backend)),
            "readwrite": disk.readwrite,
            "access": "rw" if disk.readwrite else "ro",
            "is_cdrom": disk.is_cdrom,
            "removable": disk.removable,
            "script": text(disk.script),
            "backend_domname": text(disk.backend_domname),
        })
    LIGHT.libxl_device_disk_dispose(ctypes.byref(disk))
    return out


def read(path):
    report = Report()
    cfg = XLU.xlu_cfg_init(report.file, os.fsencode(path))
    try:
        rc = XLU.xlu_cfg_readfile(cfg, os.fsencode(path))
        out = {"file": path, "rc": rc, "messages": report.drain()}
        if rc != 0:
            return out  # after a failed read only xlu_cfg_destroy is defined
        settings = []
        node = cfg.contents.settings
        while node:
            s = node.contents
            settings.append({"name": text(s.name), "line": s.lineno, "op": OPS.get(s.op, str(s.op)),
                             "value": value(cfg, s.value)})
            node = s.next
        settings.reverse()  # the parser prepends each assignment
        out["settings"] = settings
        out["values"] = {s["name"]: s["value"] for s in settings}
        longs = {}
        for name in out["values"]:
            n = ctypes.c_long()
            if XLU.xlu_cfg_get_long(cfg, name.encode("utf-8"), ctypes.byref(n), 1) == 0:
                longs[name] = n.value
        out["longs"] = longs
        disks = out["values"].get("disk")
        out["disks"] = [parse_disk(cfg, report, d) for d in disks] if isinstance(disks, list) else []
        out["messages"] += report.drain()
        return out
    finally:
        XLU.xlu_cfg_destroy(cfg)
        report.close()


def disks(specs):
    report = Report()
    cfg = XLU.xlu_cfg_init(report.file, b"disk-spec")
    try:
        return [parse_disk(cfg, report, spec) for spec in specs]
    finally:
        XLU.xlu_cfg_destroy(cfg)
        report.close()


def main(argv):
    if len(argv) < 2 or argv[1] not in ("read", "disk"):
        print(__doc__, file=sys.stderr)
        return 2
    answer = [read(p) for p in argv[2:]] if argv[1] == "read" else disks(argv[2:])
    print("LABFORGE-JSON " + json.dumps(answer, ensure_ascii=True, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
