#!/usr/bin/env python3
"""Builds the harmless fixtures of tests/unit/content_*_test.cpp into
fixtures/: archives of every supported format (zip, ZipCrypto zip via
`zip -P`, 7z via `7z`, tar with gzip/bzip2/xz, gzip, hand-made LHA levels
0-2), members with Japanese names (CP932 in LHA and in zips without the
UTF-8 flag, UTF-8 in zips with and without it), archive bombs in miniature
(the tests lower the limits), member names that try to leave the
extraction folder, and minimal PE32/PE32+ files whose header values the PE
tests assert. Needs zip and p7zip-full. Re-run after a change and commit
the output; the tests never run this script."""

import calendar
import gzip
import io
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
DATE = (2024, 1, 2, 3, 4, 6)
README = b"Beacon to http://evil.example.com/gate.php and 203.0.113.7 daily.\n"
PAYLOAD = b"payload at the bottom\n"
PENSION_NAME = "厚生年金基金制度の見直しについて.exe"

# --- PE ---------------------------------------------------------------------

PE_TIMESTAMP = calendar.timegm((2019, 3, 4, 5, 6, 7))


def build_pe(is64):
    """A PE with .text, .rdata (imports) and .data sections. Imports:
    KERNEL32.dll!CreateFileA, KERNEL32.dll!WriteFile, WS2_32.dll!#23,
    WS2_32.dll!connect."""
    f = bytearray(0x800)
    f[0:2] = b"MZ"
    struct.pack_into("<I", f, 0x3C, 0x40)
    f[0x40:0x44] = b"PE\0\0"
    opt_size = 240 if is64 else 224
    machine = 0x8664 if is64 else 0x14C
    characteristics = 0x2022 if is64 else 0x0102  # 64: DLL, large address aware
    struct.pack_into("<HHIIIHH", f, 0x44, machine, 3, PE_TIMESTAMP, 0, 0, opt_size,
                     characteristics)
    opt = 0x58
    struct.pack_into("<H", f, opt, 0x20B if is64 else 0x10B)
    struct.pack_into("<I", f, opt + 16, 0x1000)  # entry point
    if is64:
        struct.pack_into("<Q", f, opt + 24, 0x180000000)
    else:
        struct.pack_into("<I", f, opt + 28, 0x400000)
    struct.pack_into("<II", f, opt + 32, 0x1000, 0x200)  # alignments
    struct.pack_into("<I", f, opt + 56, 0x4000)  # SizeOfImage
    struct.pack_into("<I", f, opt + 60, 0x200)  # SizeOfHeaders
    struct.pack_into("<H", f, opt + 68, 2 if is64 else 3)  # GUI / console
    dirs = opt + (112 if is64 else 96)
    struct.pack_into("<I", f, dirs - 4, 16)  # NumberOfRvaAndSizes
    struct.pack_into("<II", f, dirs + 8, 0x2000, 60)  # import directory
    table = opt + opt_size
    sections = [(b".text", 0x10, 0x1000, 0x200, 0x200, 0x60000020),
                (b".rdata", 0x200, 0x2000, 0x200, 0x400, 0x40000040),
                (b".data", 0x100, 0x3000, 0x200, 0x600, 0xC0000040)]
    for i, (name, vsize, va, rsize, roff, ch) in enumerate(sections):
        struct.pack_into("<8sIIIIIIHHI", f, table + 40 * i, name, vsize, va, rsize, roff,
                         0, 0, 0, 0, ch)
    f[0x200:0x203] = b"\xC3\x90\x90"  # ret; nop; nop

    def at(rva):
        return 0x400 + rva - 0x2000

    width = 8 if is64 else 4
    ordinal = (1 << 63 if is64 else 1 << 31) | 23
    thunk = "<Q" if is64 else "<I"
    for rva, text in [(0x2080, b"CreateFileA"), (0x2090, b"WriteFile"), (0x20A0, b"connect")]:
        struct.pack_into("<H", f, at(rva), 0)
        f[at(rva) + 2:at(rva) + 2 + len(text)] = text
    f[at(0x20C0):at(0x20C0) + 12] = b"KERNEL32.dll"
    f[at(0x20D0):at(0x20D0) + 10] = b"WS2_32.dll"
    for base in (0x2040, 0x2100):  # lookup table, then address table
        for i, v in enumerate([0x2080, 0x2090, 0]):
            struct.pack_into(thunk, f, at(base) + i * width, v)
        for i, v in enumerate([ordinal, 0x20A0, 0]):
            struct.pack_into(thunk, f, at(base + 0x20) + i * width, v)
    struct.pack_into("<IIIII", f, at(0x2000), 0x2040, 0, 0, 0x20C0, 0x2100)
    struct.pack_into("<IIIII", f, at(0x2014), 0x2060, 0, 0, 0x20D0, 0x2120)
    data = b"http://update.example.net/beacon\0"
    f[0x600:0x600 + len(data)] = data
    wide = "C:\\Users\\Public\\dropper.dll".encode("utf-16-le")
    f[0x680:0x680 + len(wide)] = wide
    return bytes(f)


