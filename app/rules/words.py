"""Word lists: parsing, and matching every term of a policy's lists in one automaton pass per text.

Matching is word-aware and clitic-aware. A term found inside a word counts only when what is
left of the word before it is a proclitic and what is left after it an allowed ending, graded
by the term's length so short words are never found inside longer ones:

  term letters   before the term               after the term
  1–2            nothing                       nothing
  3              a proclitic (و ف ب ل ك ال يا…)  nothing
  4              a proclitic                   two-letter pronouns, ين ون ان
  5+             a proclitic                   also ه ك ي, ات and ات/ت + pronoun

Latin-script (and Arabizi) terms match whole words only. Multi-word terms take the proclitics
of their first word's length and the endings of their last word's length; a leading article
(ال) does not count towards the length that decides the endings.
"""

import re
from dataclasses import dataclass

import ahocorasick

from app.rules import arabic
from app.rules.model import RuleConfigError
from app.rules.normalize import normalize_term, term_forms

_NON_WORD = re.compile(r"[\W_]")
_ARABIC_LETTER = frozenset(arabic.ARABIC_LETTERS)


def parse_word_list(text: str) -> list[str]:
    """Terms of a word-list file: one per line, `#` comments, an optional ` # note`."""
    terms = []
    for line in text.splitlines():
        term = line.split(" # ", 1)[0].strip()
        if term and not term.startswith("#"):
            terms.append(term)
    return terms


def _key(normalized_term: str) -> str:
    """How a normalized term is keyed, in the matcher and wherever hits are looked up by term."""
    return " ".join(normalized_term.split())


def written_spellings(term_lists) -> dict[str, frozenset[str]]:
    """Each normalized term of some lists of terms, with the spellings the lists write it in
    (letters folded, doubled letters kept): هنيكك is listed as هنيكك, and normalizes to هنيك."""
    spellings: dict[str, set[str]] = {}
    for terms in term_lists:
        for term in terms:
            normalized, written = term_forms(term)
            spellings.setdefault(_key(normalized), set()).add(written)
    return {term: frozenset(forms) for term, forms in spellings.items()}


@dataclass(frozen=True, slots=True)
class TermShape:
    """What may surround a term inside a word."""

    term: str
    proclitics: bool
    endings: frozenset[str]


def _shape(term: str) -> TermShape:
    words = term.split(" ")
    if not all(c in _ARABIC_LETTER for c in term.replace(" ", "")):
        return TermShape(term, False, frozenset())
    # the article does not count: "الكلب" takes the endings of "كلب"
    first, last = len(words[0]), len(words[-1].removeprefix("ال"))
    if last >= 5:
        endings = arabic.ENDINGS_AFTER_5
    elif last == 4:
        endings = arabic.ENDINGS_AFTER_4
    else:
        endings = frozenset()
    return TermShape(term, first >= 3, endings)


@dataclass(frozen=True, slots=True)
class WordHit:
    """A term found in a word: the word's span (clitics included) and the term's own span."""

    start: int
    end: int
    term: str
    prefix: str
    suffix: str

    def notes(self) -> tuple[str, ...]:
        notes = []
        if self.prefix:
            notes.append(f"clitic {self.prefix}-")
        if self.suffix:
            notes.append(f"ending -{self.suffix}")
        return tuple(notes)


_NOT_SPACED_WORD_CHAR = re.compile(r"[^\w ]|_")


def padded_words(text: str) -> str:
    """The text with every non-word character made a space, padded by one space each side.

    Same length plus two, so positions carry over; whole-word keys " term " match only here.
    """
    return f" {_NOT_SPACED_WORD_CHAR.sub(' ', text)} "


