"""Arabic normalization with an offset map back to what the reader typed.

The text runs through a fixed pipeline of stages. Each stage transforms the whole string with
C-speed tools (str.translate, compiled regexes) and only remembers its input; the per-character
edits that map positions back are computed lazily, for the few spans that a rule hits.

Two levels are exposed:
  plain  after joining a word cut between two tatweels, removing invisible characters,
         diacritics, tatweel, NFKC, splitting words glued after a word-final letter and folding
         letters, digits and Latin case (1:1 or shrinking, but for those inserted spaces). Links,
         phones and emails are read here.
  text   plain plus Arabizi, rejoined separated letters, collapsed repeats and spaces.
         Words and editor patterns are matched here.
"""

import bisect
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from app.rules import arabic

PLAIN = "plain"
TEXT = "text"


@dataclass(frozen=True, slots=True)
class Edit:
    """The input span [in_start, in_end) became the output span [out_start, out_end)."""

    in_start: int
    in_end: int
    out_start: int
    out_end: int
    steps: tuple[str, ...]


class Stage:
    """One transformation of the pipeline. Subclasses give apply() and edits() or char_step().

    needed() is a cheap test run first, so a stage that has nothing to do costs one scan.
    """

    one_to_one = False

    def needed(self, text: str) -> bool:
        return True

    def apply(self, text: str) -> str:
        raise NotImplementedError

    def edits(self, before: str) -> list[Edit]:
        raise NotImplementedError

    def char_step(self, char: str) -> str:
        raise NotImplementedError


class DeleteMarks(Stage):
    """Remove diacritics, Quranic marks, tatweel and invisible characters.

    Removed characters are attached to the character before them, so a hit on "حمارٌ" spans
    the tanween too.
    """

    _class = arabic.char_class(arabic.DELETED_STEP)
    _any = re.compile(_class + "+")

    def needed(self, text):
        return self._any.search(text) is not None

    def apply(self, text):
        return self._any.sub("", text)

    def edits(self, before):
        edits, shift = [], 0
        for match in self._any.finditer(before):
            start, end = match.span()
            kept = 1 if start else 0  # runs are maximal, so the character before is kept
            steps = tuple(dict.fromkeys(map(arabic.DELETED_STEP.__getitem__, match.group())))
            out_start = start - kept - shift
            edits.append(Edit(start - kept, end, out_start, out_start + kept, steps))
            shift += end - start
        return edits


@functools.lru_cache(maxsize=4096)
def _nfkc_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


class Nfkc(Stage):
    """NFKC per character (presentation forms, ligatures, full-width forms, NBSP).

    Per character so each output piece knows its source; diacritics are already gone, so the
    canonical composition NFKC would do across characters does not matter here.
    """

    def apply(self, text):
        return "".join(map(_nfkc_char, text))

    def edits(self, before):
        edits, out = [], 0
        for index, char in enumerate(before):
            mapped = _nfkc_char(char)
            if mapped != char:
                edits.append(Edit(index, index + 1, out, out + len(mapped), (arabic.NFKC_FORMS,)))
            out += len(mapped)
        return edits


class FoldCharacters(Stage):
    """Letter forms, Persian look-alikes, digits of every script and Latin case: 1:1."""

    one_to_one = True
    _rare = re.compile(arabic.char_class(set(arabic.FOLD_STEP) - set(arabic.LETTER_FOLDS)))
    _common = tuple(arabic.LETTER_FOLDS.items())

    def __init__(self, table=arabic.FOLD_TABLE, steps=arabic.FOLD_STEP):
        self._table, self._steps = table, steps

    def apply(self, text):
        if self._rare.search(text):
            return text.translate(self._table)
        for letter, folded in self._common:  # str.replace is much faster than translate
            text = text.replace(letter, folded)
        return text

    def char_step(self, char):
        return self._steps[char]


