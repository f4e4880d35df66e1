"""Bytes of an imported file to text: which encoding, and how sure we are.

The rule, in order:
1. A byte-order mark decides: UTF-8, UTF-16 (LE/BE) or UTF-32.
2. No BOM but NUL bytes in every other position: UTF-16 without a BOM.
3. Otherwise UTF-8, strictly: real-world text in another encoding almost never
   decodes as UTF-8 by accident.
4. Only when UTF-8 fails, a maintained detector (charset-normalizer) is asked;
   when it finds a multi-byte East Asian encoding (Shift_JIS, EUC-KR, GB18030,
   Big5...) that reads the sample without an error, that is the answer.
5. Otherwise a Windows code page is guessed: Western (cp1252) when the non-ASCII
   letters sit inside otherwise ASCII words ("Müller"), else Cyrillic (cp1251) or
   Greek (cp1253), whichever gives text whose letters are common in that alphabet
   (on a few names the detector confuses these code pages; letter frequencies do not).
The result of 4 and 5 is marked as a guess, so the preview can offer the encoding
choice; a user's choice always wins over the rule.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

SINGLE_BYTE_GUESSES = ("cp1252", "cp1251", "cp1253")
# What the detector may decide on its own: encodings a letter-frequency rule cannot tell.
MULTI_BYTE_GUESSES = frozenset(
    codecs.lookup(name).name
    for name in (
        "cp932",
        "shift_jis",
        "euc_jp",
        "iso2022_jp",
        "gb18030",
        "gbk",
        "gb2312",
        "big5",
        "big5hkscs",
        "cp949",
        "euc_kr",
        "johab",
    )
)
_SAMPLE = 64 * 1024
_WORD = re.compile(rb"[A-Za-z\x80-\xff]+")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# How often each letter appears in Russian and in Greek text (percent; Greek without
# accents). Text decoded with the right code page scores high; with the wrong one,
# common letters turn into rare ones.
_RUSSIAN = (
    "о11 е8.5 а8 и7.4 н6.7 т6.3 с5.5 р4.7 в4.5 л4.4 к3.5 м3.2 д3 п2.8 у2.6 я2 ы1.9"
    " ь1.7 г1.7 з1.7 б1.6 ч1.4 й1.2 х1 ж.9 ш.7 ю.6 ц.5 щ.4 э.3 ф.3 ъ.04"
)
_GREEK = (
    "α12 ο9.8 ι8 ε8 τ8 σ7.3 ν6.6 η5.5 υ4.5 ρ4.5 π4 κ4 μ3.5 λ2.8 ω2 γ1.7 δ1.7 θ1.3"
    " χ1.2 φ.8 β.7 ξ.5 ζ.4 ψ.2"
)
_LETTER_FREQUENCY = {
    codec: {item[0]: float(item[1:]) for item in table.split()}
    for codec, table in (("cp1251", _RUSSIAN), ("cp1253", _GREEK))
}


class _ReplacementCount:
    """How many undecodable byte runs became U+FFFD under COUNTED_REPLACE, ever: a reader
    compares it before and after, so checking for loss costs nothing per value."""

    count = 0


REPLACED = _ReplacementCount()
COUNTED_REPLACE = "harvest-contacts-counted-replace"


def _counted_replace(error: UnicodeError) -> tuple[str, int]:
    REPLACED.count += 1
    end = getattr(error, "end", 0)
    return "\ufffd", int(end)


codecs.register_error(COUNTED_REPLACE, _counted_replace)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # a Python codec name
    guessed: bool = False  # not from a BOM or valid UTF-8: worth a second look
    lossy: bool = False  # some bytes could not be read and became U+FFFD

    @property
    def single_byte(self) -> bool:
        return codecs.lookup(self.encoding).name.startswith(
            ("cp", "iso8859", "latin", "koi8", "mac")
        )

    def original_bytes(self, value: str) -> bytes:
        """A value's bytes as they were in the file (for 2.1's CHARSET= and quoted-printable)."""
        return value.encode(self.encoding if self.single_byte else "utf-8", errors="replace")


def decode_bytes(data: bytes, encoding: str | None = None) -> DecodedText:
    """The text of a file by the rule above, or in the encoding the user chose."""
    if encoding:
        return _decode_as(data, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, codec)
    utf16 = _bomless_utf16(data[:_SAMPLE])
    if utf16:
        return _decode_as(data, utf16)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        guess = guess_legacy_encoding(data)
        return DecodedText(data.decode(guess, errors="replace"), guess, guessed=True)


def detect_encoding(sample: bytes, complete: bool = False) -> tuple[str, bool]:
    """(codec, guessed) for a file from its first bytes; complete when that is all of it.

    A sample cut off inside a UTF-8 character still counts as UTF-8.
    """
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return codec, False
    utf16 = _bomless_utf16(sample[:_SAMPLE])
    if utf16:
        return utf16, False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        return guess_legacy_encoding(sample), True
    return "utf-8", False


def guess_legacy_encoding(data: bytes) -> str:
    """Rules 4 and 5 above, for bytes that are not UTF-8."""
    sample = data[:_SAMPLE]
    best = from_bytes(sample).best()
    if best is not None and codecs.lookup(best.encoding).name in MULTI_BYTE_GUESSES:
        try:
            codecs.getincrementaldecoder(best.encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            pass
        else:
            return codecs.lookup(best.encoding).name
    return guess_code_page(data)


def _decode_as(data: bytes, encoding: str) -> DecodedText:
    if codecs.lookup(encoding).name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"  # the user chose UTF-8 for a file with a BOM: drop the BOM
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return DecodedText(data.decode(encoding, errors="replace"), encoding, lossy=True)


def _bomless_utf16(sample: bytes) -> str | None:
    # Text in an 8-bit encoding (or UTF-8) has NUL bytes rarely if ever; UTF-16 has
    # one in every ASCII character (delimiters, line ends, property names), on the
    # odd side for LE and the even side for BE, and few on the other side.
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= pairs / 8 and even <= odd / 8:
        codec = "utf-16-le"
    elif even >= pairs / 8 and odd <= even / 8:
        codec = "utf-16-be"
    else:
        return None
    try:
        codecs.getincrementaldecoder(codec)().decode(sample[: pairs * 2], final=False)
    except UnicodeDecodeError:
        return None
    return codec


def guess_code_page(data: bytes) -> str:
    """cp1252, cp1251 or cp1253 for bytes that are not UTF-8 (rule 4 above)."""
    words = [word for word in _WORD.findall(data[:_SAMPLE]) if not word.isascii()]
    letters = sum(len(word) for word in words)
    high = sum(1 for word in words for byte in word if byte >= 0x80)
    if not letters or high / letters < 0.5:
        return "cp1252"
    sample = b" ".join(words)
    scores = {codec: _alphabet_score(sample, codec) for codec in _LETTER_FREQUENCY}
    return max(scores, key=lambda codec: scores[codec])


def _alphabet_score(sample: bytes, codec: str) -> float:
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return -1.0  # a byte this code page leaves undefined: not this one
    frequency = _LETTER_FREQUENCY[codec]
    letters = [_greek_base(char.lower()) for char in text if not char.isascii()]
    return sum(frequency.get(letter, 0.0) for letter in letters) / max(len(letters), 1)


def _greek_base(char: str) -> str:
    """'ώ' -> 'ω', 'ς' -> 'σ'; Cyrillic letters are left alone ('й' is not 'и')."""
    if not "\u0370" <= char <= "\u03ff":
        return char
    base = unicodedata.normalize("NFD", char)[0]
    return "σ" if base == "ς" else base
