"""The collision audit behind `flask policy audit`: ordinary words a policy flags through another
term (a clitic split off, an ending) or through a listed spelling that folds onto them."""

from app.commands.policy_audit import collisions, written_forms
from tests.rules.conftest import build, rule

LISTS = {
    "insults": "خره\nحمار\nكلب\nرافضيين\nجرو",
    "address": "انت\nيا",
}


def audit(*words, contexts=("{}",)):
    policy = build(
        rule("plain", "lexicon", lexicons=["insults"]),
        lexicons=LISTS,
    )
    return {c.word: c.terms for c in collisions(policy, words, written_forms(LISTS), contexts)}


def test_a_word_read_through_a_clitic_is_reported():
    assert audit("فخره") == {"فخره": ("plain: خره",)}  # ف + خره: "his pride"


def test_a_listed_spelling_that_folds_onto_an_ordinary_word_is_reported():
    assert audit("رافضين") == {"رافضين": ("plain: رافضين",)}  # the list's رافضيين collapses to it


def test_the_listed_words_themselves_are_not_reported():
    # with the article, a sound plural or the vocative they are still the listed word
    assert audit("حمار", "الكلب", "خره", "رافضيين", "حمارين", "مرحبا") == {}
    assert audit("كلب", contexts=("يا {}",)) == {}


def test_the_accusative_of_a_listed_word_is_the_word_only_after_four_letters():
    assert audit("حمارا") == {}  # «كان حمارا»: the accusative of the listed word
    # «جروا» (they dragged) loses its alif as a verb's plural and reads «جرو» (a puppy): reported
    assert audit("جروا") == {"جروا": ("plain: جرو",)}


def test_a_context_can_make_the_hit():
    policy = build(
        rule("aimed", "targeted", lexicons=["insults"], targets=["address"], window=1),
        lexicons=LISTS,
    )
    found = list(collisions(policy, ["فخره"], written_forms(LISTS), ("{}", "انت {}")))
    assert [(c.text, c.terms) for c in found] == [("انت فخره", ("aimed: خره",))]