class Arabizi(Stage):
    """Digits inside Latin words become the Arabic letters they stand for ("7mar" → "حmar")."""

    one_to_one = True
    _word = re.compile(r"(?<![^\W_])(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[235-9])[a-z0-9]+(?![^\W_])")
    _latin, _digit = re.compile("[a-z]"), re.compile("[235-9]")

    def needed(self, text):
        return bool(self._latin.search(text) and self._digit.search(text))

    def apply(self, text):
        return self._word.sub(lambda m: m.group().translate(arabic.ARABIZI_DIGITS), text)

    def char_step(self, char):
        return arabic.ARABIZI


class ArabiziInArabicWords(Arabizi):
    """Arabizi typed inside an Arabic word is its letters too: a digit or a Latin letter where an
    Arabic letter belongs ("5نزير" → "خنزير", "ك7ب", "كlب" → "كلب", "مt5لف" → "متخلف", "يلعn").

    Read so in a word that is otherwise Arabic: one such character between Arabic letters, or up to
    two (a stretched one counts once) in a word holding two Arabic letters side by side. A number
    glued to its unit ("5دقائق", "3ايام") reads as nonsense that matches nothing, never as a word it
    was not; an Arabizi word whose digits became letters ("7a2eer" → "حaءeer") has no two Arabic
    letters side by side and keeps its Latin letters. Runs after the letters split by spaces or dots
    are joined ("ح m ا ر").
    """

    _latin_or_digit = arabic.ARABIZI_IN_ARABIC_CHARS
    _candidate = re.compile(f"[ء-ي][{_latin_or_digit}]|[{_latin_or_digit}][ء-ي]")
    _token = re.compile(r"[^\W_]+")
    # a run of one repeated character counts once ("كلllllب" is one letter stretched)
    _foreign = re.compile(r"([a-z0-9])\1*")
    _one_between = re.compile(f"[ء-ي]+[{_latin_or_digit}][ء-ي]+")
    _side_by_side = re.compile("[ء-ي]{2}")
    MAX_FOREIGN = 2

    def needed(self, text):
        return self._candidate.search(text) is not None

    def apply(self, text):
        return self._token.sub(self._read, text)

    def _read(self, token: re.Match) -> str:
        word = token.group()
        foreign = sum(1 for _ in self._foreign.finditer(word))
        if not foreign or not (
            self._one_between.fullmatch(word)
            or (foreign <= self.MAX_FOREIGN and self._side_by_side.search(word))
        ):
            return word
        return word.translate(arabic.ARABIZI_IN_ARABIC)


class RegexStage(Stage):
    """Replace every match of a regex; each match (or piece of it) is one edit."""

    regex: re.Pattern
    step: str

    def replacement(self, match: re.Match) -> str:
        raise NotImplementedError

    def pieces(self, match: re.Match):
        """(start, end, replacement) pieces of one match; by default the whole match."""
        yield match.start(), match.end(), self.replacement(match)

    def apply(self, text):
        return self.regex.sub(self.replacement, text)

    def edits(self, before):
        edits, shift = [], 0
        for match in self.regex.finditer(before):
            for start, end, replacement in self.pieces(match):
                out_start = start - shift
                edits.append(Edit(start, end, out_start, out_start + len(replacement), (self.step,)))
                shift += (end - start) - len(replacement)
        return edits


# emoji and pictographs, with the variation selector some of them carry: a disguise puts one
# between the letters of an insult ("ح 🐴 م ا ر", "كل🐕ب")
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F"
# the marks typed between the letters of a word to hide it, besides spaces
_MARKS = r".\-*_+·•|~/" + _EMOJI
_SEPARATOR = r"[\s" + _MARKS + "]+"
_LETTER = r"[^\W\d_]"
_EMOJI_CHAR = re.compile(f"[{_EMOJI}]")


