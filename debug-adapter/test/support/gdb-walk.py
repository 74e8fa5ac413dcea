# Run inside `gdb -batch -nx -x gdb-walk.py` (see gdb.ts): stops the native program at every
# breakpoint of the spec, counts hits per breakpoint, and at the wanted hits records every local of
# the frame and the chosen globals as structured values (scalars by value, arrays and structs member
# by member, pointers by what they point at, char * by its string). Writes JSON to spec["out"].
import json
import os

import gdb

spec = json.load(open(os.environ["TVM_GDB_SPEC"]))
gdb.execute("set pagination off")
gdb.execute("set confirm off")
gdb.execute("file " + spec["exe"])

CHAR_NAMES = ("char", "signed char", "unsigned char")
MAX_STRING = 200


def is_char(t):
    t = t.strip_typedefs().unqualified()
    return t.code in (gdb.TYPE_CODE_INT, gdb.TYPE_CODE_CHAR) and t.sizeof == 1 and t.name in CHAR_NAMES


def c_string(address):
    inferior = gdb.selected_inferior()
    out = []
    try:
        while len(out) <= MAX_STRING:
            b = inferior.read_memory(address + len(out), 1).tobytes()[0]
            if b == 0:
                break
            out.append(b)
    except gdb.MemoryError:
        return None
    return out


def walk(v, depth):
    t = v.type.strip_typedefs()
    code = t.code
    if code == gdb.TYPE_CODE_BOOL:
        return {"k": "bool", "v": int(v) != 0}
    if code in (gdb.TYPE_CODE_INT, gdb.TYPE_CODE_CHAR):
        return {"k": "char" if is_char(t) else "int", "v": str(int(v))}
    if code == gdb.TYPE_CODE_FLT:  # gdb's own digits (%.9g / %.17g, inf, nan(0x...))
        return {"k": "float", "v": v.format_string()}
    if code == gdb.TYPE_CODE_ENUM:
        n = int(v)
        names = [f.name for f in t.fields() if f.enumval == n]
        return {"k": "enum", "v": str(n), "name": names[0] if names else None}
    if code == gdb.TYPE_CODE_ARRAY:
        lo, hi = t.range()
        return {"k": "array", "char": is_char(t.target()), "elems": [walk(v[i], depth) for i in range(lo, hi + 1)]}
    if code in (gdb.TYPE_CODE_STRUCT, gdb.TYPE_CODE_UNION):
        members = []
        for f in t.fields():
            if f.name is None:  # an anonymous struct or union: its fields show inline
                members.extend(walk(v[f], depth)["members"])
            else:
                members.append([f.name, walk(v[f.name], depth)])
        return {"k": "struct", "members": members}
    if code == gdb.TYPE_CODE_PTR:
        address = int(v)
        target = t.target().strip_typedefs()
        if address == 0:
            return {"k": "null"}
        if target.code == gdb.TYPE_CODE_FUNC:
            block = gdb.block_for_pc(address)
            return {"k": "function", "name": block.function.name if block and block.function else None}
        if target.code == gdb.TYPE_CODE_VOID:
            return {"k": "void"}
        out = {"k": "pointer"}
        if is_char(target):
            out["string"] = c_string(address)
        if depth > 0:
            try:
                out["to"] = walk(v.dereference(), depth - 1)
            except gdb.MemoryError:
                out["to"] = None
        return out
    raise gdb.GdbError("type the oracle does not handle: " + str(v.type))


def frame_locals(frame):
    block = frame.block()
    seen = set()
    out = []
    while block is not None:
        for sym in block:
            if not (sym.is_variable or sym.is_argument) or sym.name in seen:
                continue
            if sym.addr_class == gdb.SYMBOL_LOC_STATIC:  # function statics: the Globals scope
                continue
            seen.add(sym.name)
            out.append([sym.name, walk(sym.value(frame), spec["depth"])])
        if block.function is not None:
            break
        block = block.superblock
    return out


by_line = {}
for bp in spec["breakpoints"]:
    gdb.Breakpoint("%s:%d" % (spec["file"], bp["line"]))
    by_line[bp["line"]] = bp

hits = {}
stops = []
snapshots = []
gdb.execute("run > /dev/null")
while gdb.selected_inferior().pid != 0:
    frame = gdb.selected_frame()
    line = frame.find_sal().line
    bp = by_line.get(line)
    if bp is None:
        raise gdb.GdbError("stopped at line %d, which has no breakpoint" % line)
    hits[bp["name"]] = hits.get(bp["name"], 0) + 1
    hit = hits[bp["name"]]
    stops.append("%s#%d" % (bp["name"], hit))
    if hit in bp["hits"]:
        globals_ = [[g, walk(gdb.parse_and_eval(g), spec["depth"])] for g in bp["globals"]]
        snapshots.append({"stop": "%s#%d" % (bp["name"], hit), "locals": frame_locals(frame), "globals": globals_})
    gdb.execute("continue")

json.dump({"stops": stops, "snapshots": snapshots}, open(spec["out"], "w"))
