#!/usr/bin/env python3
"""Find and damage the kmem persistence layout in an NVDIMM backing file.

blk-media.py IMAGE hash                 sha256 of the superblock and map pages
blk-media.py IMAGE corrupt CASE BACKUP  damage the layout, save what was
                                        there to BACKUP, print the message
                                        the kernel must log
blk-media.py IMAGE restore BACKUP       undo a corrupt

CASE: sb-csum (flip a superblock checksum bit), map-dup (map a second
block to the page of the first), map-reserved (set a reserved bit),
block-size (rewrite the superblock, checksum included, as a kernel with
512 MiB memory blocks would have formatted the same device).
"""
import hashlib
import struct
import sys

PAGE = 4096
MAGIC = b"DAXKMEMP"
SB_SIZE = 512
CSUM = SB_SIZE - 4
# block_size, nr_ranges, then ranges of (pgoff, nr_pages) from offset 96
SB_BLOCK_SIZE, SB_NR_RANGES, SB_RANGES = 80, 88, 96


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 & -(crc & 1))
    return crc


def find_sb(f):
    """Offset of the superblock: a page starting with the magic."""
    for off in range(0, 1 << 30, PAGE):
        f.seek(off)
        if f.read(8) == MAGIC:
            return off
    sys.exit("no kmem persistence superblock in the image")


def layout(f):
    """The superblock is the dax device's first page; the layout (and its
    map) starts at the first range's page offset in the device."""
    sb = find_sb(f)
    f.seek(sb)
    raw = f.read(SB_SIZE)
    meta_start, meta_pages = struct.unpack_from("<QQ", raw, 64)
    pgoff = struct.unpack_from("<Q", raw, SB_RANGES)[0]
    return sb, raw, sb + (pgoff + meta_start) * PAGE, meta_pages


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
            h = hashlib.sha256()
            f.seek(sb)
            h.update(f.read(PAGE))
            f.seek(map_off)
            h.update(f.read(meta_pages * PAGE))
            print(h.hexdigest())
            return
        if cmd == "restore":
            with open(sys.argv[3]) as b:
                off, hexdata = b.read().split()
            f.seek(int(off))
            f.write(bytes.fromhex(hexdata))
            return
        case, backup = sys.argv[3], sys.argv[4]
        if case == "sb-csum":
            off, new = sb + CSUM, bytes([raw[CSUM] ^ 1]) + raw[CSUM + 1:]
            msg = "the superblock on the media is invalid (bad checksum)"
        elif case == "block-size":
            bs = struct.unpack_from("<Q", raw, SB_BLOCK_SIZE)[0]
            pgoff, pages = struct.unpack_from("<QQ", raw, SB_RANGES)
            big = 512 << 20
            # Device-relative: with 512 MiB blocks (device start so aligned
            # here) the head grows to the next GiB and the tail is cut.
            start = (pgoff * PAGE + big - 1) // big * big
            end = (pgoff * PAGE + pages * PAGE) // big * big
            if end <= start or bs == big:
                sys.exit("device too small to tell 512 MiB blocks apart")
            b = bytearray(raw)
            struct.pack_into("<Q", b, 56, (end - start) // PAGE)
            struct.pack_into("<Q", b, SB_BLOCK_SIZE, big)
            struct.pack_into("<QQ", b, SB_RANGES, start // PAGE, (end - start) // PAGE)
            struct.pack_into("<I", b, CSUM, crc32c(bytes(b[:CSUM])))
            off, new = sb, bytes(b)
            msg = ("the superblock on the media is invalid (memory block "
                   "size differs from the formatted layout's)")
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
