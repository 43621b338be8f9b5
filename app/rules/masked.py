"""Self-censored words: letters hidden behind stars («ك*ب»، «ش**موطة»، «ك***») read as a wildcard.

The normalizer removes a star between letters as it removes a split («ح.م.ا.ر»), which is right for a
separator but leaves «ك*ب» as «كب». Here a word holding a run of stars or hashes among Arabic letters
is read instead as a pattern: each run stands for one to as many letters as it has marks, and the word
is the listed term it spells whole, behind an optional proclitic. Only listed words count: a writer
who hides letters hides an insult, and «ح*ار» spells حمار, not the unlisted حوار.
"""

import re

from app.rules import arabic
from app.rules.model import Match
from app.rules.normalize import normalize_term

MASKS = "*#"
# a word of Arabic letters (marks and tatweel allowed) with runs of masks inside or at its end; a
# leading mask is emphasis («*عاجل*»), so the word must open with a letter
_LETTERS = r"[ء-ي\u064b-\u0652\u0640]*"  # letters, marks and tatweel
_MASK_CLASS = "[" + re.escape(MASKS) + "]"
_NOT_AFTER_WORD = r"(?<![\w" + re.escape(MASKS) + r"])"
_MASKED_WORD = re.compile(_NOT_AFTER_WORD + "[ء-ي]" + _LETTERS + "(?:" + _MASK_CLASS + "+" + _LETTERS + ")+")
_MASK_RUN = re.compile(_MASK_CLASS + "+")
MIN_LETTERS = 2


def _spellings(letters: list[str], runs: list[int]) -> list[re.Pattern]:
    """The patterns a masked word may spell a term by: the word whole, and the word behind each
    proclitic its first visible letters open with («يا ح*ار» is written «ياح*ار» too)."""
    first = letters[0]
    heads = [first] + [first[len(clitic):] for clitic in arabic.PROCLITICS if first.startswith(clitic)]
    tail = "".join(f"[ء-ي]{{1,{run}}}" + re.escape(piece) for run, piece in zip(runs, letters[1:], strict=True))
    return [re.compile(re.escape(head) + tail) for head in dict.fromkeys(heads)]


def masked_words(original: str) -> list[tuple[int, int, list[re.Pattern]]]:
    """Each self-censored word of the text: its span, and the patterns of the terms it may spell."""
    found = []
    for word in _MASKED_WORD.finditer(original):
        pieces = _MASK_RUN.split(word.group())
        runs = [len(run) for run in _MASK_RUN.findall(word.group())]
        letters = [normalize_term(piece) if piece else "" for piece in pieces]
        if sum(map(len, letters)) < MIN_LETTERS:
            continue
        found.append((word.start(), word.end(), _spellings(letters, runs)))
    return found


def find_masked(original: str, terms: frozenset[str]) -> list[Match]:
    """The self-censored words that spell one of these single-word terms whole."""
    matches = []
    for start, end, patterns in masked_words(original):
        term = next((t for t in sorted(terms, key=len, reverse=True) if any(p.fullmatch(t) for p in patterns)), None)
        if term is not None:
            matches.append(Match(start, end, term, "original", (f"masked letters read as «{term}»",)))
    return matches
