"""Text cleanup shared by every field.

Two kinds of text come out of here:

* *display* text (`clean_display`): what a person typed, with control
  characters removed and whitespace collapsed, never otherwise changed;
* *match keys* (`fold`): NFKC + casefold, ё→е and every apostrophe form → "'",
  Latin look-alikes inside Cyrillic words made Cyrillic, whitespace collapsed.
  і ї є ґ are kept; nothing is folded to ASCII.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Apostrophe look-alikes typed in Ukrainian words (п'ять, п’ять, пʼять, п`ять).
APOSTROPHES = "'’ʼ`´‘ʹ′＇"
_APOSTROPHE_TABLE = str.maketrans({ch: "'" for ch in APOSTROPHES} | {"ё": "е", "Ё": "е"})
#: Latin letters with marks as their plain letters: donors abroad type "pościel",
#: "Kühlschrank" or "posciel", "Kuhlschrank" alike (`plain_latin`).
_LATIN_MARKS = str.maketrans(
    "ąćęłńóśźżäöüéèêëàâáùûúîïíôòçñšžčřťďľĺŕýåø",
    "acelnoszzaoueeeeaaauuuiiioocnszcrtdllryao",
) | {ord("ß"): "ss"}
_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
_SPACE_RE = re.compile(r"\s+")
TOKEN_RE = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
#: Latin letters that look like Cyrillic ones: "Харкiв" typed with a Latin i.
_HOMOGLYPHS = str.maketrans("aceiopxyk", "асеіорхук")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
#: A Russian or Ukrainian letter, either case.
CYRILLIC_LETTER = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_LATIN_RE = re.compile(r"[a-z]")
#: Keeps line breaks and tabs as spaces; everything else invisible goes.
_KEEP_AS_SPACE = frozenset("\t\n\r\v\f\u2028\u2029\x85")
#: Line breaks, which in a list a person typed end one thing.
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x85")


@dataclass(frozen=True, slots=True)
class CleanText:
    """A cleaned display value and what was done to it."""

    text: str
    had_control: bool = False
    trimmed: bool = False


def _strip_control(value: str, lines: bool = False) -> tuple[str, bool]:
    if value.isprintable():
        return value, False
    out: list[str] = []
    removed = False
    for ch in value:
        if lines and ch in _LINE_BREAKS:
            out.append("\n")
        elif ch in _KEEP_AS_SPACE or ch == " ":
            out.append(" ")
        elif unicodedata.category(ch) in _CONTROL_CATEGORIES and ch not in "\u200d":
            removed = True
        else:
            out.append(ch)
    return "".join(out), removed


def clean_display(value: str | None, max_chars: int = 50_000, *, lines: bool = False) -> CleanText:
    """The value as typed, minus control characters and extra whitespace.

    With `lines`, a line break that ends a line without a mark of its own becomes
    "; ": "одежда — 3 мешка⏎паста — 40" lists two things, as typed.
    Cells starting with `=`, `+`, `-` or `@` stay text: nothing is evaluated.
    """
    if not value:
        return CleanText("")
    plain = len(value) <= max_chars and value.isprintable() and "  " not in value
    if plain and value == value.strip():  # the common case: nothing to clean
        return CleanText(value)
    return _clean(str(value), max_chars, lines)


def _joined_lines(text: str) -> str:
    out = ""
    for line in (_SPACE_RE.sub(" ", part).strip() for part in text.split("\n")):
        if line:
            out += ("" if not out else " " if out[-1] in ".,;:!?" else "; ") + line
    return out


@lru_cache(maxsize=100_000)
def _clean(value: str, max_chars: int, lines: bool = False) -> CleanText:
    text, had_control = _strip_control(value, lines)
    text = _joined_lines(text) if "\n" in text else _SPACE_RE.sub(" ", text).strip()
    trimmed = False
    if len(text) > max_chars:
        text = text[:max_chars].rstrip()
        trimmed = True
    return CleanText(text, had_control, trimmed)


#: Text struck out: a character with a combining long stroke overlay after it
#: (U+0336), or text between two tildes as chats mark it ("утюг ~~300~~").
_STRUCK_OUT = re.compile("[^\u0336]\u0336+|~~[^~\n]*~~")


@lru_cache(maxsize=200_000)
def fold(value: str) -> str:
    """The match key of a text. Idempotent: fold(fold(x)) == fold(x)."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", value)
    text = _STRUCK_OUT.sub("", text)  # "Цена 2̶8̶0̶ грн": what the writer struck out
    text, _ = _strip_control(text)
    text = text.casefold().translate(_APOSTROPHE_TABLE)
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_APOSTROPHE_TABLE)
    text = _WORD_RE.sub(_cyrillic_lookalikes, text)
    return _SPACE_RE.sub(" ", text).strip()