class JoinTatweelSplits(RegexStage):
    """A word stretched by tatweel on both sides of a space, a dot, a dash or an emoji is one word
    cut in two («شـ ـرمـ ـوطه»، «المسيـ.ـحيين»، «المجـ😡ـوس»): no word ends in tatweel and the next
    opens with one. Runs first, before tatweel is removed."""

    regex = re.compile(arabic.TATWEEL + "+(?:[^\\S\\n]|[" + _MARKS + "])+" + arabic.TATWEEL + "+")
    step = arabic.JOINED_LETTERS

    def needed(self, text):
        return arabic.TATWEEL in text

    def replacement(self, match):
        # a dot becomes a star, which the later joining of letters cut inside a word always closes:
        # «مـ.ـز.ور» still reads as the lone letters «م.ز.ور» do
        return arabic.TATWEEL + "*" + arabic.TATWEEL if "." in match.group() else ""


class ArabiziApostrophe(RegexStage):
    """A digit and apostrophe in a Latin word is one letter: "3'abi" → "8abi" (غ), "7'" → "5".

    Without this the apostrophe would split the word, so "3'abi" could never match.
    """

    _apostrophe = "[" + arabic.APOSTROPHES + "]"
    regex = re.compile(rf"(?<=[a-z])([3679]){_apostrophe}|([3679]){_apostrophe}(?=[a-z])")
    step = arabic.ARABIZI
    _quick = re.compile(rf"[3679]{_apostrophe}")

    def needed(self, text):
        # `in` scans are several times faster than the regex; apostrophes are rare in comments
        if not any(apostrophe in text for apostrophe in arabic.APOSTROPHES):
            return False
        return self._quick.search(text) is not None

    def replacement(self, match):
        return arabic.ARABIZI_APOSTROPHE[match.group(1) or match.group(2)]


class JoinSpacedLetters(RegexStage):
    """Three or more single letters split by spaces, dots, dashes, stars … ("ح.م.ا.ر", "ك ل ب").

    Three, so a lone conjunction و between two words is never glued to them. Where a run spells
    several words, the letters of each are split one way and the words another — a wider gap or a
    different mark ("ا ن ت  ك ل ب"، "ا ن ت - ك ل ب"، "ا.ن.ت ك.ل.ب"): that gap stays a space.
    """

    regex = re.compile(rf"(?<![^\W_]){_LETTER}(?:{_SEPARATOR}{_LETTER}(?![^\W_])){{2,}}")
    step = arabic.JOINED_LETTERS
    _letter_and_separator = re.compile(rf"({_LETTER})({_SEPARATOR})")
    # cheaper test first: a lone Arabic or Latin letter between a separator and another letter
    _candidate = re.compile(rf"{_SEPARATOR[:-1]}[ء-يa-z]{_SEPARATOR}[ء-يa-z](?![ء-يa-z0-9])")

    def needed(self, text):
        return self._candidate.search(text) is not None

    def replacement(self, match):
        return "".join(joined for _, _, joined in self.pieces(match)) + match.group()[-1]

    def pieces(self, match):
        # one edit per letter and the separator after it, so part of a joined run maps precisely
        base = match.start()
        letters = list(self._letter_and_separator.finditer(match.group()))
        breaks = self._word_breaks([letter.group(2) for letter in letters])
        for letter, ends_a_word in zip(letters, breaks, strict=True):
            yield base + letter.start(), base + letter.end(), letter.group(1) + (" " if ends_a_word else "")

    @staticmethod
    def _word_breaks(separators: list[str]) -> list[bool]:
        """Which separators part two words: those wider than the run's usual one, or a space where the
        letters are split by a mark (and a mark where they are split by spaces). An emoji is put among
        the letters of one word as often as between words («ح 🐴 م ا ر»): it parts nothing."""
        usual = Counter(separators).most_common(1)[0][0]
        return [
            separator != usual
            and not _EMOJI_CHAR.search(separator)
            and (len(separator) > len(usual) or separator.isspace() != usual.isspace())
            for separator in separators
        ]


