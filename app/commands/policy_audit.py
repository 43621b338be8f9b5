"""Which ordinary words does a policy hold? The collision audit behind `flask policy audit`.

A list term can become an ordinary word once a clitic is split off or letters are folded and
repeats collapsed: فخره (his pride) reads ف + خره, كسكس (couscous) ك + سكس, اقتتلوا (they fought)
collapses to اقتلوا (kill!). Labelled data rarely shows these; a dictionary does. Each word is put
alone and into a few contexts (after «انت», next to a sect, a people, the writer, God, a holy book)
and every hit that lies on the word but names another term is reported, to be read by a person.
"""

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.rules import Submission, arabic, evaluate
from app.rules.normalize import written_term
from app.rules.words import parse_word_list, written_spellings

CONTEXTS = ("{}", "انت {}", "يا {}", "الشيعة {}", "{} الشيعة", "العرب {}", "المسيحيين {}", "الكاتب {}",
            "الله {}", "{} القرآن")


@dataclass(frozen=True)
class Collision:
    word: str
    text: str
    outcome: str
    terms: tuple[str, ...]  # "rule: term" of every hit on the word


def written_forms(lists: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each normalized term of some word-list texts, with the folded spellings the lists give it."""
    return written_spellings(parse_word_list(text) for text in lists.values())


# a sound plural or feminine of a listed word is the same word (متخلفون، منبطحة); ان is not
# (مهرج → مهرجان, a festival), nor ي (خنازيري)
_SAME_WORD_ENDINGS = ("ون", "ين", "ات", "ه")
# and so is the accusative of a word of four letters or more (حقيرا), as the matcher reads a term's;
# after three letters the alif is a verb's («جروا», they dragged, is no puppy)
_ACCUSATIVE_AFTER = 4


def _is_the_listed_word(term: str, word: str, written: dict[str, frozenset[str]]) -> bool:
    spellings = written.get(term, frozenset())
    folded = written_term(word)
    stems = [folded, *(folded.removesuffix(ending) for ending in _SAME_WORD_ENDINGS if folded.endswith(ending))]
    if folded.endswith(arabic.ACCUSATIVE) and len(folded) - len(arabic.ACCUSATIVE) >= _ACCUSATIVE_AFTER:
        stems.append(folded.removesuffix(arabic.ACCUSATIVE))
    forms = {form for stem in stems for form in (stem, stem.removeprefix("ال"), "ال" + stem, "يا " + stem)}
    return not forms.isdisjoint(spellings)


def collisions(policy, words: Iterable[str], written: dict[str, frozenset[str]],
               contexts: Iterable[str] = CONTEXTS) -> Iterator[Collision]:
    """Words a context makes a flagged hit of, where the hit is not the listed word itself: another
    term behind a clitic or an ending (فخره → خره), or a listed spelling that normalizes to this
    ordinary word (رافضيين and رافضين both read رافضين)."""
    contexts = tuple(contexts)
    for word in words:
        word = word.strip()
        if not word or " " in word:
            continue
        for context in contexts:
            text = context.format(word)
            decision = evaluate(policy, Submission(body=text))
            if decision.outcome == "approve":
                continue
            start = context.index("{}")
            on_word = [hit for hit in decision.hits if hit.start < start + len(word) and start < hit.end]
            # list terms only: an editor pattern's hit is the text it matched, not a term
            listed = [hit for hit in on_word if hit.term in written]
            others = [hit for hit in listed if not _is_the_listed_word(hit.term, word, written)]
            if others:
                terms = tuple(sorted({f"{hit.rule}: {hit.term}" for hit in others}))
                yield Collision(word, text, str(decision.outcome), terms)
                break


def arramooz_words() -> list[str]:
    """Nouns (with their feminine, sound and broken plurals), verbs (a few past forms) and the
    frequency list of the arramooz dictionary, most frequent first. A dev-only dependency."""
    try:
        import arramooz
    except ImportError:
        raise RuntimeError(
            "the arramooz dictionary is not installed: .venv/bin/pip install -r requirements-dev.txt"
        ) from None
    data = f"{arramooz.__path__[0]}/data/"
    frequency: dict[str, int] = {}
    with sqlite3.connect(data + "wordfreq.sqlite") as db:
        for word, freq in db.execute("select unvocalized, freq from wordfreq"):
            frequency[word] = max(frequency.get(word, 0), freq)
    with sqlite3.connect(data + "arabicdictionary.sqlite") as db:
        nouns = db.execute("select unvocalized, feminable, masculin_plural, feminin_plural, broken_plural from nouns")
        for word, feminable, masculine_plural, feminine_plural, broken in nouns:
            forms = [word]
            forms += [word + "ة"] if feminable else []
            forms += [word + "ون", word + "ين"] if masculine_plural else []
            forms += [word.removesuffix("ة") + "ات"] if feminine_plural else []
            forms += [b.strip() for b in (broken or "").replace("،", ";").replace(",", ";").split(";")]
            for form in forms:
                frequency.setdefault(form, 0)
        for (verb,) in db.execute("select unvocalized from verbs"):
            for form in (verb, verb + "ت", verb + "وا", verb + "نا", verb + "تم"):
                frequency.setdefault(form, 0)
    return [word for word, _ in sorted(frequency.items(), key=lambda item: -item[1]) if word.isalpha()]