# --- LHA --------------------------------------------------------------------


def crc16(data):
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def lha_member(level, name, content):
    """One stored (-lh0-) member with a header of the given level."""
    crc = crc16(content)
    n = len(content)
    if level == 0:
        body = b"-lh0-" + struct.pack("<IIIBB", n, n, 0x58211A42, 0x20, 0)
        body += bytes([len(name)]) + name + struct.pack("<H", crc)
        return bytes([len(body), sum(body) & 0xFF]) + body + content
    if level == 1:
        body = b"-lh0-" + struct.pack("<IIIBB", n, n, 0x58211A42, 0x20, 1)
        body += bytes([len(name)]) + name + struct.pack("<H", crc) + b"U" + struct.pack("<H", 0)
        return bytes([len(body), sum(body) & 0xFF]) + body + content
    # Level 2 carries its header CRC in an extended header (type 0x00),
    # computed over the whole header with the CRC field zeroed.
    name_ext = bytes([0x01]) + name + struct.pack("<H", 0)  # last: end of list
    crc_ext = bytes([0x00]) + b"\0\0" + struct.pack("<H", len(name_ext))
    size = 26 + len(crc_ext) + len(name_ext)
    head = struct.pack("<H", size) + b"-lh0-" + struct.pack("<IIIBB", n, n, 1700000000, 0x20, 2)
    head += struct.pack("<H", crc) + b"U" + struct.pack("<H", len(crc_ext))
    header = bytearray(head + crc_ext + name_ext)
    struct.pack_into("<H", header, 27, crc16(bytes(header)))
    return bytes(header) + content


# --- helpers ----------------------------------------------------------------


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = compression
            z.writestr(info, data)
    return buf.getvalue()


def zip_raw_name(raw_name, data):
    """A zip whose one member is named by `raw_name` bytes without the UTF-8
    flag, as Japanese Windows writes CP932 names. zipfile flags every
    non-ASCII name, so an ASCII stand-in of the same length is swapped for
    the bytes in both headers (no checksum covers names)."""
    stand_in = b"n" * len(raw_name)
    out = zip_bytes([(stand_in.decode(), data)])
    assert out.count(stand_in) == 2
    return out.replace(stand_in, raw_name)


def tar_bytes(members, mode):
    if mode == "w:gz":  # tarfile would stamp the gzip header with the time now
        return gzip.compress(tar_bytes(members, "w"), mtime=0)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1700000000
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def run_in(tmp, *cmd):
    subprocess.run(cmd, cwd=tmp, check=True, stdout=subprocess.DEVNULL)


