"""Word lists: parsing, and matching every term of a policy's lists in one automaton pass per text.

Matching is word-aware and clitic-aware. A term found inside a word counts only when what is
left of the word before it is a proclitic and what is left after it an allowed ending, graded
by the term's length so short words are never found inside longer ones:

  term letters   before the term               after the term
  1–2            nothing                       nothing
  3              a proclitic (و ف ب ل ك ال يا…)  nothing
  pronoun        و or ف only (انت، انتم: «كانت» is a verb, not ك + انت)
  4              a proclitic                   two-letter pronouns (and كون هون), ين ون ان, ا
  5+             a proclitic                   also ه ك ي, ات and ات/ت + pronoun
  phrase ending in the pronoun ك               also its plural, dual, feminine (ابوكم، ابوكي)

Latin-script (and Arabizi) terms match whole words, behind the article as Arabizi writes it
joined (l7mar, elkalb: arabic.LATIN_PROCLITICS) and nothing else. Multi-word terms take the proclitics
of their first word's length and the endings of their last word's length; a leading article
(ال) does not count towards the length that decides the endings.

A clitic may share a letter with the term: a term that starts with ا behind the vocative
(«يااغبياء» and «ياغبياء» read «ياغبياء»). Where the shared letter could be part of another word,
the term is read only when the caller can show the word as written and it holds the letter twice:
a term that starts with ل behind the article («اللص» reads «الص»; «العين», the eye, is not
«اللعين»), and a term of 4+ letters ending in ي before its plural ين («نصيريين» reads «نصيرين»;
«رافضين», refusing, is not «رافضيين»).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick

from app.rules import arabic
from app.rules.model import RuleConfigError
from app.rules.normalize import normalize_term, term_forms

_NON_WORD = re.compile(r"[\W_]")
_NON_LETTER = re.compile(r"[\W\d_]")
_ARABIC_LETTER = frozenset(arabic.ARABIC_LETTERS)
# a word as written behind each remains of a proclitic: its letters (stretches allowed), then the
# letter it shares with the term, twice
_WRITTEN_MERGED_PROCLITIC = {
    (letter, remains): re.compile("^" + "".join(f"{c}+" for c in remains) + letter + "{2}")
    for letter, all_remains in arabic.MERGED_PROCLITICS.items() if letter in arabic.WRITTEN_TWICE
    for remains in all_remains
}
_WRITTEN_PLURAL_YA = re.compile("ي{2,}ن+$")

# The word of a span of the normalized text as it was written (letters folded, nothing collapsed).
Written = Callable[[int, int], str]


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


def _opener(term: str) -> tuple[str, frozenset[str]]:
    """The member of an opener family the phrase opens with (the longest: «يجب ان», not «يجب»), and
    its family; ("", no family) when it opens with none."""
    for family in arabic.OPENER_FAMILIES:
        for member in sorted(family, key=len, reverse=True):
            if term.startswith(member + " "):
                return member, family
    return "", frozenset()


def dialect_variants(term: str) -> list[str]:
    """The term, and the spellings of the same phrase in other dialects (none for a single word):
    opened by each other member of its opener family (arabic.OPENER_FAMILIES), ending in ون where a
    present-tense plural ends in و (arabic.PLURAL_WAW: «لازم ينذبحو» → «لازم ينذبحون»), ending in
    the spoken pronoun و where it ends in ه (arabic.SPOKEN_PRONOUN_HU: «الله ياخده» → «الله ياخدو»),
    and with its vocative joined to the next word, as comments often write it («ياجزمه»، «يابن
    الكلب»: an alif after يا is written once)."""
    if " " not in term:
        return [term] if term else []
    variants = _spoken_variants(term)
    return variants + [_joined_vocative(variant) for variant in variants if variant.startswith(arabic.VOCATIVE + " ")]


def _joined_vocative(term: str) -> str:
    rest = term[len(arabic.VOCATIVE) + 1:]
    return arabic.VOCATIVE + rest.removeprefix("ا")


def _spoken_variants(term: str) -> list[str]:
    """The phrase with each opener of its family and its dialect endings."""
    opener, family = _opener(term)
    rest = term[len(opener) + 1:] if opener else term
    variants = [term, *(f"{other} {rest}" for other in sorted(family - {opener}))]
    last = term.rsplit(" ", 1)[1]
    if len(last) < arabic.ENDING_VARIANT_MIN_WORD:
        return variants
    if last.startswith(arabic.PRESENT_PREFIXES) and last.endswith(arabic.PLURAL_WAW):
        variants += [variant + arabic.INDICATIVE_NUN for variant in variants]
    spoken = arabic.SPOKEN_PRONOUN_HU
    return variants + [variant.removesuffix("ه") + spoken for variant in variants if variant.endswith("ه")]


@dataclass(frozen=True, slots=True)
class TermShape:
    """What may surround a term inside a word."""

    term: str
    proclitics: frozenset[str]
    endings: frozenset[str]


def _shape(term: str) -> TermShape:
    words = term.split(" ")
    if not all(c in _ARABIC_LETTER for c in term.replace(" ", "")):
        latin_proclitics = arabic.LATIN_PROCLITICS if len(words[0]) >= 3 else frozenset()
        return TermShape(term, latin_proclitics, frozenset())
    # the article does not count: "الكلب" takes the endings of "كلب"
    first, last = len(words[0]), len(words[-1].removeprefix("ال"))
    if last >= 5:
        endings = arabic.ENDINGS_AFTER_5
    elif last == 4:
        endings = arabic.ENDINGS_AFTER_4
    else:
        endings = frozenset()
    if last == 4 and term.endswith("ه"):
        # «كلبها» (her dog) is كلب + ها, never the accusative of كلبه; after five letters or more the
        # word without its ه is listed too and matches «…ها» anyway (خنزيرها is خنزير + ها)
        endings -= {arabic.ACCUSATIVE}
    if len(words) > 1 and term.endswith("ك"):
        endings |= arabic.AFTER_PRONOUN_K if len(words[-1]) > 2 else arabic.AFTER_SHORT_PRONOUN_K
    if words[0] in arabic.INDEPENDENT_PRONOUNS:
        return TermShape(term, arabic.CONJUNCTION_PROCLITICS, endings)
    return TermShape(term, arabic.PROCLITICS if first >= 3 else frozenset(), endings)


@dataclass(frozen=True, slots=True)
class WordHit:
    """A term found in a word: the word's span (clitics included) and the term's own span."""

    start: int
    end: int
    term: str
    prefix: str
    suffix: str
    merged_prefix: bool = False  # the prefix lost its last letter to the term's first (ال + لص)
    plural_ya: bool = False  # the suffix is a plural ين whose ي the term's own ي absorbed
    joined: bool = False  # a word cut by a space, read whole (split.py)

    @property
    def clitic(self) -> str:
        """The proclitic as written: the prefix, with the letter it shares with the term."""
        return self.prefix + self.term[0] if self.merged_prefix else self.prefix

    def notes(self) -> tuple[str, ...]:
        notes = []
        if self.clitic:
            notes.append(f"clitic {self.clitic}-")
        if self.suffix:
            notes.append(f"ending -{'ي' if self.plural_ya else ''}{self.suffix}")
        if self.joined:
            notes.append(arabic.JOINED_CUT_WORD)
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
                for term in dialect_variants(_key(normalize_term(raw))):
                    self.masks[term] = self.masks.get(term, 0) | self.bits[name]
        # key -> (term, prefix) -> (lists, whether the prefix lost its last letter to the term)
        whole: dict[str, dict[tuple[str, str], tuple[int, bool]]] = {}
        shapes = {term: _shape(term) for term in self.masks}
        self._inside = ahocorasick.Automaton()
        for term, mask in self.masks.items():
            shape = shapes[term]
            if shape.endings:
                self._inside.add_word(term, (shape, mask))
            else:
                whole.setdefault(f" {term} ", {})[(term, "")] = (mask, False)
        for term, mask in self.masks.items():
            shape = shapes[term]
            if not shape.endings and shape.proclitics:
                for proclitic in shape.proclitics:
                    whole.setdefault(f" {proclitic}{term} ", {}).setdefault((term, proclitic), (mask, False))
        for term, mask in self.masks.items():  # after the proclitics: a plain reading wins
            if not shapes[term].endings:
                for remains in _merged_remains(term):
                    whole.setdefault(f" {remains}{term} ", {}).setdefault((term, remains), (mask, True))
        self._whole = ahocorasick.Automaton()
        for key, readings in whole.items():  # a key may read two ways: "والد", or و + "الد"
            self._whole.add_word(key, tuple((term, prefix, *read) for (term, prefix), read in readings.items()))
        self.all_lists = sum(self.bits.values())
        self.size = len(self.masks)
        for automaton in (self._whole, self._inside):
            if len(automaton):
                automaton.make_automaton()

    def scan(self, text: str, padded: str | None = None, written: Written | None = None) -> list[tuple[WordHit, int]]:
        """Every (hit, lists) in the text, several per word where terms overlap.

        padded is padded_words(text), for callers that share it. written gives a word as written;
        without it, no term is read where the normalizer merged its letter with a clitic's.
        """
        found = []
        if len(self._whole):
            padded = padded_words(text) if padded is None else padded
            for last, readings in self._whole.iter(padded):
                for term, prefix, mask, merged_prefix in readings:
                    start = last - len(term) - len(prefix) - 1  # the key's spaces and the padding
                    found.append((WordHit(start, last - 1, term, prefix, "", merged_prefix), mask))
        if len(self._inside):
            for last, (shape, mask) in self._inside.iter(text):
                hit = _word_hit(text, last + 1 - len(shape.term), last + 1, shape)
                if hit is not None:
                    found.append((hit, mask))
        return [(hit, mask) for hit, mask in found if _written_as_read(hit, written)]

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
        self.size = sum(1 for _ in self.terms())

    def terms(self):
        """The normalized terms of these lists."""
        return (term for term, mask in self.matcher.masks.items() if mask & self.lists)

    def holds(self, word: str) -> bool:
        """Whether the word is exactly a normalized term of these lists."""
        return bool(self.matcher.masks.get(word, 0) & self.lists)

    def find(self, text: str, padded: str | None = None) -> list[WordHit]:
        return self.matcher.select(self.matcher.scan(text, padded), self.lists)


def _keep_longest(best: dict, hit: WordHit) -> None:
    known = best.get((hit.start, hit.end))
    if known is None or len(known.term) < len(hit.term):
        best[(hit.start, hit.end)] = hit


def _word_hit(text: str, start: int, end: int, shape: TermShape) -> WordHit | None:
    word_start, merged_prefix = start, False
    if start and text[start - 1].isalnum():
        if not shape.proclitics and not _merged_remains(shape.term):
            return None
        limit = max(start - arabic.MAX_PROCLITIC, 0)
        while word_start > limit and text[word_start - 1].isalnum():
            word_start -= 1
        if word_start and text[word_start - 1].isalnum():
            return None
        before = text[word_start:start]
        merged_prefix = before not in shape.proclitics
        if merged_prefix and before not in _merged_remains(shape.term):
            return None
    word_end, plural_ya = end, False
    if end < len(text) and text[end].isalnum():
        after = _NON_WORD.search(text, end)
        word_end = after.start() if after else len(text)
        ending = text[end:word_end]
        plural_ya = ending not in shape.endings
        if plural_ya and not (ending == arabic.PLURAL_AFTER_YA and shape.term.endswith("ي")):
            return None
    prefix, suffix = text[word_start:start], text[end:word_end]
    return WordHit(word_start, word_end, shape.term, prefix, suffix, merged_prefix, plural_ya)


def _merged_remains(term: str) -> frozenset[str]:
    """What is left of the proclitics that lose their last letter to the term's first."""
    return arabic.MERGED_PROCLITICS.get(term[:1], frozenset())


