"""Words cut in two by a space or a mark typed inside them («شر موطة»، «شر.موط»، «خو لات»، «يا حما ر»):
two neighbouring words that, joined, are a listed term whole.

The normalizer joins runs of single letters («ك ل ب») but leaves a word cut into longer pieces,
which no stage can tell from two words without knowing the lists. Here the lists decide, and
narrowly, since two ordinary words may spell a term («كل اب» is "every father", not كلاب; «ان يكون»
spells انيك + ون): the pieces count only when joined they are exactly a listed term — behind an
optional proclitic on the first piece, with no ending — of at least MIN_LETTERS letters, neither
piece is a listed term itself (that word hits on its own), and neither is one of the common words
in STANDALONE. For lists of words that ordinary pairs spell more easily (insults: «لقي طه», found
Taha, spells لقيطه), a rule may ask for the cut word only where it is said to someone (SAID_TO:
after يا or a pronoun of arabic.SAID_TO, «يا حما ر»، «انت حما ر», or behind the joined vocative),
which checks.LexiconCheck tells as it does for every other hit.
"""

import itertools
import re

from app.rules import arabic
from app.rules.normalize import NormalizedText, normalize_term
from app.rules.words import ListSelection, WordHit

MIN_LETTERS = 4
# what may cut a word in two: a space, or a dot, dash or underscore typed inside it («شر.موط»)
CUTS = frozenset({" ", ".", "-", "_"})
# one or two marks typed inside a word with no space around them, which only a writer hiding the
# word types there («غ،بي»، «ح!مار»، «خ@نزير»، «الط::يز»): no pair of words is written that way
# but by a slip («شكرا،واله»), so the joined word may be shorter (MARK_MIN_LETTERS), a common word
# may be one piece when the other is a lone letter («ك!لب»), and a rule that reads cut words only
# where said to someone reads these anywhere
MARK_CUT = re.compile(r"[!?؟،,;؛:'\"`^=@#$%&()<>\[\]{}]{1,2}")
MARK_MIN_LETTERS = 3
_GAP = re.compile(r"[^\w]+|_+")
ANYWHERE, SAID_TO = "anywhere", "said_to"  # where a rule reads cut words
# words that stand alone too often to be half of a cut word: particles, pronouns, kin words
STANDALONE = frozenset({
    "في", "من", "علي", "عن", "الي", "ان", "او", "ما", "لا", "لم", "لن", "قد", "كل", "ثم", "هو", "هي", "هم",
    "هن", "انا", "انت", "انتم", "نحن", "يا", "اي", "ام", "اب", "اخ", "ابو", "بن", "بنت", "ولا", "الا", "اذا",
    "لو", "كان", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "مع", "بعد", "قبل", "عند", "بين", "ضد", "حتي",
    "لكن", "بل", "كم", "كيف", "اين", "متي", "شو", "ليش", "وين", "مش", "مو", "اللي", "عم", "بس",
    "لك", "بك", "ولك", "فيك", "منك", "عنك", "معك", "له", "به", "لها", "لهم", "الك",
})
_PLURAL_WAW_ALIF = "وا"


class CutWords:
    """The cut words of some lists: built once per rule, it keeps the tails a cut may leave of a
    term (its last letters, at least one, short of the whole) and the heads (its first letters), so
    nearly every word pair is dropped by one set lookup on the second piece."""

    def __init__(self, selection: ListSelection):
        self.selection = selection
        whole_words = [term for term in selection.terms() if len(term) >= MARK_MIN_LETTERS and " " not in term]
        cuts = [(term, cut) for term in whole_words for cut in range(1, len(term))]
        self.heads = frozenset(term[:cut] for term, cut in cuts)
        self.tails = frozenset(term[cut:] for term, cut in cuts) - STANDALONE

    def _head_of(self, first: str) -> str | None:
        """The first piece as the head of a term: whole, or behind one of its proclitics."""
        if first in self.heads:
            return first
        for length in range(1, min(len(first), arabic.MAX_PROCLITIC + 1)):
            if first[:length] in arabic.PROCLITICS and first[length:] in self.heads:
                return first[length:]
        return None

    def find(self, normalized: NormalizedText) -> list[WordHit]:
        """Each pair of words one space or mark apart that spells a listed term."""
        text, found = normalized.text, []
        for first, second in itertools.pairwise(normalized.words()):
            tail = self._tail_of(second.group())
            cut = text[first.end():second.start()]
            by_mark = MARK_CUT.fullmatch(cut) is not None
            if tail is None or not (by_mark or cut in CUTS):
                continue
            head = self._head_of(first.group())
            if head is None or (by_mark and not self._may_join(first.group(), second.group(), head)):
                continue
            pieces = first.group(), second.group()
            if any(self.selection.holds(piece) for piece in pieces) or self._standalone(pieces, by_mark):
                continue
            term = normalize_term(head + tail)  # the joint may double a letter: «لئ يم» is لييم, read ليم
            if len(term) >= (MARK_MIN_LETTERS if by_mark else MIN_LETTERS) and self.selection.holds(term):
                prefix = pieces[0][: len(pieces[0]) - len(head)]
                found.append(WordHit(first.start(), second.end(), term, prefix, "", joined=True))
        return found

    @staticmethod
    def _standalone(pieces: tuple[str, str], by_mark: bool) -> bool:
        """Whether a piece is a common word standing alone; behind a mark, a lone letter beside it
        shows the word was cut («ك!لب»)."""
        if by_mark and min(map(len, pieces)) == 1:
            return False
        # the first piece behind a conjunction too: «ومن؟حط» is «and who put», not منحط (the second
        # piece is a tail, whose first letter is the term's: «مغ فله» is مغفله)
        return arabic.behind_conjunction(pieces[0]) in STANDALONE or any(piece in STANDALONE for piece in pieces)

    @staticmethod
    def _may_join(first: str, second: str, head: str) -> bool:
        """Behind a mark, both pieces are Arabic («who're» is English), and a head of one letter is a
        piece of its own or stands behind the article («الق::حبة»), not what is left of a preposition
        and a pronoun («لك!سمك» is «for you: fish», not كسمك)."""
        arabic_pieces = all("ء" <= piece[0] <= "ي" for piece in (first, second))
        return arabic_pieces and (len(head) > 1 or head == first or first[: -len(head)].endswith("ال"))

    @staticmethod
    def by_mark(hit: WordHit, normalized: NormalizedText) -> bool:
        """Whether a cut word was cut by a mark (MARK_CUT), not a space, a dot, a dash or an underscore."""
        gap = _GAP.search(normalized.text, hit.start, hit.end)
        return gap is not None and MARK_CUT.fullmatch(gap.group()) is not None

    def _tail_of(self, second: str) -> str | None:
        """The second piece as the tail of a term. A plural ending وا keeps its alif in a short
        piece («اخر سوا») but drops it in the whole word (اخرسو)."""
        if second in self.tails:
            return second
        if second.endswith(_PLURAL_WAW_ALIF) and second[:-1] in self.tails:
            return second[:-1]
        return None

