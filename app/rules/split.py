"""Words cut in two by a space («شر موطة»، «خو لات»، «يا حما ر»): two neighbouring words that,
joined, are a listed term whole.

The normalizer joins runs of single letters («ك ل ب») but leaves a word cut into longer pieces,
which no stage can tell from two words without knowing the lists. Here the lists decide, and
narrowly, since two ordinary words may spell a term («كل اب» is "every father", not كلاب; «ان يكون»
spells انيك + ون): the pieces count only when joined they are exactly a listed term — behind an
optional proclitic on the first piece, with no ending — of at least MIN_LETTERS letters, neither
piece is a listed term itself (that word hits on its own), and neither is one of the common words
in STANDALONE. For lists of words that ordinary pairs spell more easily (insults: «لقي طه», found
Taha, spells لقيطه), a rule may ask for the cut word only where it is said to someone: after يا or
a pronoun of arabic.SAID_TO («يا حما ر»، «انت حما ر»), or behind the vocative joined to it.
"""

import itertools
import re

from app.rules import arabic
from app.rules.words import ListSelection, WordHit

MIN_LETTERS = 4
STEP = "joined a word cut by a space"
ANYWHERE, SAID_TO = "anywhere", "said_to"  # where a rule reads cut words
# words that stand alone too often to be half of a cut word: particles, pronouns, kin words
STANDALONE = frozenset({
    "في", "من", "علي", "عن", "الي", "ان", "او", "ما", "لا", "لم", "لن", "قد", "كل", "ثم", "هو", "هي", "هم",
    "هن", "انا", "انت", "انتم", "نحن", "يا", "اي", "ام", "اب", "اخ", "ابو", "بن", "بنت", "ولا", "الا", "اذا",
    "لو", "كان", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "مع", "بعد", "قبل", "عند", "بين", "ضد", "حتي",
    "لكن", "بل", "كم", "كيف", "اين", "متي", "شو", "ليش", "وين", "مش", "مو", "اللي", "عم", "بس"
})
_WORD = re.compile(r"[^\W_]+")


def _term_of(joined: str, first: str, selection: ListSelection) -> str | None:
    """The listed term the joined word is, read whole or behind a proclitic of the first piece."""
    readings = [joined] + [
        joined[len(clitic):] for clitic in arabic.PROCLITICS if first.startswith(clitic) and len(first) > len(clitic)
    ]
    for reading in readings:
        if len(reading) >= MIN_LETTERS and _listed(reading, selection):
            return reading
    return None


def _listed(word: str, selection: ListSelection) -> bool:
    return bool(selection.matcher.masks.get(word, 0) & selection.lists)


def _said_to(words: list[re.Match], index: int) -> bool:
    first = words[index].group()
    return (index > 0 and words[index - 1].group() in arabic.SAID_TO) or first.startswith(arabic.VOCATIVE)


def find_split_words(text: str, selection: ListSelection, where: str = ANYWHERE) -> list[WordHit]:
    """Each pair of words one space apart that spells a term of the selected lists; with SAID_TO,
    only where the pair is said to someone."""
    words = list(_WORD.finditer(text))
    found = []
    for index, (first, second) in enumerate(itertools.pairwise(words)):
        if where == SAID_TO and not _said_to(words, index):
            continue
        if text[first.end():second.start()] != " ":
            continue
        pieces = first.group(), second.group()
        if any(piece in STANDALONE or _listed(piece, selection) for piece in pieces):
            continue
        term = _term_of("".join(pieces), pieces[0], selection)
        if term is not None:
            prefix = pieces[0][: len(pieces[0]) + len(pieces[1]) - len(term)]
            found.append(WordHit(first.start(), second.end(), term, prefix, ""))
    return found
