"""A page's bytes as the text a browser shows: the one place TrialLens decodes HTML.

Order, as browsers have it: a byte-order mark, then the charset the web server sent (a fetched page), then the
page's own `<meta charset>` / `<meta http-equiv="Content-Type">`, then UTF-8. Bytes UTF-8 cannot read are read as
windows-1252, what browsers use for pages labelled "latin-1" or not labelled at all. Latin-1 turned windows-1252's
en dash, curly quotes and bullet (bytes 0x80-0x9F) into invisible control characters: "18–65" became "1865" and a
false critical "differs in a limit" (review r23, #1).
"""

from __future__ import annotations

import codecs
import re

from .errors import BadInput

BINARY = "input looks binary (it contains NUL bytes), not an HTML page"

# byte-order marks, longest first (UTF-32 LE begins with UTF-16 LE's mark)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# labels browsers read as another encoding (WHATWG Encoding): "latin-1" and "ascii" pages are windows-1252
_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252", "latin1": "cp1252",
            "latin-1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "cp819": "cp1252",
            "ibm819": "cp1252", "x-cp1252": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254",
            "tis-620": "cp874", "iso-8859-11": "cp874", "gb2312": "gbk", "x-gbk": "gbk", "ks_c_5601-1987": "cp949",
            "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932"}
# names Python decodes with that no web page is in (or that browsers refuse to honour, as UTF-7)
_NOT_PAGE_CODECS = {"idna", "punycode", "raw-unicode-escape", "unicode-escape", "undefined", "utf-7", "charmap",
                    "mbcs", "oem", "palmos", "uu", "zlib", "bz2"}

# a meta tag's charset, in either form; prescanned in the page's first 16 KB (browsers look at the first 1 KB;
# saved pages often carry a comment or a long <head> before it)
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:+-]+)", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:+-]+)", re.I)
_PRESCAN = 16 * 1024


def _windows_1252_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes UTF-8 (or windows-1252) cannot read, read as windows-1252 (its five unassigned bytes as the code point
    of the same number, as browsers do)."""
    bad = err.object[err.start:err.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad), err.end


codecs.register_error("triallens-cp1252", _windows_1252_bytes)


def codec_for(label: str | None, from_header: bool = False) -> str | None:
    """The Python codec for a charset label, or None for a label no browser would use."""
    if not label:
        return None
    name = _ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    name = info.name
    if name in _NOT_PAGE_CODECS or not getattr(info, "_is_text_encoding", True):   # ("base64": bytes to bytes)
        return None
    if name.startswith(("utf-16", "utf-32")) and not from_header:
        return "utf-8"   # (a <meta> saying UTF-16 was read from ASCII-like bytes: browsers take it as UTF-8)
    return name


def header_charset(content_type: str | None) -> str | None:
    """The charset of an HTTP Content-Type header ("text/html; charset=windows-1252"), if it names one."""
    m = _HEADER_CHARSET.search(content_type or "")
    return m.group(1) if m else None


def meta_charset(data: bytes) -> str | None:
    """The charset the page declares in a <meta> tag near its start."""
    m = _META_CHARSET.search(data[:_PRESCAN])
    return m.group(1).decode("ascii") if m else None


def decode_page(data: bytes, http_charset: str | None = None) -> str:
    """The page's text. BadInput for bytes that are not text (NUL bytes, where no byte-order mark says UTF-16/32)."""
    data = bytes(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    declared = codec_for(http_charset, from_header=True)
    if declared and declared.startswith(("utf-16", "utf-32")):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            declared = None
    if b"\x00" in data[:65536]:
        raise BadInput(BINARY)
    for codec in (declared, codec_for(meta_charset(data))):
        if codec and codec != "utf-8":
            try:
                return data.decode(codec, "triallens-cp1252" if codec == "cp1252" else "strict")
            except UnicodeDecodeError:
                continue   # (mislabelled: read it as an unlabelled page)
    # UTF-8; a byte it cannot read is windows-1252's (a page saved in it, or one pasted piece of it)
    return data.decode("utf-8", "triallens-cp1252")