class JoinLettersCutInsideWords(RegexStage):
    """Arabic letters split inside a word by stars or underscores ("ح*مار", "كل_ب"), or by a dot or
    an emoji next to a lone letter ("ح.م.ار", "الك.ل.ب", "ك.س" — what "حـ.ـمـ.ـار" is once tatweel
    goes; "كل🐕ب", "ح🐷يوان").

    A dot or an emoji between two longer pieces is a missing space ("جميل.شكرا", "حلو😂والله"), not
    a disguise, and is kept so the words stay apart. Two lone Latin letters are joined across stars
    or underscores ("y*a", "y_a": the Arabizi vocative ya); a longer split is JoinSpacedLetters', and
    an underscore between longer pieces parts the words of a handle or a hashtag ("#sharmoota_el_3asr").
    """

    regex = re.compile(
        rf"([ء-ي])(?:[*_]+|(?<![ء-ي].)(?:\.|[{_EMOJI}]+)|(?:\.|[{_EMOJI}]+)(?=[ء-ي](?![ء-ي])))(?=[ء-ي])"
        r"|(?<![a-z])([a-z])[*_]+(?=[a-z](?![a-z]))"
    )
    step = arabic.JOINED_LETTERS

    def needed(self, text):
        return "*" in text or "_" in text or "." in text or _EMOJI_CHAR.search(text) is not None

    def replacement(self, match):
        return match.group(1) or match.group(2)


class SplitGluedWords(RegexStage):
    """ة and ى only ever end a word: a letter right after one starts a word the writer did not
    space ("قناةالخنزيرة", "تسمىالخنزيرة"), by accident or to slip past a word list.

    Runs before letter folding, which makes them ه and ي and so hides where the word ended. A
    stretched ending ("لعنةةةه", "علىىي") is one word: the next letter must not be one they fold to.
    """

    regex = re.compile(r"[ةى](?=[ء-ي])(?![ةىهي])")
    step = arabic.SPLIT_GLUED_WORDS

    def needed(self, text):
        return self.regex.search(text) is not None

    def replacement(self, match):
        return match.group() + " "


class CollapseRepeats(RegexStage):
    """Runs of one Arabic letter (2+) or one Latin letter (3+: keeps "ass", "free") → one."""

    regex = re.compile(r"([ء-ي])\1+|([a-z])\2{2,}")
    step = arabic.COLLAPSED_REPEATS
    _arabic_repeat = re.compile(r"([ء-ي])(?=\1)")  # removing with a plain "" is C-fast
    _latin_run = re.compile(r"([a-z])\1\1")

    def replacement(self, match):
        return match.group()[0]

    def apply(self, text):
        text = self._arabic_repeat.sub("", text)
        if self._latin_run.search(text):
            text = self.regex.sub(self.replacement, text)
        return text


# a link or a handle, matched first by the Arabizi folds so it is left as typed
_LINK_OR_HANDLE = r"(?P<link>https?://\S+|@\S+)|"


class FoldArabiziSpellings(RegexStage):
    """Latin letters folded to one spelling of each Arabizi sound (arabic.ARABIZI_SPELLINGS), after
    repeats are collapsed: «sharmouta»، «sharmoota» and «charmoutaa» read «sharmuta». Links and
    handles are left as typed."""

    # links and handles are matched first and left as they are («https» keeps its tt; «www» is one
    # w by now, and links are read at the plain level anyway); hashtags are read
    regex = re.compile(_LINK_OR_HANDLE + arabic.ARABIZI_FOLDED_AWAY)
    step = arabic.FOLDED_ARABIZI_SPELLINGS
    _latin = re.compile("[a-z]")

    def needed(self, text):
        return self._latin.search(text) is not None

    def pieces(self, match):
        if match.group("link") is None:
            yield match.start(), match.end(), self.replacement(match)

    def replacement(self, match):
        if match.group("link") is not None:
            return match.group()
        return self.folded(match)

    def folded(self, match):
        return match.group("doubled") or arabic.ARABIZI_SPELLINGS[match.group()]


class FoldArabiziNisba(FoldArabiziSpellings):
    """The nisba ending of an Arabizi people or sect folded to one spelling (arabic.ARABIZI_NISBA),
    after the vowels are: «el sooreyeen», «el masee7yeen», «el masreyin» read «suriyin»,
    «masi7iyin», «masriyin», as the lists spell them. Links and handles are left as typed."""

    regex = re.compile(_LINK_OR_HANDLE + arabic.ARABIZI_NISBA)

    def folded(self, match):
        return arabic.ARABIZI_NISBA_ENDINGS[match.group("ending")]


