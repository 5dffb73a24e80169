#!/usr/bin/env python3
"""Find and damage the kmem persistence layout in an NVDIMM backing file.

blk-media.py IMAGE hash                 sha256 of the superblock and map pages
blk-media.py IMAGE corrupt CASE BACKUP  damage the layout, save what was
                                        there to BACKUP, print the message
                                        the kernel must log
blk-media.py IMAGE restore BACKUP       undo a corrupt or a stale
blk-media.py IMAGE stale BACKUP         fill the first map page out of use
                                        with garbage (the kernel must ignore it)
blk-media.py IMAGE legacy               rewrite the layout as a kernel without
                                        the map summary would have made it

CASE: sb-csum (flip a superblock checksum bit), map-dup (map a second
block to the page of the first), map-reserved (set a reserved bit),
block-size (rewrite the superblock, checksum included, as a kernel with
512 MiB memory blocks would have formatted the same device), summary-past
(mark a map page past the map in use).
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
SB_INCOMPAT, SB_META = 32, 64
# BLK: a summary of one bit per map page precedes the map
INCOMPAT_BLK_SUMMARY = 1
SUMMARY_BITS = PAGE * 8


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 & -(crc & 1))
    return crc


def sealed(b):
    """The superblock bytearray b, its checksum recomputed, as bytes."""
    struct.pack_into("<I", b, CSUM, crc32c(bytes(b[:CSUM])))
    return bytes(b)


def find_sb(f):
    """Offset of the superblock: a page starting with the magic."""
    for off in range(0, 1 << 30, PAGE):
        f.seek(off)
        if f.read(8) == MAGIC:
            return off
    sys.exit("no kmem persistence superblock in the image")


class Layout:
    """The superblock is the dax device's first page; the layout (and its
    metadata) starts at the first range's page offset in the device."""

    def __init__(self, f):
        self.sb = find_sb(f)
        f.seek(self.sb)
        self.raw = f.read(SB_SIZE)
        self.meta_start, self.meta_pages = struct.unpack_from("<QQ", self.raw, SB_META)
        incompat = struct.unpack_from("<Q", self.raw, SB_INCOMPAT)[0]
        pgoff = struct.unpack_from("<Q", self.raw, SB_RANGES)[0]
        self.meta_off = self.sb + (pgoff + self.meta_start) * PAGE
        self.nsum = 0
        if incompat & INCOMPAT_BLK_SUMMARY:
            self.nsum = (self.meta_pages + SUMMARY_BITS) // (SUMMARY_BITS + 1)
        self.map_off = self.meta_off + self.nsum * PAGE
        self.map_pages = self.meta_pages - self.nsum
        f.seek(self.meta_off)
        self.summary = f.read(self.nsum * PAGE)

    def in_use(self, p):
        """Is map page p in use?  Without a summary, all are."""
        return not self.nsum or (self.summary[p // 8] >> (p % 8)) & 1

    def mapped(self, f):
        """(block, entry) of every mapped block, in map pages in use."""
        out = []
        per = PAGE // 8
        for p in range(self.map_pages):
            if not self.in_use(p):
                continue
            f.seek(self.map_off + p * PAGE)
            entries = struct.unpack("<%dQ" % per, f.read(PAGE))
            out += [(p * per + i, e) for i, e in enumerate(entries) if e]
        return out


def save(f, backup, regions):
    """Save the bytes at each (offset, length) to BACKUP, one per line."""
    with open(backup, "w") as b:
        for off, n in regions:
            f.seek(off)
            b.write("%d %s\n" % (off, f.read(n).hex()))


def main():
    img, cmd = sys.argv[1], sys.argv[2]
    with open(img, "r+b") as f:
        lay = Layout(f)
        sb, raw = lay.sb, lay.raw
        if cmd == "hash":
            h = hashlib.sha256()
            f.seek(sb)
            h.update(f.read(PAGE))
            f.seek(lay.meta_off)
            h.update(f.read(lay.meta_pages * PAGE))
            print(h.hexdigest())
            return
        if cmd == "restore":
            with open(sys.argv[3]) as b:
                for line in b:
                    off, hexdata = line.split()
                    f.seek(int(off))
                    f.write(bytes.fromhex(hexdata))
            return
        if cmd == "stale":
            if not lay.nsum:
                sys.exit("the layout has no summary")
            free = [p for p in range(lay.map_pages) if not lay.in_use(p)]
            if not free:
                sys.exit("every map page is in use")
            off = lay.map_off + free[0] * PAGE
            save(f, sys.argv[3], [(off, PAGE)])
            f.seek(off)
            f.write(b"\xde\xad\xbe\xef" * (PAGE // 4))
            print("map page %d of %d filled with garbage" % (free[0], lay.map_pages))
            return
        if cmd == "legacy":
            # The map without its summary: every map page in use, so the
            # pages out of use are zeroed; the summary pages become data.
            if not lay.nsum:
                sys.exit("the layout has no summary")
            for p in range(lay.map_pages):
                if not lay.in_use(p):
                    f.seek(lay.map_off + p * PAGE)
                    f.write(bytes(PAGE))
            b = bytearray(raw)
            struct.pack_into("<Q", b, SB_INCOMPAT, 0)
            struct.pack_into("<QQ", b, SB_META, lay.meta_start + lay.nsum, lay.map_pages)
            f.seek(sb)
            f.write(sealed(b))
            print("summary of %d pages dropped, %d map pages" % (lay.nsum, lay.map_pages))
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
            off, new = sb, sealed(b)
            msg = ("the superblock on the media is invalid (memory block "
                   "size differs from the formatted layout's)")
        elif case == "summary-past":
            p = lay.map_pages
            if not lay.nsum or p >= lay.nsum * SUMMARY_BITS:
                sys.exit("no summary bit past the map")
            off = lay.meta_off + p // 8
            new = bytes([lay.summary[p // 8] | 1 << (p % 8)])
            msg = "refusing to online: the summary marks a map page past the map"
        else:
            m = lay.mapped(f)
            if len(m) < 2:
                sys.exit("fewer than two mapped blocks")
            (b1, e1), (b2, e2) = m[0], m[1]
            off = lay.map_off + 8 * b2
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
        save(f, backup, [(off, len(new))])
        f.seek(off)
        f.write(new)
        print(msg)


main()
