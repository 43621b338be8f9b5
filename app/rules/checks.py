"""The registry of rule types.

A rule type is a class with `options` (the marshmallow fields of its type-specific keys), a
constructor that compiles those options once, and `find(text)` returning Match objects for one
field's NormalizedText. A new type is one class here, one entry in CHECKS and one test file.
"""

import bisect
import re
from dataclasses import dataclass
from typing import ClassVar

from marshmallow import fields, validate

from app.rules import arabic, masked, spam, split
from app.rules.model import Match, RuleConfigError
from app.rules.normalize import TEXT, NormalizedText, normalize_term, written_term
from app.rules.patterns import CompiledPattern, expand_lists
from app.rules.words import Lexicons, ListSelection, WordHit, padded_words

_NAMES = fields.List(fields.String(), required=True, validate=validate.Length(min=1))
# `except`: word lists of innocent phrases ("لحم الخنزير", "مكب الزباله") that cancel a hit;
# `except_written`: words that cancel a hit only as written, doubled letter and all ("اقتتلوا")
# `mentions`, `mention_verbs`: word lists that make the insult after them a mention ("كلمة مجوس")
_OPTIONAL_LISTS = fields.List(fields.String(), validate=validate.Length(min=1))
# every rule option whose value names word lists of the policy
WORD_LIST_OPTIONS = (
    "lexicons", "targets", "except", "except_written", "except_aimed_at", "mentions", "mention_verbs",
    "scene_words", "scene_cues", "mention_denials", "mention_scripture", "self_markers", "negators", "except_after",
    "except_qualifying", "quality_words", "work_nouns", "dirt_words", "thing_nouns", "titles", "history_markers",
)
# the options every word-list rule (lexicon, targeted) takes besides its lists
_WORD_RULE_EXCEPTIONS = {
    "except": _OPTIONAL_LISTS, "except_written": _OPTIONAL_LISTS, "except_aimed_at": _OPTIONAL_LISTS,
    "mentions": _OPTIONAL_LISTS, "mention_verbs": _OPTIONAL_LISTS,
    "scene_words": _OPTIONAL_LISTS, "scene_cues": _OPTIONAL_LISTS, "mention_denials": _OPTIONAL_LISTS,
    "mention_scripture": _OPTIONAL_LISTS,
    "quality_words": _OPTIONAL_LISTS, "work_nouns": _OPTIONAL_LISTS,
    "dirt_words": _OPTIONAL_LISTS, "thing_nouns": _OPTIONAL_LISTS,
    "self_markers": _OPTIONAL_LISTS, "negators": _OPTIONAL_LISTS, "titles": _OPTIONAL_LISTS,
    "history_markers": _OPTIONAL_LISTS,
}
_WORD = arabic.WORD
# a verse of the Quran between its ornate parentheses
_VERSE = re.compile("﴿([^﴾]+)﴾")
# the Quran's own annotation signs (pause marks, small high letters, the end of a verse), which a
# comment carries only when it pastes a verse from a mushaf or an app
_QURANIC_SIGNS = re.compile("[\u06d6-\u06ed]")
# the short vowels, tanween, shadda, sukun and the dagger alif of a fully vowelled word
_VOWEL_MARKS = re.compile("[\u064b-\u0652\u0670]")
# a sentence ends between a target and a word: the word is not aimed at it («ما قال انهم خونة. هذا كذب»);
# an ellipsis is a pause, not an end («انت... كذاب»); a verse's closing parenthesis ends the quotation
# its opener began («قال تعالى ﴿كونوا قردة خاسئين﴾ وانتم قرود»)
_SENTENCE_END = re.compile(r"(?<!\.)\.(?!\.)|[!?؟؛;﴾]")
_CLAUSE_COMMA = re.compile("[،,]")


def _word_at(text: NormalizedText, word_starts: list[int], index: int) -> str:
    return _WORD.match(text.text, word_starts[index]).group()


def _right_after(span: WordHit, text: NormalizedText, word_starts: list[int], words) -> bool:
    """Whether the word right before the span's first word is one of `words`."""
    first = _word_span(span.start, span.end, word_starts)[0]
    return first > 0 and _word_at(text, word_starts, first - 1) in words


def _not_in_a_name(hits: list[WordHit], text: NormalizedText, praising: bool = False) -> list[WordHit]:
    """Drop the hits opened by God that stand inside a name or title made with الله
    (arabic.NAMED_WITH_GOD): «نصر الله يكسر الصمت» is Nasrallah, «حزب الله مجرم» a party. With
    `praising` (what a pattern says right after God), only the names of people and parties — the
    things of God (arabic.SACRED_WITH_GOD: «شرع الله ظالم»، «رسول الله كذاب») stay God's — and also
    the hits right after the words that praise God (arabic.PRAISING_GOD): «ما شاء الله كلب جميل»
    admires a dog."""
    opened_by_god = [hit for hit in hits if hit.term.startswith(arabic.GOD + " ") and not hit.clitic]
    if not opened_by_god:
        return hits
    word_starts = _word_starts(text)
    names = arabic.PEOPLE_NAMED_WITH_GOD if praising else arabic.NAMED_WITH_GOD
    in_a_name = [
        hit for hit in opened_by_god
        if _right_after(hit, text, word_starts, names) or (praising and _praising_god(hit, text, word_starts))
    ]
    return [hit for hit in hits if hit not in in_a_name]