class TermMatcher:
    """Every term of some word lists, in two Aho-Corasick automata, each run once per text.

    Terms that take no endings (3 letters or fewer, Latin, Arabizi) are keyed as whole words,
    " term " and " <proclitic>term ", and matched on padded_words(text): only real hits come
    out. Longer terms are keyed bare and each occurrence is checked for its clitics and endings;
    short terms are kept out of that automaton because they would occur inside most words.

    Built from named lists, each entry carries a bit per list that holds the term: a policy
    builds one matcher over all its lists, `scan`s a text once, and each rule `select`s the hits
    of its own lists (ListSelection) — one pass per text however many rules read it, instead of
    one per distinct set of lists.
    """

    def __init__(self, terms=(), *, lists: dict[str, list[str]] | None = None):
        lists = {"": list(terms)} if lists is None else lists
        self.bits = {name: 1 << index for index, name in enumerate(lists)}
        self.masks: dict[str, int] = {}  # normalized term -> the lists that hold it
        for name, raw_terms in lists.items():
            for raw in raw_terms:
                term = _key(normalize_term(raw))
                if term:
                    self.masks[term] = self.masks.get(term, 0) | self.bits[name]
        whole: dict[str, dict[tuple[str, str], int]] = {}
        self._inside = ahocorasick.Automaton()
        for term, mask in self.masks.items():
            shape = _shape(term)
            if shape.endings:
                self._inside.add_word(term, (shape, mask))
            else:
                whole.setdefault(f" {term} ", {})[(term, "")] = mask
        for term, mask in self.masks.items():
            shape = _shape(term)
            if not shape.endings and shape.proclitics:
                for proclitic in arabic.PROCLITICS:
                    whole.setdefault(f" {proclitic}{term} ", {}).setdefault((term, proclitic), mask)
        self._whole = ahocorasick.Automaton()
        for key, readings in whole.items():  # a key may read two ways: "والد", or و + "الد"
            self._whole.add_word(key, tuple((term, prefix, mask) for (term, prefix), mask in readings.items()))
        self.all_lists = sum(self.bits.values())
        self.size = len(self.masks)
        for automaton in (self._whole, self._inside):
            if len(automaton):
                automaton.make_automaton()

    def scan(self, text: str, padded: str | None = None) -> list[tuple[WordHit, int]]:
        """Every (hit, lists) in the text, several per word where terms overlap.

        padded is padded_words(text), for callers that share it.
        """
        found = []
        if len(self._whole):
            padded = padded_words(text) if padded is None else padded
            for last, readings in self._whole.iter(padded):
                for term, prefix, mask in readings:
                    start = last - len(term) - len(prefix) - 1  # the key's spaces and the padding
                    found.append((WordHit(start, last - 1, term, prefix, ""), mask))
        if len(self._inside):
            for last, (shape, mask) in self._inside.iter(text):
                hit = _word_hit(text, last + 1 - len(shape.term), last + 1, shape)
                if hit is not None:
                    found.append((hit, mask))
        return found

    @staticmethod
    def select(scanned: list[tuple[WordHit, int]], lists: int) -> list[WordHit]:
        """The hits of these lists (a mask of bits), the longest term when several share a word."""
        best: dict[tuple[int, int], WordHit] = {}
        for hit, mask in scanned:
            if mask & lists:
                _keep_longest(best, hit)
        return sorted(best.values(), key=lambda hit: hit.start)

    def find(self, text: str, padded: str | None = None) -> list[WordHit]:
        """Every word that holds a term of any list, the longest term when several share a word."""
        return self.select(self.scan(text, padded), self.all_lists)


class ListSelection:
    """Some of a policy's word lists, matched through the policy's one TermMatcher."""

    def __init__(self, matcher: TermMatcher, names):
        self.matcher = matcher
        self.lists = sum(matcher.bits[name] for name in set(names))
        self.size = sum(1 for mask in matcher.masks.values() if mask & self.lists)

    def find(self, text: str, padded: str | None = None) -> list[WordHit]:
        return self.matcher.select(self.matcher.scan(text, padded), self.lists)


def _keep_longest(best: dict, hit: WordHit) -> None:
    known = best.get((hit.start, hit.end))
    if known is None or len(known.term) < len(hit.term):
        best[(hit.start, hit.end)] = hit


def _word_hit(text: str, start: int, end: int, shape: TermShape) -> WordHit | None:
    word_start = start
    if start and text[start - 1].isalnum():
        if not shape.proclitics:
            return None
        limit = max(start - arabic.MAX_PROCLITIC, 0)
        while word_start > limit and text[word_start - 1].isalnum():
            word_start -= 1
        if word_start and text[word_start - 1].isalnum():
            return None
        if text[word_start:start] not in arabic.PROCLITICS:
            return None
    word_end = end
    if end < len(text) and text[end].isalnum():
        after = _NON_WORD.search(text, end)
        word_end = after.start() if after else len(text)
        if text[end:word_end] not in shape.endings:
            return None
    return WordHit(word_start, word_end, shape.term, text[word_start:start], text[end:word_end])


class Lexicons:
    """The named word lists of a policy, all in one TermMatcher; one selection per set of names."""

    def __init__(self, texts: dict[str, str]):
        self._terms = {name: parse_word_list(text) for name, text in texts.items()}
        self.matcher = TermMatcher(lists=self._terms)
        self._selections: dict[tuple[str, ...], ListSelection] = {}
        self._spellings: dict[str, frozenset[str]] | None = None

    def terms(self, name: str) -> list[str]:
        return self._terms[name]

    def spellings(self) -> dict[str, frozenset[str]]:
        """written_spellings of all the lists, worked out once, on first use."""
        if self._spellings is None:
            self._spellings = written_spellings(self._terms.values())
        return self._spellings

    def matcher_for(self, names, field: str) -> ListSelection:
        unknown = [name for name in names if name not in self._terms]
        if unknown:
            raise RuleConfigError(field, f"unknown word list {', '.join(unknown)}")
        key = tuple(sorted(set(names)))
        if key not in self._selections:
            self._selections[key] = ListSelection(self.matcher, key)
        return self._selections[key]
