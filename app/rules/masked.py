"""Self-censored words: letters hidden behind stars («ك*ب»، «ش**موطة»، «ك***») read as a wildcard.

The normalizer removes a star between letters as it removes a split («ح.م.ا.ر»), which is right for a
separator but leaves «ك*ب» as «كب». Here a word holding a run of stars or hashes among Arabic letters
is read instead as a pattern: each run stands for one to as many letters as it has marks, and the word
is the listed term it spells whole, behind an optional proclitic — alone, or with the word after it
as a two-word term («ك*** امك»). Only listed words count: a writer who hides letters hides an
insult, and «ح*ار» spells حمار, not the unlisted حوار.
"""

import itertools
import re
from dataclasses import dataclass

from app.rules import arabic
from app.rules.model import Match
from app.rules.normalize import normalize_term

MASKS = "*#"
# two dots or more between letters hide letters too («ط..ز»، «ن..ك»); only between letters, since a
# word ending in dots is a trailing ellipsis («كل..» is "all…", not كلب), and one dot is a split
# the normalizer rejoins («ح.مار»)
HIDING_DOTS = ".."
# a word of Arabic letters (marks and tatweel allowed) with runs of masks inside or at its end; a
# leading mask is emphasis («*عاجل*»), so the word must open with a letter
_LETTERS = r"[ء-ي\u064b-\u0652\u0640]*"  # letters, marks and tatweel
_MASK = "(?:[" + re.escape(MASKS) + r"]+|\.{2,}(?=[ء-ي]))"
_NOT_AFTER_WORD = r"(?<![\w" + re.escape(MASKS) + r"])"
_MASKED_WORD = re.compile(_NOT_AFTER_WORD + "[ء-ي]" + _LETTERS + "(?:" + _MASK + _LETTERS + ")+")
_MASK_RUN = re.compile(_MASK)
# the word after a masked one, unmasked itself: «ك*** امك» is read as a two-word term
_NEXT_WORD = re.compile(r"\s+([ء-ي]" + _LETTERS + r")(?![\w" + re.escape(MASKS) + "])")
MIN_LETTERS = 2
MAX_WORDS = 50


@dataclass(frozen=True)
class Spelling:
    """What a masked word may spell, behind one way of reading its proclitic: a pattern, the letter
    a term must open with, and the lengths a term may have."""

    regex: re.Pattern
    first: str
    shortest: int
    longest: int


def _spellings(letters: list[str], runs: list[int], after: str = "") -> list[Spelling]:
    """The word whole, and the word behind each proclitic its first visible letters open with
    («يا ح*ار» is written «ياح*ار» too); with `after`, the word and the one after it, as a phrase
    («ك*** امك» spells «كس امك»)."""
    first = letters[0]
    heads = [first] + [first[len(clitic):] for clitic in arabic.PROCLITICS if first.startswith(clitic)]
    tail = "".join(f"[ء-ي]{{1,{run}}}" + re.escape(piece) for run, piece in zip(runs, letters[1:], strict=True))
    shown = sum(map(len, letters[1:])) + (1 + len(after) if after else 0)  # letters known after the head
    tail += " " + re.escape(after) if after else ""
    spellings = []
    for head in dict.fromkeys(heads):
        if head:
            known, regex = len(head) + shown, re.compile(re.escape(head) + tail)
            spellings.append(Spelling(regex, head[0], known + len(runs), known + sum(runs)))
    return spellings


def may_hold_masks(original: str) -> bool:
    """A cheap test run first: whether the text holds a mask character or hiding dots at all."""
    return any(mask in original for mask in MASKS) or HIDING_DOTS in original


def masked_words(original: str) -> list[tuple[int, int, list[Spelling]]]:
    """The first MAX_WORDS self-censored words of the text: for each, the spans and spellings it may
    be read by — the word alone when it shows at least MIN_LETTERS letters, then the word with the
    word after it. A flood of masks costs no more than a comment."""
    found = []
    for word in itertools.islice(_MASKED_WORD.finditer(original), MAX_WORDS):
        pieces = _MASK_RUN.split(word.group())
        runs = [len(run) for run in _MASK_RUN.findall(word.group())]
        letters = [normalize_term(piece) if piece else "" for piece in pieces]
        if sum(map(len, letters)) >= MIN_LETTERS:
            found.append((word.start(), word.end(), _spellings(letters, runs)))
        following = _NEXT_WORD.match(original, word.end())
        if following:
            after = normalize_term(following.group(1))
            found.append((word.start(), following.end(), _spellings(letters, runs, after)))
    return found


def index_terms(terms) -> dict[str, tuple[str, ...]]:
    """Terms of one or two words by their first letter, the longest first (the longest spelling wins)."""
    by_first: dict[str, list[str]] = {}
    for term in sorted(set(terms), key=lambda term: (-len(term), term)):
        if term and term.count(" ") <= 1:
            by_first.setdefault(term[0], []).append(term)
    return {first: tuple(found) for first, found in by_first.items()}


def _spelled(spellings: list[Spelling], terms: dict[str, tuple[str, ...]]) -> str | None:
    for spelling in spellings:
        for term in terms.get(spelling.first, ()):
            if spelling.shortest <= len(term) <= spelling.longest and spelling.regex.fullmatch(term):
                return term
    return None


def find_masked(original: str, terms: dict[str, tuple[str, ...]]) -> list[Match]:
    """The self-censored words (or a self-censored word and the word after it) that spell a term of
    `terms` (index_terms) whole; a word read alone is not read again as a phrase. The same masked
    spelling is read once."""
    matches, read = [], {}
    for start, end, spellings in masked_words(original):
        if matches and matches[-1].start == start:
            continue
        key = tuple(spelling.regex.pattern for spelling in spellings)
        if key not in read:
            read[key] = _spelled(spellings, terms)
        if read[key] is not None:
            term = read[key]
            matches.append(Match(start, end, term, "original", (f"masked letters read as «{term}»",)))
    return matches