def main():
    for tool in ("zip", "7z"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (apt-get install zip p7zip-full)")
    os.makedirs(OUT, exist_ok=True)
    pe32, pe64 = build_pe(False), build_pe(True)
    write("pe32.exe", pe32)
    write("pe64.dll", pe64)

    write("hello.zip", zip_bytes([("readme.txt", README), ("bin/tool.exe", pe32)]))
    inner = zip_bytes([("deep.tar.gz", tar_bytes([("docs/payload.txt", PAYLOAD)], "w:gz"))])
    write("nested.zip", zip_bytes([("readme.txt", README), ("inner.zip", inner)]))
    write("sample.tar.gz", tar_bytes([("a/readme.txt", README), ("a/tool.exe", pe32)], "w:gz"))
    write("sample.tar.bz2", tar_bytes([("readme.txt", README)], "w:bz2"))
    write("sample.tar.xz", tar_bytes([("readme.txt", README)], "w:xz"))
    write("single.exe.gz", gzip.compress(pe32, mtime=0))
    write("levels.lzh", lha_member(0, b"level0.txt", b"stored at level 0\n") +
          lha_member(1, b"level1.txt", b"stored at level 1\n") +
          lha_member(2, b"level2.txt", b"stored at level 2\n") + b"\0")

    # Japanese names: CP932 in LHA headers and in zips without the UTF-8
    # flag, UTF-8 in zips with it.
    write("japanese.lzh", lha_member(0, PENSION_NAME.encode("cp932"), PAYLOAD) +
          lha_member(2, "説明書.txt".encode("cp932"), README) + b"\0")
    write("cp932_name.zip", zip_raw_name(PENSION_NAME.encode("cp932"), PAYLOAD))
    write("utf8_name.zip", zip_bytes([(PENSION_NAME, PAYLOAD), ("資料/説明書.txt", README)]))
    # macOS writes UTF-8 names without the flag.
    write("utf8_unflagged_name.zip", zip_raw_name(PENSION_NAME.encode("utf-8"), PAYLOAD))

    types = b'<?xml version="1.0"?><Types/>'
    docx = zip_bytes([("[Content_Types].xml", types), ("word/document.xml", b"<w:document/>")])
    write("doc.docx", docx)
    write("macro.docm", zip_bytes([("[Content_Types].xml", types),
                                   ("word/document.xml", b"<w:document/>"),
                                   ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")]))
    # A plain zip storing a document uncompressed: its bytes show the inner
    # names, but it is a zip to walk.
    write("stored_docx.zip", zip_bytes([("doc.docx", docx)], zipfile.ZIP_STORED))

    hello = zip_bytes([("readme.txt", README), ("bin/tool.exe", pe32)], zipfile.ZIP_STORED)
    write("damaged.zip", hello[:len(hello) // 2])

    # Bombs in miniature: the tests lower the limits to these sizes.
    write("many.zip", zip_bytes([(f"m{i:03}.txt", b"x") for i in range(40)]))
    write("ratio.zip", zip_bytes([("zeros.bin", bytes(4 << 20))]))
    deep = PAYLOAD
    name = "payload.txt"
    for level in range(7, 0, -1):
        deep = zip_bytes([(name, deep)])
        name = f"level{level}.zip"
    write("deep.zip", deep)

    write("dotdot.zip", zip_bytes([("ok.txt", b"fine"), ("../evil.exe", pe32)]))
    write("absolute.zip", zip_bytes([("/etc/cron.d/x", b"* * * * * root sh\n")]))
    write("backslash.zip", zip_bytes([("dir\\..\\..\\x.bat", b"@echo off\n")]))
    write("drive.zip", zip_bytes([("C:/Windows/evil.dll", pe32)]))
    write("dotdot.tar", tar_bytes([("a/../../evil.sh", b"#!/bin/sh\n")], "w"))
    write("backslash.tar", tar_bytes([("..\\evil.bat", b"@echo off\n")], "w"))

    with tempfile.TemporaryDirectory() as tmp:
        for name, data in [("secret.txt", b"opened with the customary password\n"),
                           ("a.txt", b"nobody knows this password\n"),
                           ("b.txt", b"plain member\n"), ("readme.txt", README)]:
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)
        run_in(tmp, "zip", "-q", "-X", "-P", "infected", "encrypted.zip", "secret.txt")
        run_in(tmp, "zip", "-q", "-X", "-P", "s3cr3t-unknown", "locked.zip", "a.txt")
        run_in(tmp, "zip", "-q", "-X", "locked.zip", "b.txt")
        run_in(tmp, "7z", "a", "-bd", "sample.7z", "readme.txt", "b.txt")
        # libarchive does not decrypt 7z: its member must come out locked.
        run_in(tmp, "7z", "a", "-bd", "-pinfected", "encrypted.7z", "secret.txt")
        for name in ("encrypted.zip", "locked.zip", "sample.7z", "encrypted.7z"):
            shutil.copy(os.path.join(tmp, name), os.path.join(OUT, name))


if __name__ == "__main__":
    main()
