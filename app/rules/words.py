"""Word lists: parsing, and matching every term of several lists in one automaton pass.

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
from app.rules.normalize import normalize_term

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
    """All terms of some word lists, in two Aho-Corasick automata, each run once per text.

    Terms that take no endings (3 letters or fewer, Latin, Arabizi) are keyed as whole words,
    " term " and " <proclitic>term ", and matched on padded_words(text): only real hits come
    out. Longer terms are keyed bare and each occurrence is checked for its clitics and endings;
    short terms are kept out of that automaton because they would occur inside most words.
    """

    def __init__(self, terms):
        self._whole = ahocorasick.Automaton()
        self._inside = ahocorasick.Automaton()
        seen, with_proclitics = set(), []
        for raw in terms:
            term = " ".join(normalize_term(raw).split())
            if not term or term in seen:
                continue
            seen.add(term)
            shape = _shape(term)
            if shape.endings:
                self._inside.add_word(term, shape)
            else:
                self._whole.add_word(f" {term} ", (term, ""))
                if shape.proclitics:
                    with_proclitics.append(term)
        for term in with_proclitics:  # after every bare term, so a listed "والد" stays itself
            for proclitic in arabic.PROCLITICS:
                key = f" {proclitic}{term} "
                if not self._whole.exists(key):
                    self._whole.add_word(key, (term, proclitic))
        self.size = len(seen)
        for automaton in (self._whole, self._inside):
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str, padded: str | None = None) -> list[WordHit]:
        """Every word that holds a term, the longest term when several share a word.

        padded is padded_words(text), for callers that share it between matchers.
        """
        best: dict[tuple[int, int], WordHit] = {}
        if len(self._whole):
            padded = padded_words(text) if padded is None else padded
            for last, (term, prefix) in self._whole.iter(padded):
                start = last - len(term) - len(prefix) - 1  # the key's spaces and the padding
                _keep_longest(best, WordHit(start, last - 1, term, prefix, ""))
        if len(self._inside):
            for last, shape in self._inside.iter(text):
                hit = _word_hit(text, last + 1 - len(shape.term), last + 1, shape)
                if hit is not None:
                    _keep_longest(best, hit)
        return sorted(best.values(), key=lambda hit: hit.start)


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
    """The named word lists of a policy; one matcher per distinct set of names, built once."""

    def __init__(self, texts: dict[str, str]):
        self._terms = {name: parse_word_list(text) for name, text in texts.items()}
        self._matchers: dict[tuple[str, ...], TermMatcher] = {}

    def terms(self, name: str) -> list[str]:
        return self._terms[name]

    def matcher(self, names, field: str) -> TermMatcher:
        unknown = [name for name in names if name not in self._terms]
        if unknown:
            raise RuleConfigError(field, f"unknown word list {', '.join(unknown)}")
        key = tuple(sorted(set(names)))
        if key not in self._matchers:
            self._matchers[key] = TermMatcher(t for name in key for t in self._terms[name])
        return self._matchers[key]