def plain_latin(token: str) -> str:
    """A folded token with the marks of Latin letters dropped ("kartonów": "kartonow");
    Cyrillic letters stay as they are."""
    return token.translate(_LATIN_MARKS)


def _cyrillic_lookalikes(word: re.Match[str]) -> str:
    """In a word that mixes scripts, Latin look-alikes become Cyrillic letters."""
    text = word.group(0)
    if _CYRILLIC_RE.search(text) and _LATIN_RE.search(text):
        return text.translate(_HOMOGLYPHS)
    return text


def tokens(folded: str) -> list[str]:
    """Word tokens of a folded text (letters/digits, with inner ' and -)."""
    return TOKEN_RE.findall(folded)


#: Russian and Ukrainian typed in Latin letters ("kurtka zimnyaya 2 sht"), longest first.
_TRANSLIT = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"),
    ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ye", "е"), ("ja", "я"), ("ju", "ю"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("h", "х"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("c", "ц"), ("y", "ы"), ("w", "в"), ("x", "кс"), ("q", "к"),
]  # fmt: skip
_LATIN_WORD = re.compile(r"^[a-z]+$")


#: Ukrainian typed in Latin letters the way passports spell it ("dytiachoho odiahu",
#: "kartoplia", "zymovi"): y for и, i for і, ia for я, h for г.
_TRANSLIT_UK = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
    ("yi", "ї"), ("ia", "я"), ("iu", "ю"), ("ie", "є"), ("ya", "я"), ("yu", "ю"), ("ye", "є"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("h", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "і"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("c", "ц"), ("y", "и"), ("w", "в"), ("x", "кс"), ("q", "к"),
]  # fmt: skip


#: Spellings only Ukrainian in Latin letters has: "ia", "iu", "ie", "yi", "-iv", "-tsi", and
#: "y" for и between consonants ("dyvan", "servetky").
_UKRAINIAN_SPELLING = re.compile(r"ia|iu|ie|yi|iv$|tsi$|[bcdfghklmnprstvz]y[bcdfghklmnprstvz]|ky$")


def _spelled(token: str, table: list[tuple[str, str]]) -> str:
    out, i = [], 0
    while i < len(token):
        for latin, cyrillic in table:
            if token.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
    return "".join(out)


def translit(token: str) -> str:
    """A Latin-typed word in Cyrillic ("kurtka" -> "куртка"); other words unchanged."""
    if not _LATIN_WORD.match(token):
        return token
    return _spelled(token, _TRANSLIT)


def latin_readings(token: str) -> tuple[str, ...]:
    """Every Cyrillic reading of a Latin-typed word: as Russian ("kurtka") and, when
    its spelling is Ukrainian, as Ukrainian ("kartoplia" -> "картопля"); () for a
    word not typed in Latin letters."""
    if not _LATIN_WORD.match(token):
        return ()
    russian = _spelled(token, _TRANSLIT)
    if not _UKRAINIAN_SPELLING.search(token):  # "horoshee" is "хорошее", not peas
        return (russian,)
    return tuple(dict.fromkeys((russian, _spelled(token, _TRANSLIT_UK))))
