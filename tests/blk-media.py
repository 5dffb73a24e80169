#!/usr/bin/env python3
"""Find and damage the kmem persistence layout in an NVDIMM backing file.

blk-media.py IMAGE hash                 sha256 of the superblock and map pages
blk-media.py IMAGE corrupt CASE BACKUP  damage the layout, save what was
                                        there to BACKUP, print the message
                                        the kernel must log
blk-media.py IMAGE restore BACKUP       undo a corrupt

CASE: sb-csum (flip a superblock checksum bit), map-dup (map a second
block to the page of the first), map-reserved (set a reserved bit).
"""
import hashlib
import struct
import sys

PAGE = 4096
MAGIC = b"DAXKMEMP"


def find_sb(f):
    """Offset of the superblock: a page starting with the magic."""
    for off in range(0, 1 << 30, PAGE):
        f.seek(off)
        if f.read(8) == MAGIC:
            return off
    sys.exit("no kmem persistence superblock in the image")


def layout(f):
    sb = find_sb(f)
    f.seek(sb)
    raw = f.read(128)
    meta_start, meta_pages = struct.unpack_from("<QQ", raw, 64)
    return sb, raw, sb + meta_start * PAGE, meta_pages


def mapped(f, map_off, meta_pages):
    f.seek(map_off)
    data = f.read(meta_pages * PAGE)
    entries = struct.unpack("<%dQ" % (len(data) // 8), data)
    return [(b, e) for b, e in enumerate(entries) if e]


def main():
    img, cmd = sys.argv[1], sys.argv[2]
    with open(img, "r+b") as f:
        sb, raw, map_off, meta_pages = layout(f)
        if cmd == "hash":
            f.seek(sb)
            print(hashlib.sha256(f.read((1 + meta_pages) * PAGE)).hexdigest())
            return
        if cmd == "restore":
            with open(sys.argv[3]) as b:
                off, hexdata = b.read().split()
            f.seek(int(off))
            f.write(bytes.fromhex(hexdata))
            return
        case, backup = sys.argv[3], sys.argv[4]
        if case == "sb-csum":
            off, new = sb + 124, bytes([raw[124] ^ 1]) + raw[125:128]
            msg = "the superblock on the media is invalid (bad checksum)"
        else:
            m = mapped(f, map_off, meta_pages)
            if len(m) < 2:
                sys.exit("fewer than two mapped blocks")
            (b1, e1), (b2, e2) = m[0], m[1]
            off = map_off + 8 * b2
            if case == "map-dup":
                val = e1
                why = "page mapped twice"
            elif case == "map-reserved":
                val = e2 | (1 << 60)
                why = "reserved bits set"
            else:
                sys.exit("unknown case " + case)
            new = struct.pack("<Q", val)
            msg = "map entry of block %d is %#x: %s" % (b2, val, why)
        f.seek(off)
        old = f.read(len(new))
        with open(backup, "w") as b:
            b.write("%d %s\n" % (off, old.hex()))
        f.seek(off)
        f.write(new)
        print(msg)


main()