def _praising_god(hit: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
    """Whether the one or two words right before the hit praise God (arabic.PRAISING_GOD)."""
    first = _word_span(hit.start, hit.end, word_starts)[0]
    before = tuple(_words_at(text, word_starts, first - 2, first))
    return before[-1:] in arabic.PRAISING_GOD or before in arabic.PRAISING_GOD


def _words_at(text: NormalizedText, word_starts: list[int], start: int, stop: int) -> list[str]:
    """The words at indices start … stop - 1 that the text has."""
    return [_word_at(text, word_starts, i) for i in range(max(start, 0), min(stop, len(word_starts)))]


def _named_after(hit: WordHit, gap: int, first_of_pair: bool) -> bool:
    """Whether a hit `gap` words after a noun that names something (a word, a work) is what it
    names: the word right after it, or the second of a pair joined by و whose first word the caller
    finds named too («لفظ خاين وعميل»، «رواية اللص والكلاب»; not «كلمة حق وحمار»)."""
    return gap == 1 or (gap == 2 and hit.clitic.startswith("و") and first_of_pair)


_VOCATIVE = frozenset({arabic.VOCATIVE})


def _said_to_someone(hit: WordHit, text: NormalizedText, word_starts: list[int], before=_VOCATIVE) -> bool:
    """Whether the hit is said to someone: joined to the vocative («ياحمار») or a listed phrase that
    opens with it («يا حيوان»), or right after a word of `before` (يا; for literal scenes also the
    pronouns of arabic.SAID_TO: «انت حمار»)."""
    return _vocative_within(hit) or _right_after(hit, text, word_starts, before)


def _vocative_within(hit: WordHit) -> bool:
    """Whether the hit holds its own vocative: joined («ياحمار») or its phrase's first word («يا حيوان»)."""
    return arabic.VOCATIVE in hit.clitic or hit.term.startswith(arabic.VOCATIVE + " ")


def _apart(hit: WordHit, other: WordHit, word_starts: list[int]) -> int:
    """How many words apart two hits are, either way round: 1 for neighbours."""
    first, last = _word_span(hit.start, hit.end, word_starts)
    other_first, other_last = _word_span(other.start, other.end, word_starts)
    return max(other_first - last, first - other_last)


# words between a target and a label that do not count toward a rule's window
_NOT_COUNTED_BETWEEN = arabic.PREDICATE_LINKS | arabic.LATIN_PROCLITICS


def _apart_past_links(hit: WordHit, other: WordHit, word_starts: list[int], text: NormalizedText) -> int:
    """How many words apart two hits are, not counting the words between them that only link a
    subject to its predicate (arabic.PREDICATE_LINKS: «نبيكم كان مجرم» is as near as «نبيكم مجرم»)
    nor an Arabizi article written apart (arabic.LATIN_PROCLITICS: «el souriyin el lajiin 7asharat»
    is as near as «السوريين اللاجئين حشرات»)."""
    first, last = _word_span(hit.start, hit.end, word_starts)
    other_first, other_last = _word_span(other.start, other.end, word_starts)
    between = range(last + 1, other_first) if last < other_first else range(other_last + 1, first)
    links = sum(1 for index in between if _word_at(text, word_starts, index) in _NOT_COUNTED_BETWEEN)
    return max(other_first - last, first - other_last) - links


def _words_after(hit: WordHit, other: WordHit, word_starts: list[int]) -> int:
    """How many words after the other the hit starts: 1 right after it, 0 or less before it."""
    return _word_span(hit.start, hit.end, word_starts)[0] - _word_span(other.start, other.end, word_starts)[1]


def _written(hit: WordHit, text: NormalizedText) -> str:
    """The hit as the commenter wrote it, marks and all."""
    start, end = text.to_original(hit.start, hit.end)
    return text.original[start:end]


def _within(hit: WordHit, start: int, end: int) -> bool:
    """Whether the hit lies within the span start … end of the normalized text."""
    return start <= hit.start and hit.end <= end


def _inside(hit: WordHit, phrase: WordHit) -> bool:
    """Whether the hit lies within the phrase («فان قاتلوكم فاقتلوهم» holds «اقتلوهم»)."""
    return _within(hit, phrase.start, phrase.end)


def _opens_its_sentence(hit: WordHit, text: NormalizedText) -> bool:
    """Whether no word stands before the hit in its sentence: «حشرات، هدول اللاجئين» fronts the label."""
    before = text.text[:hit.start]
    ends = list(_SENTENCE_END.finditer(before))
    return _WORD.search(before, ends[-1].end() if ends else 0) is None


# what cuts a comment into the pieces a hurled label stands alone in: a sentence's end or a comma
# (not a colon, which gives the value of what stands before it: «التهمة: نصاب»); links, @handles and
# hashtags are blanked first (a handle's dot ends nothing, a hashtag is a tag)
_PIECE_END = re.compile(f"{_SENTENCE_END.pattern}|{_CLAUSE_COMMA.pattern}")
_QUESTION_MARKS = frozenset("?؟")
_NOT_WRITTEN_WORDS = re.compile(r"https?://\S+|www\.\S+|<url>|[@#][^\s،,:؛!?؟]+")


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end_mark: str  # the mark that ends it, "" at the end of the text
    words: tuple[str, ...]


def _pieces(text: NormalizedText) -> tuple[str, list[_Piece], list[int]]:
    """The comment with its tags blanked, cut at `_PIECE_END`, and where each piece starts; once per text."""
    def cut() -> tuple[str, list[_Piece], list[int]]:
        blanked = _NOT_WRITTEN_WORDS.sub(lambda m: " " * len(m.group()), text.text)
        pieces, start = [], 0
        for end in [*_PIECE_END.finditer(blanked), None]:
            stop = end.start() if end else len(blanked)
            words = tuple(w.group() for w in _WORD.finditer(blanked, start, stop))
            pieces.append(_Piece(start, end.group() if end else "", words))
            start = end.end() if end else stop
        return blanked, pieces, [piece.start for piece in pieces]
    return text.memo("pieces", cut)


def _alone_in_its_piece(hit: WordHit, text: NormalizedText) -> bool:
    """Whether the hit's word, without the article, is thrown as a piece of the comment of its own
    (`_PIECE_END`), no word beside it but those a hurled label may have (arabic.BESIDE_A_HURLED_LABEL):
    «مجرمين.»، «شفت الفيديو. مجرمين كلهم!»، «@user فاشلين». Not «المجرمين هربوا.», «الفصل الثالث:
    المجرمون» (the article names, a colon gives a value), a question or its answer («مجرمين؟ ليش؟»،
    «كيف كان؟ فاشلين»), one word of a list of single words («صحفيين، محامين، مجرمين»), nor a tag."""
    if hit.clitic.endswith(arabic.ARTICLE_ENDINGS):
        return False
    blanked, pieces, starts = _pieces(text)
    index = bisect.bisect_right(starts, hit.start) - 1
    piece = pieces[index]
    hit_words = list(_WORD.finditer(blanked, hit.start, hit.end))
    if len(hit_words) != 1 or piece.end_mark in _QUESTION_MARKS:
        return False  # inside a blanked tag, or asked about
    before = pieces[index - 1] if index > 0 else None
    if before is not None and before.end_mark in _QUESTION_MARKS:
        return False  # the answer to a question
    beside = list(piece.words)
    beside.remove(hit_words[0].group())
    if not all(word in arabic.BESIDE_A_HURLED_LABEL for word in beside):
        return False
    after = pieces[index + 1] if index + 1 < len(pieces) else None
    listed_after = before is not None and _CLAUSE_COMMA.fullmatch(before.end_mark) and len(before.words) == 1
    listed_before = after is not None and _CLAUSE_COMMA.fullmatch(piece.end_mark) and len(after.words) == 1
    return not (listed_after or listed_before)


def _sentence_ends_between(hit: WordHit, other: WordHit, text: NormalizedText) -> bool:
    between = text.text[other.end:hit.start] if other.end <= hit.start else text.text[hit.end:other.start]
    return _SENTENCE_END.search(between) is not None


class Check:
    options: ClassVar[dict[str, fields.Field]] = {}

    def __init__(self, options: dict, lexicons: Lexicons):
        self.config = options

    def find(self, text: NormalizedText) -> list[Match]:
        raise NotImplementedError


def _words(lists: ListSelection, text: NormalizedText) -> list[WordHit]:
    """The hits of these lists: the policy's matcher scans a text once, every rule selects from that."""
    shared = lists.matcher
    padded = text.memo("padded", lambda: padded_words(text.text))
    scanned = text.memo(shared, lambda: shared.scan(text.text, padded, text.written))
    return text.memo(lists, lambda: shared.select(scanned, lists.lists))


def _word_match(hit: WordHit, *notes: str) -> Match:
    return Match(hit.start, hit.end, hit.term, TEXT, hit.notes() + notes)


class _ListFilter:
    """A filter of a rule's hits by some of the policy's word lists (named under `option`), matched
    in the policy's one pass per text and looked at only when the rule has hits at all."""

    option = ""

    def __init__(self, names, lexicons: Lexicons):
        self.matcher = lexicons.matcher_for(names, self.option) if names else None

    def keep(self, hits: list[WordHit], text: NormalizedText) -> list[WordHit]:
        if self.matcher is None or not hits:
            return hits
        found = _words(self.matcher, text)
        return self.kept(hits, found, text) if found else hits

    def kept(self, hits: list[WordHit], found: list[WordHit], text: NormalizedText) -> list[WordHit]:
        raise NotImplementedError


def _uncovered(hits: list[WordHit], covers: list[WordHit]) -> list[WordHit]:
    return [hit for hit in hits if not any(c.start <= hit.start and hit.end <= c.end for c in covers)]


class Exceptions(_ListFilter):
    """The `except` word lists of a rule: innocent phrases that cancel the hits they cover.

    A hit is cancelled when an exception phrase found in the same text spans the whole word of
    the hit ("لحم الخنزير" covers "الخنزير"; "مكب الزباله" covers "الزباله"), unless the phrase is
    said to the reader ("انت كلب مسعور"). The phrases are
    matched like any word list, in the policy's one pass per text, and looked at only when the
    rule has hits at all.
    """

    option = "except"

    def kept(self, hits, found, text):
        word_starts = _word_starts(text)
        return _uncovered(hits, [phrase for phrase in found if not self._name_calling(phrase, text, word_starts)])

    @staticmethod
    def _name_calling(phrase: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
        """A phrase of two words or more said to the reader is name-calling, literal as it may be
        elsewhere: «انت كلب مسعور»، «انتو كلاب حراسة»، «يا كلب مسعور». Not after a third person:
        «انه مرض خبيث» is said of a disease. A single ordinary word (فخره, his pride, is no ف + خره)
        stays ordinary whatever stands before it."""
        first, last = _word_span(phrase.start, phrase.end, word_starts)
        # the word before the phrase, not its own first word: «يا ايها الكافرون» is a verse
        return last > first and _right_after(phrase, text, word_starts, arabic.SAID_TO_THE_READER)


class WrittenExceptions:
    """The `except_written` word lists of a rule: words that cancel a hit only when the hit's word
    is written so — letters folded and marks gone, a doubled letter kept as two.

    For real words that differ from a listed term only by a doubled letter, which the normalizer
    collapses to catch stretched insults: «اقتتلوا» (they fought each other) becomes «اقتلوا»
    (kill!), «هنيك» (there) and the listed «هنيكك» both become «هنيك». A run of three or more of a
    letter is a stretch, read both as one letter and as two: the word is the listed exception when
    its one-letter reading is, unless some reading of its stretches (each run as one letter or two)
    is a spelling the lists give the hit's term. So «اقتتلوااا» and «هنييييك» are the ordinary
    words, while «اقتتتلوا», «اقتلللوا» and «هنيكككك» are the listed terms, stretched. One word per
    entry; the word may carry a proclitic (فاقتتلوا، لهنيك).
    """

    _STRETCH = re.compile(r"([ء-ي])\1{2,}")

    def __init__(self, names, lexicons: Lexicons):
        lexicons.check_names(names or (), "except_written")
        self.words = frozenset(written_term(term) for name in names or () for term in lexicons.terms(name))
        # what the words read as once normalized: a hit whose normalized word holds none of these
        # cannot be one of them, and skips the walk back to the written text
        self._normalized = tuple({normalize_term(word) for word in self.words})
        # worked out at load, once for all the policy's rules, not on the first comment that needs it
        self._spellings = lexicons.spellings() if self.words else {}

    def keep(self, hits: list[WordHit], text: NormalizedText) -> list[WordHit]:
        if not self.words or not hits:
            return hits
        return [hit for hit in hits if not self._written_as_listed(hit, text)]

    def _written_as_listed(self, hit: WordHit, text: NormalizedText) -> bool:
        normalized_word = text.text[hit.start:hit.end]
        if not any(normalized in normalized_word for normalized in self._normalized):
            return False
        for word in _WORD.findall(text.written(hit.start, hit.end)):
            if _in_words(self._STRETCH.sub(r"\1", word), self.words) and not self._stretch_of_term(word, hit):
                return True
        return False

    def _stretch_of_term(self, word: str, hit: WordHit) -> bool:
        """Whether the word's stretches, each read as one letter or two, spell the hit's term as
        its lists write it (the exception words themselves aside)."""
        if not self._STRETCH.search(word):
            return False
        readings = re.compile(self._STRETCH.sub(lambda run: run.group(1) + "{1,2}", word))
        spellings = self._spellings.get(hit.term, frozenset()) - self.words
        return any(readings.fullmatch(clitic + spelling) for spelling in spellings for clitic in _CLITICS)


# the matcher's proclitics, and none; measured on the word as written (a doubled «لل» stays two)
_CLITICS = ("", *sorted(arabic.PROCLITICS))


def _in_words(word: str, words: frozenset[str]) -> bool:
    """The word, or the word behind a proclitic, is one of these."""
    return any(word.startswith(clitic) and word[len(clitic):] in words for clitic in _CLITICS)


def _word_starts(text: NormalizedText) -> list[int]:
    return text.memo("word_starts", lambda: [m.start() for m in text.words()])


def _word_span(start: int, end: int, word_starts: list[int]) -> tuple[int, int]:
    """The indexes of the first and last words a span of the text covers."""
    first = bisect.bisect_right(word_starts, start) - 1
    return first, bisect.bisect_left(word_starts, end) - 1


def _calls_an_object(verb: WordHit) -> bool:
    """A verb of calling, which takes someone and a label (arabic.CALLING_VERB_STEMS)."""
    return verb.term.startswith(arabic.CALLING_VERB_STEMS)


def _to_the_writer(verb: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
    """Whether a verb of saying or calling speaks to the writer: a first-person object joined to it
    («ناداني»، «قالتلي»، «سمونا») or «to me / us» right after it («قال لي») (arabic.TO_THE_WRITER)."""
    if verb.term.startswith(arabic.TO_THE_READER_STARTS):
        return False  # «ليش تقول لي يا حمار»: the reader, told off by the writer
    if verb.term.endswith(arabic.WRITER_AS_OBJECT) or verb.suffix.endswith(arabic.WRITER_AS_OBJECT):
        return True
    after = _word_span(verb.start, verb.end, word_starts)[1] + 1
    return after < len(word_starts) and _word_at(text, word_starts, after) in arabic.TO_THE_WRITER


def _chants_its_object(verb: WordHit) -> bool:
    """A verb of chanting, whose object is the chant (arabic.CHANTING_VERB_STEMS): what stands
    right after it without the article is the chant reported («هتفوا الموت للعرب»); with the article
    it is the verb's subject («هتف المتظاهرون»)."""
    return verb.term.startswith(arabic.CHANTING_VERB_STEMS)


def _object_between(gap: int, hit_spans_words: bool, verb: WordHit) -> bool:
    """Whether a verb of calling has its object before a hit `gap` words after it: one or two words
    between («بيسمي اللاجئين حشرات»، «سمى اللاجئين السوريين حشرات»), or, right after the verb, a
    pattern's match that holds the object itself («بيسمي [اللاجئين حشرات]») or a pronoun joined to the
    verb («يسمونهم روافض»). A label right after a bare verb is a use: «تسمى الخنزيرة»."""
    if gap in (2, 3):
        return True
    joined = verb.term.endswith(arabic.OBJECT_PRONOUNS) or verb.suffix.endswith(arabic.OBJECT_PRONOUNS)
    return gap == 1 and (hit_spans_words or joined)


class Mentions:
    """A rule's `mentions` and `mention_verbs` word lists: what makes an insult a mention — named,
    reported or condemned — not a use.

    A hit is cancelled when a mention word (a noun naming a word or label: كلمة، لفظ، وصف) comes
    right before it ("كلمة مجوس", "لفظ «حمار»"). A hit that carries the preposition ب is also
    cancelled by a mention word or a mention verb (describing, labelling, accusing: وصف، ينعتون،
    اتهموه) among the four words before it ("وصف الشيعة بالروافض", "ينعتون المسيحيين بالكفار").
    A verb without ب is not enough: "تسمى الخنزيرة" names the channel a pig. A hit inside a short
    quotation is cancelled when a mention word or verb (which include verbs and nouns of saying,
    writing and chanting: يكتب، قال، هتافات) is among the three words before the quotation opens
    ('يكتب "سوري وسخ"', 'هتافات «الموت للعرب»', single quotes too): it is reported speech. The
    quotation marks are needed for a label said to the reader: «يقول عنك حمار» is no report, but a
    bare chant right after a verb of chanting needs none («هتفوا الموت للعرب»). A label said about a third
    party — a mention verb, then على / عن / انهم / ان, then the label within five words — is
    reported: «النائب قال على الفلاحين بهايم». A name said with يا right after a reported one goes on
    the same string: «قال للمدافع يا حيوان يا كلب»، «لا تقل لصاحبك يا حمار يا كلب».

    A hit is also cancelled when a denial of saying it (`mention_denials`: لم اقل، ما قلت، مو قصدي،
    محدش قال، مو صحيح) is among the five words before it in the same sentence, and the hit is not said to
    someone with يا: «انا لم اقل انك كافر»، «مش بقول ان السودانيين كسالى» deny the label,
    «ما قلت الا الحق يا كذاب» still calls a name.

    A verse or a hadith quoted without quotation marks is cancelled the same way: a hit within twenty
    words after an opener of scripture (`mention_scripture`: قال تعالى، قوله تعالى، قال رسول الله، قال
    النبي …), in the same sentence and not said to the reader (يا، انت، انتم) — «قال تعالى وجعل منهم
    القردة والخنازير» — or inside one (a verse quoted bare is listed by its opening words, which hold
    the hit: «فان قاتلوكم فاقتلوهم»); and so is a hit inside a verse's ornate parentheses (﴿…﴾), which
    quote the Quran whatever their length, and a hit written with vowel marks in a comment that
    carries the Quran's annotation signs (ۚ ۖ ۗ): a verse pasted from a mushaf.
    """

    REACH_AFTER_BA = 4
    REACH_BEFORE_QUOTE = 3
    REACH_AFTER_DENIAL = 5
    REACH_AFTER_REPORT = 5
    # a verse or a hadith quoted after its opener runs on to the end of the sentence
    REACH_IN_SCRIPTURE = 20
    MAX_QUOTED_WORDS = 6
    # double quotes, guillemets and single quotes (Arabic keyboards type ' for quoting as often as ")
    _QUOTED = re.compile(r'["“«„\'‘]([^"“”«»„\'‘’]+)["”»\'’]')

    def __init__(self, nouns, verbs, lexicons: Lexicons, denials=None, scripture=None):
        self.nouns = lexicons.matcher_for(nouns, "mentions") if nouns else None
        self.verbs = lexicons.matcher_for(verbs, "mention_verbs") if verbs else None
        self.denials = lexicons.matcher_for(denials, "mention_denials") if denials else None
        self.scripture = lexicons.matcher_for(scripture, "mention_scripture") if scripture else None

    def keep(self, hits: list[WordHit], text: NormalizedText) -> list[WordHit]:
        if hits and self.denials is not None:
            hits = self._not_following(hits, self.denials, self.REACH_AFTER_DENIAL, text)
        if hits and self.scripture is not None:
            # «قال النبي انت حمار» quotes no one: the reader is called a name after the opener
            hits = self._not_following(hits, self.scripture, self.REACH_IN_SCRIPTURE, text, arabic.SAID_TO_THE_READER)
            hits = self._outside_verses(hits, text)
        if not hits or (self.nouns is None and self.verbs is None):
            return hits
        nouns = _words(self.nouns, text) if self.nouns is not None else []
        verbs = _words(self.verbs, text) if self.verbs is not None else []
        if not nouns and not verbs:
            return hits
        word_starts = _word_starts(text)
        noun_ends = [_word_span(noun.start, noun.end, word_starts)[1] for noun in nouns]
        all_ends = noun_ends + [_word_span(verb.start, verb.end, word_starts)[1] for verb in verbs]
        dropped = set()
        hit_firsts = {_word_span(hit.start, hit.end, word_starts)[0] for hit in hits}
        given_with_ba: set[int] = set()  # the last words of labels a mention gives with ب
        reported_calls: dict[int, int] = {}  # the last words of names reported said with يا, and their ends
        for hit in sorted(hits, key=lambda hit: hit.start):
            first = _word_span(hit.start, hit.end, word_starts)[0]
            if self._second_of_a_given_pair(hit, first, given_with_ba, text, word_starts):
                given_with_ba.add(_word_span(hit.start, hit.end, word_starts)[1])
                dropped.add(id(hit))
                continue
            if "ب" in hit.clitic:
                mentioned = any(0 < first - end <= self.REACH_AFTER_BA for end in all_ends)
                if mentioned:
                    given_with_ba.add(_word_span(hit.start, hit.end, word_starts)[1])
            elif _right_after(hit, text, word_starts, {"ب"}):
                # ب written apart before a quotation («شتمه بـ"الكلب"») is a word of its own: reach from it
                mentioned = any(0 < first - 1 - end <= self.REACH_AFTER_BA for end in all_ends)
            else:
                # the second of a pair counts only when the first is named too («كلمة مجوس وروافض»)
                mentioned = any(_named_after(hit, first - end, first - 1 in hit_firsts) for end in noun_ends)
            called = _said_to_someone(hit, text, word_starts)
            reported = (
                self._reported(hit, text, word_starts, all_ends)
                or self._said_of(hit, text, word_starts, verbs)
                or called and self._next_in_a_reported_call(hit, text, word_starts, reported_calls)
            )
            if reported and called:
                reported_calls[_word_span(hit.start, hit.end, word_starts)[1]] = hit.end
            if mentioned or reported:
                dropped.add(id(hit))
        return [hit for hit in hits if id(hit) not in dropped]

    @staticmethod
    def _next_in_a_reported_call(
        hit: WordHit, text: NormalizedText, word_starts: list[int], reported_calls: dict[int, int]
    ) -> bool:
        """Whether the hit, said with يا, goes on a string of names whose first is reported: «لا تقل
        لصاحبك يا حمار يا كلب» forbids both, «قال للمدافع يا حيوان يا كلب» reports both. A mark
        between ends the string: «بتقول للناس يا جهلة، يا جاهل انت» calls the reader one."""
        if not reported_calls:
            return False
        first = _word_span(hit.start, hit.end, word_starts)[0]
        vocative = first if _vocative_within(hit) else first - 1
        previous_end = reported_calls.get(vocative - 1)
        return previous_end is not None and not text.text[previous_end:word_starts[vocative]].strip()

    @staticmethod
    def _second_of_a_given_pair(
        hit: WordHit, first: int, given_with_ba: set[int], text: NormalizedText, word_starts: list[int]
    ) -> bool:
        """Whether the hit is the second of a pair whose first a mention gives with ب, joined by و or
        after او («وصف الشيعة بالروافض او المجوس»، «يسمونهم بالكفار والخونة»). Not after a label
        named by a noun («كلمة غبي او حمار قليلة عليك» calls the reader one) or reported otherwise."""
        if hit.clitic.startswith("و") and first - 1 in given_with_ba:
            return True
        return first >= 2 and _word_at(text, word_starts, first - 1) in arabic.OR and first - 2 in given_with_ba

    def _said_of(self, hit: WordHit, text: NormalizedText, word_starts: list[int], verbs: list[WordHit]) -> bool:
        """Whether someone else is reported calling a third party the hit: a mention verb, then
        about or that (على، عن، انهم …: arabic.SAID_ABOUT), then the hit, within five words and with
        no «you» between («النائب قال على الفلاحين بهايم»، «يقول عن السودانيين عبيد»); or a verb of
        calling, its object, then the hit («اللي بيسمي اللاجئين حشرات»، «وصف المعارضين جرذان»). «يقول
        عنك حمار» says it to the reader's face and still hits, as does a hit said with يا — unless
        it is reported said to a third party (`_vocative_reported`) — and so does a label right after
        the verb: «تسمى الخنزيرة» names the channel a pig."""
        if self._vocative_reported(hit, text, word_starts, verbs):
            return True
        if _said_to_someone(hit, text, word_starts):
            return False
        first, last = _word_span(hit.start, hit.end, word_starts)
        for verb in verbs:
            if verb.term in arabic.QUOTATION_NOUNS:
                continue
            gap = _words_after(hit, verb, word_starts)
            if not 0 < gap <= self.REACH_AFTER_REPORT or _sentence_ends_between(hit, verb, text):
                continue
            # «يقولوله خاين وعميل»: «to him» joined to a verb of saying, and the label right after it
            # is what they tell him; not the bare past «قاله», also «said it»: «اللي قاله حمار» calls
            # whoever said it one
            if gap == 1 and verb.term.endswith(arabic.JOINED_TO_A_THIRD_PERSON) and not verb.term.startswith("قال"):
                return True
            between = {_word_at(text, word_starts, i) for i in range(first - gap + 1, first)}
            if _to_the_writer(verb, text, word_starts) and self._told_the_writer(hit, verb, between):
                return True
            if between & arabic.SAID_TO_YOU:
                continue
            if between & arabic.SAID_ABOUT:
                return True
            # a verb of saying or writing takes no second object: «اللي كتب هالمقال مرتزق» calls the
            # writer one
            if _calls_an_object(verb) and _object_between(gap, last > first, verb):
                return True
            if gap == 1 and _chants_its_object(verb) and not hit.clitic.endswith(arabic.ARTICLE_ENDINGS):
                return True
            # «اللي بيقول الستات ناقصات عقل …»: a pattern's match that holds a whole claim, a group
            # and its label, right after «whoever says» is the claim reported («قال الله حمار» is not)
            if gap == 1 and last > first and _right_after(verb, text, word_starts, arabic.WHOEVER):
                return True
        return False

    @staticmethod
    def _told_the_writer(hit: WordHit, verb: WordHit, between: set[str]) -> bool:
        """Whether a label after a verb that speaks to the writer is what was said: «قال لي انت غبي»
        (only «to me» and a «you» between), «سمونا بهايم» (a bare label right after a verb of
        calling). «شتمني الحقير ده» names who did it: a label with the article is the subject."""
        if not between <= arabic.TO_THE_WRITER | arabic.SAID_TO_THE_READER:
            return False
        if between & arabic.SAID_TO_THE_READER:
            return True
        return not between and _calls_an_object(verb) and not hit.clitic.endswith(arabic.ARTICLE_ENDINGS)

    @staticmethod
    def _vocative_reported(hit: WordHit, text: NormalizedText, word_starts: list[int], verbs: list[WordHit]) -> bool:
        """Whether a label said with يا is someone else's words to a third party or to the writer: a
        mention verb, the one spoken to (ل and a noun or a third person: للمواطن، لابنه، له), then the
        label — «الظابط بيقول للمواطن يا كلب»، «قال للمدافع يا حيوان» —, a verb with «to him» joined
        right before it («صاحبه قاله يا حمار»), or a verb that speaks to the writer right before it
        (`_to_the_writer`: «قال لي يا غبي»، «كان يناديني يا غبي»). «يقول لك يا حمار» says it to the
        reader."""
        if not _said_to_someone(hit, text, word_starts):
            return False
        # «جاني يا حمار»: a message or a visitor that reached the writer says nothing
        verbs = [verb for verb in verbs if verb.term not in arabic.QUOTATION_NOUNS]
        first = _word_span(hit.start, hit.end, word_starts)[0]
        spoken_to = first - 1 if _vocative_within(hit) else first - 2
        if any(
            _word_span(verb.start, verb.end, word_starts)[1] in (spoken_to, spoken_to - 1)
            and _to_the_writer(verb, text, word_starts) for verb in verbs
        ):
            return True
        # «صاحبه قاله يا حمار»: «to him» joined to the verb right before the يا
        if any(
            _word_span(verb.start, verb.end, word_starts)[1] == spoken_to
            and verb.term.endswith(arabic.JOINED_TO_A_THIRD_PERSON)
            for verb in verbs
        ):
            return True
        if spoken_to < 1:
            return False
        word = _word_at(text, word_starts, spoken_to)
        # ل and a noun of three letters or more: «لا»، «لو»، «لي» are no one spoken to
        third_party = word in arabic.TO_A_THIRD_PERSON or (len(word) >= 4 and word.startswith("ل"))
        if not third_party or word in arabic.SAID_TO_YOU:
            return False
        return any(_word_span(verb.start, verb.end, word_starts)[1] == spoken_to - 1 for verb in verbs)

    @staticmethod
    def _outside_verses(hits: list[WordHit], text: NormalizedText) -> list[WordHit]:
        """The hits outside a verse of the Quran: outside the ornate parentheses that enclose one
        (﴿…﴾), which quote scripture whatever their length and whoever introduces them; and, in a
        comment that carries the Quran's annotation signs (ۚ ۖ ۗ ۝), not written with vowel marks —
        a verse pasted from a mushaf is vowelled throughout, while an insult typed beside it is not
        («وَلَا تَكُن لِّلْخَائِنِينَ خَصِيمًا ۚ» quotes, «انت خائن» next to it does not)."""
        if "﴿" in text.text:
            verses = text.memo("verses", lambda: [verse.span(1) for verse in _VERSE.finditer(text.text)])
            hits = [hit for hit in hits if not any(_within(hit, start, end) for start, end in verses)]
        if hits and _QURANIC_SIGNS.search(text.original):
            hits = [hit for hit in hits if not _VOWEL_MARKS.search(_written(hit, text))]
        return hits

    @staticmethod
    def _not_following(
        hits: list[WordHit], matcher: ListSelection, reach: int, text: NormalizedText, said_to=_VOCATIVE
    ) -> list[WordHit]:
        """The hits not within `reach` words after a phrase of `matcher` in the same sentence; a hit said
        to someone (with يا, or right after a word of `said_to`) is kept whatever stands before it."""
        phrases = _words(matcher, text)
        if not phrases:
            return hits
        word_starts = _word_starts(text)

        def follows(hit: WordHit) -> bool:
            return not _said_to_someone(hit, text, word_starts, said_to) and any(
                _inside(hit, phrase)
                or 0 < _words_after(hit, phrase, word_starts) <= reach and not _sentence_ends_between(hit, phrase, text)
                for phrase in phrases
            )

        return [hit for hit in hits if not follows(hit)]

    def _reported(self, hit: WordHit, text: NormalizedText, word_starts: list[int], ends: list[int]) -> bool:
        """Whether the hit lies in a short quotation that a mention word or verb introduces, or in one
        joined by و، او or a comma to such a quotation before it: «كلمات متل "رافضة" و"نصيرية"»
        names both."""
        introduced = False
        previous = None
        for quote in text.memo("quotations", lambda: list(self._QUOTED.finditer(text.text))):
            first, last = _word_span(*quote.span(1), word_starts)
            short = last - first < self.MAX_QUOTED_WORDS
            listed = previous is not None and self._joined_to_the_last(text.text[previous.end():quote.start()])
            introduced = short and (
                any(0 < first - end <= self.REACH_BEFORE_QUOTE for end in ends) or (introduced and listed)
            )
            # a pattern's match may take the closing mark with it («يا عبد"» ends at a punctuation mark)
            if quote.start(1) <= hit.start and hit.end <= quote.end():
                return introduced
            previous = quote
        return False

    @staticmethod
    def _joined_to_the_last(between: str) -> bool:
        """Whether the text between two quotations only joins them into a list (و، او، a comma)."""
        return between.strip(" ،,") in arabic.OR | {"", "و"}


class AimedAt(_ListFilter):
    """A rule's `except_aimed_at` word lists: the things a curse may be aimed at — a condition, a
    hardship, an abstraction (الغربة، الفقر، الزحمة، الطائفية). A hit is cancelled when the word
    right after it is one of them, and so are the hits inside it: «يلعن ابو الغربة»، «الله يلعن
    الفقر»، «يخرب بيت الغلا» sigh about a condition, whatever the formula. Anything not listed is
    still cursed: «يلعن ابو الاحتلال». A thing joined to ب is the means, not the aim: «الله يموتك
    بالكورونا» wishes death. A rule that reads these lists is a rule of curses, so it also drops a
    formula opened by God that stands inside a name made with الله (arabic.NAMED_WITH_GOD).
    """

    option = "except_aimed_at"

    def keep(self, hits, text):
        return super().keep(_not_in_a_name(hits, text), text) if self.matcher is not None else hits

    def kept(self, hits, things, text):
        word_starts = _word_starts(text)
        thing_firsts = self._thing_firsts(things, word_starts)
        aimed = [hit for hit in hits if self._aim(hit, text, word_starts) in thing_firsts]
        # «لعنة الله على الغلا» holds «لعنة الله» and the shorter «لعنة»: the longer one's aim is theirs
        return _uncovered(hits, aimed)

    def things_at(self, spans: list[tuple[int, int]], text: NormalizedText) -> set[tuple[int, int]]:
        """Which of these spans of the text start with a thing: the aims a pattern names
        («يا رب الفتنة تموت»)."""
        if self.matcher is None or not spans:
            return set()
        word_starts = _word_starts(text)
        thing_firsts = self._thing_firsts(_words(self.matcher, text), word_starts)
        return {span for span in spans if _word_span(*span, word_starts)[0] in thing_firsts}

    @staticmethod
    def _thing_firsts(things: list[WordHit], word_starts: list[int]) -> set[int]:
        # a thing behind ب is what the harm comes by, not what is cursed: «تموت بالكورونا»
        return {_word_span(thing.start, thing.end, word_starts)[0] for thing in things if "ب" not in thing.clitic}

    def _aim(self, hit: WordHit, text: NormalizedText, word_starts: list[int]) -> int:
        """The index of the word a curse is aimed at: the next one, past one linking word."""
        after = _word_span(hit.start, hit.end, word_starts)[1] + 1
        if after < len(word_starts) and _word_at(text, word_starts, after) in arabic.CURSE_LINKS:
            return after + 1
        return after


class LiteralScenes(_ListFilter):
    """A rule's `scene_words` and `scene_cues` word lists: an animal or a dirt word (`scene_words`:
    كلب، حمار، خنازير، زبالة) is the animal or the dirt when a word that sets a literal scene
    (`scene_cues`: a farm, a zoo, a vet, a bite, the municipality's bins) stands within
    SCENE_WINDOW words of it in the same sentence: «الكلاب الضالة عضت طفلا»، «البلدية لم تجمع
    الزبالة». So is the writer's own beast or his kin's, with no cue (`_owned`: «الكلب تبعنا»،
    «مطي جدي»، «البغل ديال عمي»، «جدي كان عندو حمار»). Said to someone it is still an insult: with يا, or after
    a pronoun («انت حمار»، «هم كلاب») it is kept whatever the scene.
    """

    option = "scene_cues"
    words_option = "scene_words"
    SCENE_WINDOW = 6
    # the possessives that make the word the writer's own animal, and the kin whose beast it is in
    # construct («مطي جدي»), a scene in themselves
    OWNERS = arabic.OWNED_BY_THE_WRITER | arabic.KIN_OF_A_BEAST

    def __init__(self, words, cues, lexicons: Lexicons):
        super().__init__(cues, lexicons)
        lexicons.check_names(words or (), self.words_option)
        self.words = frozenset(term for name in words or () for term in lexicons.normalized(name))
        if bool(self.words) != (self.matcher is not None):
            raise RuleConfigError(self.option, f"{self.words_option} and {self.option} are given together")

    def keep(self, hits, text):
        # read without a cue too: a possessive right after the word is a scene of its own (not for
        # work and things, which have no owners)
        if self.matcher is None or not hits or not self.OWNERS:
            return super().keep(hits, text)
        return self.kept(hits, _words(self.matcher, text), text)

    def kept(self, hits, cues, text):
        word_starts = _word_starts(text)
        return [hit for hit in hits if not self._in_scene(hit, cues, text, word_starts)]

    def _in_scene(self, hit: WordHit, cues: list[WordHit], text: NormalizedText, word_starts: list[int]) -> bool:
        if hit.term not in self.words or _said_to_someone(hit, text, word_starts, arabic.SAID_TO):
            return False
        if self.OWNERS and self._owned(hit, text, word_starts):
            return True
        return any(
            self._near(hit, cue, word_starts) and not _sentence_ends_between(hit, cue, text) for cue in cues
        )

    def _near(self, hit: WordHit, cue: WordHit, word_starts: list[int]) -> bool:
        return _apart(hit, cue, word_starts) <= self.SCENE_WINDOW

    def _owned(self, hit: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
        """Whether the word is the beast of the writer («الكلب تبعنا») or of the writer's kin: kin
        right after it («مطي جدي», read with the owners), a possessive particle and kin right after it
        («البغل ديال عمي»), or kin, maybe «كان», then «has» right before it («جدي كان عندو حمار»)."""
        first, last = _word_span(hit.start, hit.end, word_starts)
        after = _words_at(text, word_starts, last + 1, last + 3)
        if after and after[0] in self.OWNERS:
            return True
        if len(after) == 2 and after[0] in arabic.POSSESSIVE_PARTICLES and after[1] in arabic.KIN:
            return True
        before = _words_at(text, word_starts, first - 3, first)
        if not before or before[-1] not in arabic.HAS_ONE:
            return False
        kin = before[:-1]
        if kin and kin[-1] in arabic.KIN:
            return True
        return len(kin) == 2 and kin[0] in arabic.KIN and kin[1] in arabic.KIN_HAD


class DescribedWork(LiteralScenes):
    """A rule's `quality_words` and `work_nouns` word lists: a word of poor quality (`quality_words`:
    تافه، سخيف، غبي) said of a piece of work (`work_nouns`: an idea, an episode, a plan, a video)
    judges the work, not a person: «فكرة سخيفة»، «الحلقة كانت تافهة»، «خطة المدرب غبية». The work
    comes first: with the article the word describes the noun right before it («الفكرة السخيفة»),
    without it the word is a predicate and may stand three words after it, past a copula and the
    noun's complement («خطة المدرب كانت غبية»، «خدمة الانترنت عندنا زبالة»). The work must head
    its phrase: «مقدم البرنامج تافه» calls the presenter trivial, so a definite work noun after a
    word without the article counts only when that word is an opener (arabic.PHRASE_OPENERS: «هذه
    الفكرة سخيفة»). «فيديو ترامب الغبي» calls Trump stupid, and said to someone («يا غبي»، «انت
    غبي») it is still an insult."""

    option = "work_nouns"
    words_option = "quality_words"
    OWNERS = frozenset()
    # how many words after the work a predicate without the article may stand: past the noun's
    # complement and a copula («خطة المدرب كانت غبية»)
    PREDICATE_REACH = 3

    def kept(self, hits, cues, text):
        word_starts = _word_starts(text)
        return super().kept(hits, [cue for cue in cues if self._heads_its_phrase(cue, text, word_starts)], text)

    def _in_scene(self, hit: WordHit, cues: list[WordHit], text: NormalizedText, word_starts: list[int]) -> bool:
        # «فكرتك سخيفة زيك»، «تلفونك غبي متلك»: likened to someone, the word is said of a person too
        # (looked at only for a hit the work or thing would excuse)
        return super()._in_scene(hit, cues, text, word_starts) and not self._likened_to_someone(
            hit, text, word_starts
        )

    @staticmethod
    def _likened_to_someone(hit: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
        last = _word_span(hit.start, hit.end, word_starts)[1]
        after = _words_at(text, word_starts, last + 1, last + 3)
        if not after or _SENTENCE_END.search(text.text, hit.end, word_starts[last + 1]):
            return False
        if after[0] in arabic.LIKE_SOMEONE:
            return True
        return after[0] in arabic.LIKE and len(after) == 2 and after[1] in arabic.LIKE_WHOSE

    def _near(self, hit: WordHit, cue: WordHit, word_starts: list[int]) -> bool:
        distance = _words_after(hit, cue, word_starts)
        return 0 < distance <= (1 if hit.clitic.endswith(arabic.ARTICLE_ENDINGS) else self.PREDICATE_REACH)

    @staticmethod
    def _heads_its_phrase(cue: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
        first = _word_span(cue.start, cue.end, word_starts)[0]
        # «والأكل الزبالة»: a conjunction opens a new phrase, so the noun after it heads its own
        if first == 0 or not cue.clitic.endswith(arabic.ARTICLE_ENDINGS) or cue.clitic.startswith(("و", "ف")):
            return True
        before = _word_at(text, word_starts, first - 1)
        if _SENTENCE_END.search(text.text, word_starts[first - 1], cue.start):
            return True
        return before.startswith("ال") or before in arabic.PHRASE_OPENERS


class DescribedThing(DescribedWork):
    """A rule's `dirt_words` and `thing_nouns` word lists: a word of filth or backwardness
    (`dirt_words`: زفت، زبالة، وسخ، متخلف) said of an everyday thing (`thing_nouns`: the weather, the
    internet, a match, an exam, a road, an app) judges the thing, read as DescribedWork reads work:
    «الجو زفت»، «خدمة الانترنت زبالة»، «الماتش كان زفت». Kept apart from work: a programme, an
    article or a channel called rubbish is name-calling of the people behind it."""

    option = "thing_nouns"
    words_option = "dirt_words"


class _SaidRightAfter(_ListFilter):
    """A hit right after a marker word of the rule's lists — or after one and a word of being (كنت،
    صرت، بقيت، اصلا: arabic.BEING) — is not asserted of anyone and is dropped. Said with يا it is
    said to someone and stays. A marker is a whole word («نفسيين», psychological, is no نفسي + ين)."""

    # the words that may stand between the marker and the hit
    LINKS = arabic.BEING

    def kept(self, hits, markers, text):
        word_starts = _word_starts(text)
        marker_lasts = {_word_span(m.start, m.end, word_starts)[1] for m in markers if not m.suffix}
        return [hit for hit in hits if not self._right_after(hit, marker_lasts, text, word_starts)]

    def _carried(self, first: int, marker_lasts: set[int], text: NormalizedText, word_starts: list[int]) -> bool:
        """Whether a marker further back still governs the word at `first` (none by default)."""
        return False

    def _right_after(self, hit: WordHit, marker_lasts: set[int], text: NormalizedText, word_starts: list[int]) -> bool:
        if _said_to_someone(hit, text, word_starts):
            return False
        first = _word_span(hit.start, hit.end, word_starts)[0]
        if first - 1 in marker_lasts:
            return True
        if first >= 2 and first - 2 in marker_lasts and _word_at(text, word_starts, first - 1) in self.LINKS:
            return True
        return self._carried(first, marker_lasts, text, word_starts)


class SaidOfSelf(_SaidRightAfter):
    """A rule's `self_markers` word lists: the first person a writer mocks himself with (انا، اني،
    لاني، كأني، حالي، نفسي، عني، شكلي). «انا غبي»، «شكلي غبي رسمي»، «انا كنت اهبل»، «قالوا عني
    مجنون»، «انا زول بليد» pass; «انا غبي لاني صدقتك يا حمار» still holds for حمار. First-person
    plurals are no markers: «نحن العرب اغبياء» is said of a people.
    """

    LINKS = arabic.BEING | arabic.A_PERSON

    option = "self_markers"


class Negated(_SaidRightAfter):
    """A rule's `negators` word lists: the particles that deny a predicate (مش، مو، ليس، لست، مانك).
    «الفاسد مش خائن»، «انت مش مجرم»، «لست غبيا» deny the label instead of giving it; «مش بس كذاب»
    (not only a liar) is no denial, since بس stands between, and «مش فاهم شي يا حمار» still holds.
    ولا carries the denial to the word after the next: «مش زعران ولا حرامية». و does not: «مش محترم
    وحقير» denies one label and gives the next.
    """

    option = "negators"
    _AND_NOT = "ولا"

    def kept(self, hits, markers, text):
        # «لو ما كان جحش ما صار قنصل»: a denial after «if» supposes the contrary, so it gives the label
        word_starts = _word_starts(text)
        denying = [marker for marker in markers if not self._supposed(marker, text, word_starts)]
        return super().kept(hits, denying, text)

    @staticmethod
    def _supposed(marker: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
        # «حتى لو مش خاين، غلطته كبيرة» concedes: the denial stands
        if not _right_after(marker, text, word_starts, arabic.COUNTERFACTUAL):
            return False
        first = _word_span(marker.start, marker.end, word_starts)[0]
        return first < 2 or _word_at(text, word_starts, first - 2) not in arabic.EVEN

    def _carried(self, first, marker_lasts, text, word_starts):
        # «مش زعران ولا حرامية»: a negator, a word, ولا, then the label
        return first >= 3 and first - 3 in marker_lasts and _word_at(text, word_starts, first - 1) == self._AND_NOT


class Governed(_ListFilter):
    """A rule's `except_after` word lists: nouns that govern the word after them (حكام، ملوك،
    حكومة، جيش، أنظمة). For a pattern rule, a match that starts right after one is not said of its
    first word: «حكام العرب مجرمون» charges the rulers, not the Arabs; «العرب مجرمون» still hits.
    The governing noun may carry a suffix («حكامنا العرب») or the article («الحكام العرب», the
    adjective). For a targeted rule, a target right after one, written without the article, is the
    second term of a construct and no target: «حكومة نتنياهو مجرمة» charges the government, while
    in «رئيس النظام بشار مجرم» (the article: no construct) بشار is still the target."""

    option = "except_after"

    def __init__(self, names, lexicons: Lexicons, construct_only: bool = False):
        super().__init__(names, lexicons)
        self.construct_only = construct_only

    def kept(self, hits, governors, text):
        word_starts = _word_starts(text)
        governor_lasts = {
            _word_span(g.start, g.end, word_starts)[1] for g in governors if self._governs(g, text, word_starts)
        }
        return [
            hit for hit in hits
            if not (_word_span(hit.start, hit.end, word_starts)[0] - 1 in governor_lasts
                    and self._governed(hit, text, word_starts))
        ]

    def _governs(self, noun: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
        return not (self.construct_only and noun.clitic.endswith(arabic.ARTICLE_ENDINGS))

    def _governed(self, hit: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
        return True


class Qualified(Governed):
    """A targeted rule's `except_qualifying` word lists: nouns that a demonstrative written after
    them qualifies (النظام ده، الحكومة دي، الجيش هذا: "this regime"). A target right after one,
    article and all, points at that noun, not at a person: «النظام ده مجرم في حق شعبه» charges a
    regime, while «الراجل ده مجرم» still hits."""

    option = "except_qualifying"

    def __init__(self, names, lexicons: Lexicons):
        super().__init__(names, lexicons, construct_only=False)


class Described(Governed):
    """A targeted rule's `except_described` word lists: bodies and forces that a people's or a sect's
    adjective describes (الميليشيات، القوات، السفير). A target right after one, both written with the
    article, agrees with it as an adjective and is no target: «اطردوا الميليشيات الايرانية» aims at
    militias. Without the article on the noun the target is the complement of a construct and still
    counts: «اطردوا عصابات السوريين» aims at Syrians."""

    option = "except_described"

    def _governs(self, noun, text, word_starts):
        return _definite(_word_at(text, word_starts, _word_span(noun.start, noun.end, word_starts)[0]))

    def _governed(self, hit, text, word_starts):
        return _definite(_word_at(text, word_starts, _word_span(hit.start, hit.end, word_starts)[0]))


class Adjectival(_ListFilter):
    """A pattern rule's `adjectives` word lists: a people's singular adjective (المصري، السوري،
    العربي). Written with the article right after a definite word that is no target itself, with no
    punctuation between, it describes that word, a body, a thing or a season — «الاعلام المصري ما
    بيعرف غير التطبيل»، «الصيف العراقي ما يجي منه غير الحر» — and is no target. Opening its clause,
    or after a word without the article, it stands for the people: «المصري ما بيعرف غير الفهلوة»."""

    option = "adjectives"

    def kept(self, hits, adjectives, text):
        word_starts = _word_starts(text)
        adjective_words = {_word_span(a.start, a.end, word_starts)[0] for a in adjectives}
        spans = [_word_span(hit.start, hit.end, word_starts) for hit in hits]
        target_words = {index for first, last in spans for index in range(first, last + 1)}
        return [hit for hit in hits if not self._describes(hit, adjective_words, target_words, text, word_starts)]

    @staticmethod
    def _describes(hit, adjective_words, target_words, text, word_starts) -> bool:
        first, last = _word_span(hit.start, hit.end, word_starts)
        if first != last or first not in adjective_words or first == 0 or first - 1 in target_words:
            return False
        between = text.text[word_starts[first - 1]:word_starts[first]]
        return (
            _definite(_word_at(text, word_starts, first)) and _definite(_word_at(text, word_starts, first - 1))
            and not (_SENTENCE_END.search(between) or _CLAUSE_COMMA.search(between))
        )


def _definite(word: str) -> bool:
    """Whether a word carries the article, behind a conjunction or ب / ك or not."""
    bare = arabic.behind_conjunction(word)
    return bare.startswith(arabic.ARTICLE_ENDINGS) or (bare[:1] in "بك" and bare[1:].startswith("ال"))


class Titled(_ListFilter):
    """A rule's `titles` word lists: nouns that name a work (رواية، فيلم، مسلسل، أغنية، قصيدة). A hit
    with the article right after one, or the second of a pair joined by و, is the work's title, not
    a label: «رواية اللص والكلاب»، «فيلم الكلب الأندلسي»، «مسلسل الكلب والقطة». Without the article
    the word describes the work («فيلم فاشل يا ...») and is read as any other."""

    option = "titles"

    def kept(self, hits, titles, text):
        word_starts = _word_starts(text)
        title_lasts = [_word_span(title.start, title.end, word_starts)[1] for title in titles]
        return [hit for hit in hits if not self._in_a_title(hit, title_lasts, text, word_starts)]

    @staticmethod
    def _in_a_title(hit: WordHit, title_lasts: list[int], text: NormalizedText, word_starts: list[int]) -> bool:
        if not hit.clitic.endswith(arabic.ARTICLE_ENDINGS):
            return False
        first = _word_span(hit.start, hit.end, word_starts)[0]
        # the second of a pair follows a first title word with the article: «اللص والكلاب», not
        # «رواية جميلة والكلاب»
        return any(
            _named_after(hit, first - last, _word_at(text, word_starts, first - 1).startswith("ال"))
            for last in title_lasts
        )


class InHistory(_ListFilter):
    """A rule's `history_markers` word lists: the times before Islam (قبل الاسلام، في الجاهلية، قبل
    الفتح). A label told of the past — «was» (arabic.WAS) among the two words before it — with one of
    these within four words of it, in the same sentence, is history, not name-calling: «كان الفرس
    مجوسا قبل الاسلام»، «قبل الاسلام العرب كانوا عباد الاصنام». Said with يا, in the present («الفرس
    مجوس قبل الاسلام»), or said to go on after that time (arabic.STILL: «كانوا عباد الصليب قبل الاسلام
    وما زالوا»، «وبعده»), it stays."""

    option = "history_markers"
    REACH_BACK_TO_WAS = 2
    REACH_TO_MARKER = 4

    def kept(self, hits, markers, text):
        word_starts = _word_starts(text)
        return [hit for hit in hits if not self._told_of_the_past(hit, markers, text, word_starts)]

    def _told_of_the_past(
        self, hit: WordHit, markers: list[WordHit], text: NormalizedText, word_starts: list[int]
    ) -> bool:
        if _said_to_someone(hit, text, word_starts):
            return False
        first = _word_span(hit.start, hit.end, word_starts)[0]
        if arabic.WAS.isdisjoint(_words_at(text, word_starts, first - self.REACH_BACK_TO_WAS, first)):
            return False
        return any(
            0 < _apart(hit, marker, word_starts) <= self.REACH_TO_MARKER
            and not _sentence_ends_between(hit, marker, text)
            and not self._still_so(marker, text, word_starts)
            for marker in markers
        )

    def _still_so(self, marker: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
        """Whether the sentence says it goes on after that time: «قبل الاسلام وبعده»، «وما زالوا»."""
        last = _word_span(marker.start, marker.end, word_starts)[1]
        for index in range(last + 1, min(last + 1 + self.REACH_TO_MARKER, len(word_starts))):
            if _SENTENCE_END.search(text.text[marker.end:word_starts[index]]):
                return False
            if _word_at(text, word_starts, index) in arabic.STILL:
                return True
        return False


class _HitFilters:
    """What drops a word-list rule's hits before they count, in this order: exceptions and written
    exceptions, things aimed at, titles of works, mentions (reports, denials, scripture), literal
    scenes, described work and things, self-mockery, denial and history."""

    def __init__(self, options: dict, lexicons: Lexicons):
        self.exceptions = Exceptions(options.get("except"), lexicons)
        self.aimed_at = AimedAt(options.get("except_aimed_at"), lexicons)
        self.written = WrittenExceptions(options.get("except_written"), lexicons)
        self.mentions = Mentions(
            options.get("mentions"), options.get("mention_verbs"), lexicons, options.get("mention_denials"),
            options.get("mention_scripture"),
        )
        self.scenes = LiteralScenes(options.get("scene_words"), options.get("scene_cues"), lexicons)
        self.work = DescribedWork(options.get("quality_words"), options.get("work_nouns"), lexicons)
        self.things = DescribedThing(options.get("dirt_words"), options.get("thing_nouns"), lexicons)
        self.self_said = SaidOfSelf(options.get("self_markers"), lexicons)
        self.negated = Negated(options.get("negators"), lexicons)
        self.titled = Titled(options.get("titles"), lexicons)
        self.history = InHistory(options.get("history_markers"), lexicons)

    def keep(self, hits: list[WordHit], text: NormalizedText) -> list[WordHit]:
        hits = self.titled.keep(self.aimed_at.keep(self.ordinary(hits, text), text), text)
        hits = self.work.keep(self.scenes.keep(self.mentions.keep(hits, text), text), text)
        hits = self.things.keep(hits, text)
        hits = self.self_said.keep(hits, text)
        return self.history.keep(self.negated.keep(hits, text), text)

    def ordinary(self, hits: list[WordHit], text: NormalizedText) -> list[WordHit]:
        """The hits no exception makes an ordinary word: what a targeted rule's targets must pass
        too, since a word listed as an exception («مهرجان», a festival, not مهرج + ان) is ordinary
        in any role."""
        return self.written.keep(self.exceptions.keep(hits, text), text)


class LexiconCheck(Check):
    """A listed term occurs as a word (clitics and endings allowed by the term's length); with
    `split_words`, also as a word cut in two by a space («شر موطة»), anywhere or only where said to
    someone («يا حما ر»; split.py)."""

    options = {
        "lexicons": _NAMES,
        "split_words": fields.String(validate=validate.OneOf([split.ANYWHERE, split.SAID_TO])),
        # a label counts only thrown as a sentence of its own («مجرمين.»): insult.label_hurled
        "alone": fields.Boolean(),
        **_WORD_RULE_EXCEPTIONS,
    }

    def __init__(self, options, lexicons):
        super().__init__(options, lexicons)
        self.matcher = lexicons.matcher_for(options["lexicons"], "lexicons")
        self.filters = _HitFilters(options, lexicons)
        self.cut_words = split.CutWords(self.matcher) if "split_words" in options else None

    def find(self, text):
        hits = _words(self.matcher, text)
        if self.cut_words is not None:
            hits = sorted(hits + self._cut_words(text), key=lambda hit: hit.start)
        kept = self.filters.keep(hits, text)
        if self.config.get("alone"):
            kept = [hit for hit in kept if _alone_in_its_piece(hit, text)]
        return [_word_match(hit) for hit in kept]

    def _cut_words(self, text: NormalizedText) -> list[WordHit]:
        cut = self.cut_words.find(text)
        if cut and self.config["split_words"] == split.SAID_TO:
            word_starts = _word_starts(text)
            cut = [
                hit for hit in cut
                if self.cut_words.by_mark(hit, text) or _said_to_someone(hit, text, word_starts, before=arabic.SAID_TO)
            ]
        return cut


class PatternCheck(Check):
    """An RE2 pattern matches the normalized text (\\m, \\M: Arabic-aware word boundaries).

    With `mentions` / `mention_verbs` / `mention_denials` / `mention_scripture`, a match they make a
    mention of is dropped, as a word-list hit is: «هتافات "الموت للعرب"» reports a chant. With
    `except_aimed_at`, so is a match aimed at a listed thing: «ان شاء الله تموت الفتنة» wishes an end
    to strife, not to a person. The aim is
    the word after the match, or the word a group of the pattern named `aim` starts at, when it
    names one: «يا رب (?P<aim>…) يموت» reads «يا رب الظلم يموت» as a wish on a thing. With
    `except_after`, a match right after a governing noun is dropped: «حكام العرب مجرمون». With
    `targets`, a match counts only within `window` words of a target, as a targeted rule's word
    does: a threat («بقتلك») next to a sect («يا شيعي») is sectarian incitement; a target that a word
    of `except_targets` covers does not count («الامريكان لازم يطلعوا من ارضنا» asks an army to
    leave, where «الافغان لازم يطلعوا من بلدنا» tells a people to go). With
    `self_markers`, a match right after the first person is said of the writer: «انا اغبى واحد».
    Every pattern drops a match opened by God inside a person's or a party's name made with الله or
    right after praise (`_not_in_a_name`): «حزب الله مجرم»، «ما شاء الله كلب جميل».

    A pattern may name a word list of the policy as {{name}}: it stands for any of the list's
    terms («\\m{{peoples}}\\s+{{stereotypes}}\\M»), so a list grows without editing the pattern.
    """

    options = {
        "pattern": fields.String(required=True, validate=validate.Length(min=1)),
        "mentions": _OPTIONAL_LISTS, "mention_verbs": _OPTIONAL_LISTS, "except_aimed_at": _OPTIONAL_LISTS,
        "mention_denials": _OPTIONAL_LISTS, "mention_scripture": _OPTIONAL_LISTS, "except_after": _OPTIONAL_LISTS,
        "targets": _OPTIONAL_LISTS, "window": fields.Integer(load_default=3, validate=validate.Range(min=0, max=50)),
        "except_targets": _OPTIONAL_LISTS, "self_markers": _OPTIONAL_LISTS,
        "except_described": _OPTIONAL_LISTS, "adjectives": _OPTIONAL_LISTS,
    }

    def __init__(self, options, lexicons):
        super().__init__(options, lexicons)
        self.source = expand_lists(options["pattern"], lexicons.normalized)
        self.pattern = CompiledPattern(self.source)
        self.governed = Governed(options.get("except_after"), lexicons)
        self.targets = lexicons.matcher_for(options["targets"], "targets") if options.get("targets") else None
        self.not_targets = (
            lexicons.matcher_for(options["except_targets"], "except_targets") if options.get("except_targets") else None
        )
        self.window = options["window"]
        self.described = Described(options.get("except_described"), lexicons)
        self.adjectival = Adjectival(options.get("adjectives"), lexicons)
        self.mentions = Mentions(
            options.get("mentions"), options.get("mention_verbs"), lexicons, options.get("mention_denials"),
            options.get("mention_scripture"),
        )
        self.aimed_at = AimedAt(options.get("except_aimed_at"), lexicons)
        self.self_said = SaidOfSelf(options.get("self_markers"), lexicons)

    def find(self, text):
        # rules that read the same pattern (person.threat, sectarian.threat …) share one scan per text
        aimed = text.memo(("pattern", self.source), lambda: self.pattern.find(text.text))
        if not aimed:
            return []
        at_things = self.aimed_at.things_at([aim for _, aim in aimed if aim is not None], text)
        found = [match for match, aim in aimed if aim is None or aim not in at_things]
        hits = _not_in_a_name([WordHit(m.start, m.end, m.term, "", "") for m in found], text, praising=True)
        kept = self.governed.keep(self.mentions.keep(self.aimed_at.keep(hits, text), text), text)
        kept = self.self_said.keep(kept, text)
        if self.targets is not None and kept:
            kept = self._near_a_target(kept, text)
        spans = {(hit.start, hit.end) for hit in kept}
        return [match for match in found if (match.start, match.end) in spans]

    def _near_a_target(self, hits: list[WordHit], text: NormalizedText) -> list[WordHit]:
        targets = _words(self.targets, text)
        if self.not_targets is not None:
            targets = _uncovered(targets, _words(self.not_targets, text))
        targets = self.adjectival.keep(self.described.keep(targets, text), text)
        word_starts = _word_starts(text)
        return [hit for hit in hits if _nearest_target(hit, targets, self.window, word_starts, text) is not None]


# clitics that aim the word they are joined to at someone, when a rule's target lists hold them,
# with the step they add and the endings of a word's proclitic that spell them: the vocative
# («ياحمار», and with the article «يالحمار», one alif for both) and the dialect demonstrative
# ها + ال («هالعميل», "this agent")
POINTING_CLITICS = {
    arabic.VOCATIVE: ("addressed with يا", (arabic.VOCATIVE, arabic.VOCATIVE_ARTICLE)),
    arabic.DEMONSTRATIVE_ARTICLE: ("pointed at with هال", (arabic.DEMONSTRATIVE_ARTICLE,)),
}


class TargetedCheck(Check):
    """An offensive term within `window` words of a target (the writer, God, a people …).

    With `targets_first`, only a target before the offensive word counts.

    A vocative يا joined to the offensive word ("ياحمار", with the article "يالحمار") counts as a
    target when the target lists hold يا, and the demonstrative هال («هالعميل») when they hold
    هال. Offensive words covered by an `except` phrase or made a mention by a `mentions` word are
    dropped before any target is looked for.
    """

    options = {
        "lexicons": _NAMES,
        "targets": _NAMES,
        "window": fields.Integer(load_default=3, validate=validate.Range(min=0, max=50)),
        "except_after": _OPTIONAL_LISTS,
        "except_qualifying": _OPTIONAL_LISTS,
        "except_described": _OPTIONAL_LISTS,
        "addressed_act": fields.Boolean(load_default=False),
        "targets_first": fields.Boolean(load_default=False),
        **_WORD_RULE_EXCEPTIONS,
    }

    def __init__(self, options, lexicons):
        super().__init__(options, lexicons)
        self.offensive = lexicons.matcher_for(options["lexicons"], "lexicons")
        # a target that only governs what follows it: «شوية لصوص» is a bunch of thieves, «خايب شوية»
        # is a little poor
        self.targets_first = options["targets_first"]
        self.targets = lexicons.matcher_for(options["targets"], "targets")
        self.window = options["window"]
        self.clitic_targets = tuple(clitic for clitic in POINTING_CLITICS if self.targets.find(clitic))
        self.filters = _HitFilters(options, lexicons)
        self.governed = Governed(options.get("except_after"), lexicons, construct_only=True)
        self.qualified = Qualified(options.get("except_qualifying"), lexicons)
        self.described = Described(options.get("except_described"), lexicons)
        self.addressed_act = options["addressed_act"]

    def find(self, text):
        offensive = self.filters.keep(_words(self.offensive, text), text)
        if not offensive:
            return []
        targets = self.filters.ordinary(_words(self.targets, text), text)
        targets = self.described.keep(self.qualified.keep(self.governed.keep(targets, text), text), text)
        if not targets and not self.clitic_targets:
            return []
        word_starts = _word_starts(text)
        targets = [target for target in targets if not _opens_a_relative_clause(target, text, word_starts)]
        found = []
        for hit in offensive:
            pointing = next((c for c in self.clitic_targets if hit.clitic.endswith(POINTING_CLITICS[c][1])), None)
            if pointing is not None:
                found.append(_word_match(hit, POINTING_CLITICS[pointing][0]))
                continue
            near = _not_the_callers(hit, targets, text, word_starts) if self.addressed_act else targets
            if self.targets_first:
                near = [target for target in near if target.end <= hit.start]
            target = _nearest_target(hit, near, self.window, word_starts, text)
            if target is not None:
                start, end = text.to_original(target.start, target.end)
                found.append(_word_match(hit, f"near target «{text.original[start:end]}»"))
        return found


# how far before a group the vocative may stand and still address it: «يا شعب لبنان»، «يا ابناء
# الشعب السوري»، «يا ايها العرب»
_VOCATIVE_REACH = 2


def _not_the_callers(call: WordHit, targets: list[WordHit], text: NormalizedText, word_starts: list[int]):
    """The targets a call may be aimed at. A one-word call that names its own object after it
    («اطردوا الزعماء») is aimed at that object; a group addressed with يا before it is the one asked to
    act: «يا شعب لبنان اطردوا الزعماء الفاسدين» calls on the Lebanese. With no object named after it, or
    as a phrase that holds where to go, the call is aimed at the addressee: «يا سوريين اطلعوا برا
    بلدنا»، «يا سوريين ارجعوا لبلدكم الله معكم»، «يا سوريين ارحلوا من هون»."""
    first, last = _word_span(call.start, call.end, word_starts)
    if first != last:  # a call of several words («اطلعوا برا»، «ارجعوا لبلدكم») is told to the addressee
        return targets
    if last + 1 >= len(word_starts) or _SENTENCE_END.search(text.text[call.end:word_starts[last + 1]]):
        return targets
    if _word_at(text, word_starts, last + 1) in arabic.NOT_AN_OBJECT:
        return targets
    return [target for target in targets if not (target.end <= call.start and _addressed(target, text, word_starts))]


def _addressed(target: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
    """Whether the vocative stands on the group or a word or two before it, in the same sentence."""
    if _vocative_within(target):
        return True
    first = _word_span(target.start, target.end, word_starts)[0]
    for index in range(max(first - _VOCATIVE_REACH, 0), first):
        if _word_at(text, word_starts, index) == arabic.VOCATIVE:
            return not _SENTENCE_END.search(text.text[word_starts[index]:target.start])
    return False


def _opens_a_relative_clause(target: WordHit, text: NormalizedText, word_starts: list[int]) -> bool:
    """Whether the target is a vocative يا followed by «من» (arabic.VOCATIVE_RELATIVE): in «يا من ستر
    القبيح» the ugly is what God veils, not what the one called is; «يا من باع وطنه يا خاين» still
    calls a traitor with the second يا."""
    after = _word_span(target.start, target.end, word_starts)[1] + 1
    return (
        text.text[target.start:target.end] == arabic.VOCATIVE
        and after < len(word_starts)
        and _word_at(text, word_starts, after) == arabic.VOCATIVE_RELATIVE
    )


def _nearest_target(hit: WordHit, targets: list[WordHit], window: int, word_starts: list[int], text: NormalizedText):
    """The nearest target within `window` words of the hit, in the same sentence (a copula or a
    possessive or an Arabizi article written apart between them does not count: `_apart_past_links`)."""
    best, best_distance = None, window + 1
    for target in targets:
        if target.start < hit.end and hit.start < target.end:
            continue  # the same words: a target is not its own insult
        distance = _apart_past_links(hit, target, word_starts, text)
        if distance < best_distance and not _sentence_ends_between(hit, target, text):
            if hit.end <= target.start and _CLAUSE_COMMA.search(text.text, hit.end, target.start) \
                    and not _opens_its_sentence(hit, text):
                continue  # «كلام مقرف، دول بشر زينا»: a comma after the word opens the next clause
            best, best_distance = target, distance
    return best


class LinksCheck(Check):
    """At least `min_links` links: http(s) URLs, www. addresses, bare domains."""

    options = {"min_links": fields.Integer(load_default=1, validate=validate.Range(min=1))}

    def find(self, text):
        links = spam.find_links(text.plain)
        return links if len(links) >= self.config["min_links"] else []


class ContactCheck(Check):
    """Phone numbers (any digits, spaced or not), messaging handles and apps, emails."""

    options = {
        "kinds": fields.List(
            fields.String(validate=validate.OneOf(sorted(spam.CONTACT_KINDS))),
            load_default=lambda: sorted(spam.CONTACT_KINDS),
            validate=validate.Length(min=1),
        )
    }

    def find(self, text):
        return spam.find_contacts(text, self.config["kinds"])


class RepetitionCheck(Check):
    """Repeated words or phrases, Latin shouting, or one character flooded."""

    options = {
        "max_repeat": fields.Integer(validate=validate.Range(min=1)),
        "max_caps_ratio": fields.Float(validate=validate.Range(min=0, max=1, min_inclusive=False)),
        "min_length": fields.Integer(load_default=20, validate=validate.Range(min=1)),
        "max_char_run": fields.Integer(validate=validate.Range(min=1)),
    }

    def __init__(self, options, lexicons):
        super().__init__(options, lexicons)
        if not {"max_repeat", "max_caps_ratio", "max_char_run"} & set(options):
            raise RuleConfigError("max_repeat", "give max_repeat, max_caps_ratio or max_char_run")

    def find(self, text):
        config, found = self.config, []
        if "max_repeat" in config:
            found += spam.find_repeated_words(text.text, config["max_repeat"])
        if "max_char_run" in config:
            found += spam.find_flooding(text.original, config["max_char_run"])
        if "max_caps_ratio" in config:
            found += spam.find_shouting(text.original, config["max_caps_ratio"], config["min_length"])
        return found


class MaskedCheck(Check):
    """A self-censored word — letters hidden behind stars, hashes or dots («ك*ب»، «ش**موطة»،
    «ط..ز») — that spells a term of the lists whole, alone or with the word after it («ك*** امك»;
    masked.py). Looked for only when the text holds a mask."""

    options = {"lexicons": _NAMES}

    def __init__(self, options, lexicons):
        super().__init__(options, lexicons)
        lexicons.check_names(options["lexicons"], "lexicons")
        self.terms = masked.index_terms(term for name in options["lexicons"] for term in lexicons.normalized(name))

    def find(self, text):
        if not masked.may_hold_masks(text.original):
            return []
        return masked.find_masked(text.original, self.terms)


CHECKS: dict[str, type[Check]] = {
    "lexicon": LexiconCheck,
    "pattern": PatternCheck,
    "targeted": TargetedCheck,
    "links": LinksCheck,
    "contact": ContactCheck,
    "repetition": RepetitionCheck,
    "masked": MaskedCheck,
}