class DropFinalAlif(RegexStage):
    """The silent alif after a verb's plural و («اقتلوا»، «ارجعوا») is as often left out as written
    («اقتلو»، «ارجعو»), so the form without it is the one matched. A word of at least three
    letters before it: the exclamation «وا» stays.
    """

    # the و is part of the match, so a hit ending at it spans the dropped alif too
    regex = re.compile(r"(?<=[ء-ي]{2})وا(?![ء-ي])")
    step = arabic.DROPPED_FINAL_ALIF

    def needed(self, text):
        return "وا" in text

    def replacement(self, match):
        return "و"


class CollapseSpaces(RegexStage):
    """Runs of whitespace → one space, so multi-word terms match across line breaks."""

    regex = re.compile(r"\s{2,}|[^\S ]")
    step = arabic.COLLAPSED_SPACES

    def needed(self, text):
        return "  " in text or not text.isprintable()

    def replacement(self, match):
        return " "


_JOIN_TATWEEL, _DELETE, _NFKC, _SPLIT, _FOLD = (
    JoinTatweelSplits(), DeleteMarks(), Nfkc(), SplitGluedWords(), FoldCharacters(),
)
_FOLD_SECOND_READING = FoldCharacters(arabic.SECOND_READING_TABLE, arabic.SECOND_READING_STEP)
_TEXT_STAGES = (
    # starred and dotted letters first: "يـ.ـلـ.ـعـ.ـنكم" has lone letters then a longer piece, and
    # joining only the run of lone letters ("يلع.نكم") would leave the dot behind a longer piece
    ArabiziApostrophe(), Arabizi(), JoinLettersCutInsideWords(), JoinSpacedLetters(), ArabiziInArabicWords(),
    # Arabizi spellings folded twice: one fold can make a new pair («lajieen» → lajiin → lajin), and a
    # term folded once more than the text would never match it
    CollapseRepeats(), FoldArabiziSpellings(), FoldArabiziSpellings(), FoldArabiziNisba(), DropFinalAlif(),
    CollapseSpaces(),
)


class AppliedStage:
    """A stage that changed the text: its input, output and (lazily) its position map."""

    __slots__ = ("stage", "before", "after", "_edits", "_out_starts")

    def __init__(self, stage: Stage, before: str, after: str):
        self.stage, self.before, self.after = stage, before, after
        self._edits = None
        self._out_starts = None

    def _load_edits(self):
        if self._edits is None:
            self._edits = self.stage.edits(self.before)
            self._out_starts = [edit.out_start for edit in self._edits]
        return self._edits

    def _edit_at(self, position: int):
        edits = self._load_edits()
        index = bisect.bisect_right(self._out_starts, position) - 1
        return edits[index] if index >= 0 else None

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        if self.stage.one_to_one:
            return start, end
        mapped_start = self._map_start(start)
        if end <= start:
            return mapped_start, mapped_start
        return mapped_start, self._map_end(end)

    def _map_start(self, position):
        edit = self._edit_at(position)
        if edit is None:
            return position
        if position < edit.out_end:
            return edit.in_start
        return edit.in_end + (position - edit.out_end)

    def _map_end(self, end):
        last = end - 1
        edit = self._edit_at(last)
        if edit is None:
            return end
        if last < edit.out_end:
            return edit.in_end
        return edit.in_end + (last - edit.out_end) + 1

    def steps(self, start: int, end: int) -> list[str]:
        if self.stage.one_to_one:
            changed = zip(self.before[start:end], self.after[start:end], strict=True)
            return [self.stage.char_step(a) for a, b in changed if a != b]
        edits = self._load_edits()
        first = max(bisect.bisect_right(self._out_starts, start) - 1, 0)
        last = bisect.bisect_left(self._out_starts, end)
        found = []
        for edit in edits[first:last]:
            inserted_inside = edit.out_start == edit.out_end and start < edit.out_start
            if edit.out_start < end and (edit.out_end > start or inserted_inside):
                found.extend(edit.steps)
        return found