def _written_as_read(hit: WordHit, written: Written | None) -> bool:
    """Whether a hit whose term shares a letter with a clitic, where that letter could be part of
    another word, is written with the letter twice (the article's ل and the term's own, the term's
    ي and the plural's); any other hit is."""
    spellings = []
    if hit.merged_prefix and hit.term[0] in arabic.WRITTEN_TWICE:
        spellings.append(_WRITTEN_MERGED_PROCLITIC[(hit.term[0], hit.prefix)])
    if hit.plural_ya:
        spellings.append(_WRITTEN_PLURAL_YA)
    if not spellings:
        return True
    if written is None:
        return False
    word = _NON_LETTER.sub("", written(hit.start, hit.end))
    return all(spelling.search(word) for spelling in spellings)


class Lexicons:
    """The named word lists of a policy, all in one TermMatcher; one selection per set of names."""

    def __init__(self, texts: dict[str, str]):
        self._terms = {name: parse_word_list(text) for name, text in texts.items()}
        self.matcher = TermMatcher(lists=self._terms)
        self._selections: dict[tuple[str, ...], ListSelection] = {}
        self._spellings: dict[str, frozenset[str]] | None = None
        self._normalized: dict[str, tuple[str, ...]] = {}

    def terms(self, name: str) -> list[str]:
        return self._terms[name]

    def normalized(self, name: str) -> tuple[str, ...]:
        """A list's terms in the form comments are matched in, worked out once for all the rules
        that read them (KeyError for an unknown list)."""
        if name not in self._normalized:
            self._normalized[name] = tuple(normalize_term(term) for term in self._terms[name])
        return self._normalized[name]

    def check_names(self, names, field: str) -> None:
        """Refuse names that are no word list of the policy, naming the rule option at fault."""
        unknown = [name for name in names if name not in self._terms]
        if unknown:
            raise RuleConfigError(field, f"unknown word list {', '.join(unknown)}")

    def spellings(self) -> dict[str, frozenset[str]]:
        """written_spellings of all the lists, worked out once, on first use."""
        if self._spellings is None:
            self._spellings = written_spellings(self._terms.values())
        return self._spellings

    def matcher_for(self, names, field: str) -> ListSelection:
        self.check_names(names, field)
        key = tuple(sorted(set(names)))
        if key not in self._selections:
            self._selections[key] = ListSelection(self.matcher, key)
        return self._selections[key]
