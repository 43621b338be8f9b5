"""Detectors for spam signals: links, contact details, repetition and flooding.

Links and contacts are read on the plain level of the normalized text (digits of every script
already ASCII, Latin lowercased, invisible characters gone) but before Arabizi and letter
joining, which would mangle domains and handles.
"""

import operator
import re

from app.rules.model import Match
from app.rules.normalize import PLAIN, TEXT, NormalizedText
from app.rules.words import TermMatcher

_TLDS = (
    "com|net|org|info|biz|io|me|co|ly|xyz|online|site|top|shop|store|app|link|click|live|tv|ws|"
    "ru|tk|ml|ga|cf|gq|cc|us|uk|de|fr|tr|ir|in|pk|sa|ae|eg|ma|dz|tn|jo|lb|kw|qa|om|bh|iq|sy|ps|ye|sd"
)
# Each regex starts with a literal ("http", "www.", ".") so the regex engine skips ahead fast.
_URL = re.compile(r"https?://[^\s<>\"']+|www\.[^\s<>\"']+")
_TLD = re.compile(rf"\.(?:{_TLDS})(?![\w-])")
_DOMAIN_BEFORE = re.compile(r"[a-z0-9][a-z0-9.-]*\Z")
_PATH_AFTER = re.compile(r"/[^\s<>\"']*")

# a digit run glued to Latin letters is a quantity or an id ("9878978989min", "12345678km"), not a number to call
_PHONE = re.compile(r"(?<![\d+])(?:\+|00)?\d(?:[ \t\-.()]*\d){7,14}(?![\dA-Za-z])")
_EMAIL = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_AT_HANDLE = re.compile(r"(?<![\w@.])@[a-z0-9_][a-z0-9_.]{2,}")
_SHORT_LINK = re.compile(r"(?:t|wa|telegram)\.me/\S+")
MESSAGING_APPS = (
    "whatsapp", "whats app", "watsapp", "telegram", "snapchat", "viber", "signal", "wechat",
    "واتساب", "واتس اب", "واتس", "وتساب", "تلغرام", "تليغرام", "تلجرام", "تليجرام", "سناب شات", "فايبر",
)
_APPS = TermMatcher(MESSAGING_APPS)
_DIGIT = re.compile(r"\d")


def find_links(plain: str) -> list[Match]:
    """http(s) URLs, www. addresses and bare domains with a known top-level domain."""
    spans = [(m.start(), m.end()) for m in _URL.finditer(plain)] if ("http" in plain or "www." in plain) else []
    if "." in plain:
        for tld in _TLD.finditer(plain):
            domain = _DOMAIN_BEFORE.search(plain, max(tld.start() - 253, 0), tld.start())
            if domain is None or (domain.start() and plain[domain.start() - 1] in "@_"):
                continue
            path = _PATH_AFTER.match(plain, tld.end())
            spans.append((domain.start(), path.end() if path else tld.end()))
    return [Match(start, end, plain[start:end], PLAIN) for start, end in _outermost(spans)]


def _outermost(spans):
    """Drop spans inside another (www.x.com is found both as a URL and as a domain)."""
    kept = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def _phones(text: NormalizedText):
    if not _DIGIT.search(text.plain):
        return []
    return [Match(m.start(), m.end(), m.group(), PLAIN) for m in _PHONE.finditer(text.plain)]


def _emails(text: NormalizedText):
    if "@" not in text.plain:
        return []
    return [Match(m.start(), m.end(), m.group(), PLAIN) for m in _EMAIL.finditer(text.plain)]


def _handles(text: NormalizedText):
    plain, found = text.plain, []
    if "@" in plain:
        found += [Match(m.start(), m.end(), m.group(), PLAIN) for m in _AT_HANDLE.finditer(plain)]
    if ".me/" in plain:
        found += [Match(m.start(), m.end(), m.group(), PLAIN) for m in _SHORT_LINK.finditer(plain)]
    found += [Match(hit.start, hit.end, hit.term, TEXT) for hit in _APPS.find(text.text)]
    return found


CONTACT_KINDS = {"phone": _phones, "email": _emails, "handle": _handles}


def find_contacts(text: NormalizedText, kinds) -> list[Match]:
    found = []
    for kind in kinds:
        found += [
            Match(match.start, match.end, match.term, match.level, (f"contact: {kind}",))
            for match in CONTACT_KINDS[kind](text)
        ]
    return sorted(found, key=lambda match: match.start)


def find_flooding(original: str, max_run: int) -> list[Match]:
    """One visible character (punctuation, emoji, letter) typed more than max_run times in a row."""
    flood = re.compile(rf"(\S)\1{{{max_run},}}")  # re caches compiled patterns
    return [
        Match(m.start(), m.end(), f"{m.group(1)} ×{len(m.group())}", "original", ("flooding",))
        for m in flood.finditer(original)
    ]


_TOKEN = re.compile(r"\S+")
MAX_PHRASE_WORDS = 6


def find_repeated_words(text: str, max_repeat: int) -> list[Match]:
    """A word or phrase of up to six words said more than max_repeat times in a row.

    Token i equals token i+n along a stretch of n×max_repeat tokens exactly when an n-word
    phrase repeats more than max_repeat times; the comparisons run in C (map, bytes.find).
    """
    tokens = text.split()
    found: list[tuple[int, int, int]] = []  # first token, last token (exclusive), phrase words
    for words in range(1, MAX_PHRASE_WORDS + 1):
        needed = words * max_repeat
        if len(tokens) < needed + words:
            break
        same = bytes(map(operator.eq, tokens, tokens[words:]))
        position = same.find(b"\x01" * needed)
        while position >= 0:
            run_end = position + needed
            while run_end < len(same) and same[run_end]:
                run_end += 1
            span = (position, run_end + words, words)
            if not any(span[0] < known[1] and known[0] < span[1] for known in found):
                found.append(span)
            position = same.find(b"\x01" * needed, run_end)
    if not found:
        return []
    token_spans = [m.span() for m in _TOKEN.finditer(text)]
    matches = []
    for first, last, words in sorted(found):
        phrase = " ".join(tokens[first : first + words])
        times = (last - first) // words
        start, end = token_spans[first][0], token_spans[last - 1][1]
        matches.append(Match(start, end, f"{phrase} ×{times}", TEXT, ("repeated text",)))
    return matches


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_LATIN_UPPER = re.compile(r"[A-Z]")


def find_shouting(original: str, max_caps_ratio: float, min_length: int) -> list[Match]:
    """Latin text written mostly in capitals."""
    letters = len(_LATIN_LETTER.findall(original))
    if letters < min_length:
        return []
    capitals = len(_LATIN_UPPER.findall(original))
    if capitals / letters < max_caps_ratio:
        return []
    percent = round(100 * capitals / letters)
    return [Match(0, len(original), f"{percent}% capitals", "original", ("shouting",))]