class NormalizedText:
    """The original text, its plain and fully normalized forms, and the way back."""

    def __init__(self, original: str, plain: str, text: str, stages: list, plain_depth: int):
        self.original, self.plain, self.text = original, plain, text
        self._stages, self._plain_depth = stages, plain_depth
        self._memo: dict = {}

    def memo(self, key, compute):
        """compute() once per text and key: rules sharing a word list share its matches."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def words(self) -> list[re.Match]:
        """The words of the normalized text (arabic.WORD), found once for every rule."""
        return self.memo("words", lambda: list(arabic.WORD.finditer(self.text)))

    def _stages_for(self, level: str):
        return self._stages[: self._plain_depth] if level == PLAIN else self._stages

    @staticmethod
    def _back_through(stages, start: int, end: int) -> tuple[int, int]:
        for applied in reversed(stages):
            start, end = applied.to_input(start, end)
        return start, end

    def to_original(self, start: int, end: int, level: str = TEXT) -> tuple[int, int]:
        return self._back_through(self._stages_for(level), start, end)

    def to_plain(self, start: int, end: int) -> tuple[int, int]:
        """A span of the normalized text in the plain text: letters folded, repeats not collapsed."""
        return self._back_through(self._stages[self._plain_depth:], start, end)

    def written(self, start: int, end: int) -> str:
        """A span of the normalized text as written: the plain text it comes from."""
        start, end = self.to_plain(start, end)
        return self.plain[start:end]

    def steps(self, start: int, end: int, level: str = TEXT) -> list[str]:
        """The normalization steps that changed characters of this span, in pipeline order."""
        collected = []
        for applied in reversed(self._stages_for(level)):
            collected.append(applied.steps(start, end))
            start, end = applied.to_input(start, end)
        return list(dict.fromkeys(step for steps in reversed(collected) for step in steps))


def _apply(stage: Stage, text: str, stages: list) -> str:
    if not stage.needed(text):
        return text
    result = stage.apply(text)
    if result != text:
        stages.append(AppliedStage(stage, text, result))
    return result


def normalize(original: str, second_reading: bool = False) -> NormalizedText:
    """The text's levels; second_reading folds the letters of arabic.SECOND_READINGS the other way."""
    stages: list[AppliedStage] = []
    text = _apply(_JOIN_TATWEEL, original, stages)
    text = _apply(_DELETE, text, stages)
    if not unicodedata.is_normalized("NFKC", text):
        text = _apply(_NFKC, text, stages)
        text = _apply(_DELETE, text, stages)  # NFKC can decompose into marks
    text = _apply(_SPLIT, text, stages)
    text = _apply(_FOLD_SECOND_READING if second_reading else _FOLD, text, stages)
    plain, plain_depth = text, len(stages)
    for stage in _TEXT_STAGES:
        text = _apply(stage, text, stages)
    return NormalizedText(original, plain, text, stages, plain_depth)


def readings(original: str) -> list[tuple[NormalizedText, bool]]:
    """(normalized text, is the second reading) for every way the text is read: a second time, with
    arabic.SECOND_READINGS, only when it holds one of those letters."""
    first = [(normalize(original), False)]
    if any(letter in original for letter in arabic.SECOND_READINGS):
        return first + [(normalize(original, second_reading=True), True)]
    return first


def term_forms(term: str) -> tuple[str, str]:
    """normalize_term and written_term of a term, from one normalization."""
    normalized = normalize(term)
    return normalized.text.strip(), normalized.plain.strip()


def normalize_term(term: str) -> str:
    """A word-list term in the form comments are matched in."""
    return term_forms(term)[0]


def written_term(term: str) -> str:
    """A term as written: letters folded and marks removed, repeats and spacing kept — رافضيين and
    رافضين, اقتتلوا and اقتلوا stay apart, as they do not in normalize_term."""
    return term_forms(term)[1]
