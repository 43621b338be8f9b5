"""Lexicon rules with `split_words`: a listed word cut in two by a space («شر موطة») or by a mark typed
inside it («شر!موطة»)."""

import pytest

from app.rules import PolicyError
from app.rules.arabic import JOINED_CUT_WORD
from tests.rules.conftest import build, hits, rule, texts

PROFANITY = "شرموطة\nمنيوك\nقحبة\nخولات"
INSULTS = "حمار\nلقيطة\nكلاب\nاخرسوا\nلئيمة"


@pytest.fixture(scope="module")
def policy():
    return build(
        rule("profanity", "lexicon", lexicons=["profanity"], split_words="anywhere"),
        rule("insults", "lexicon", lexicons=["insults"], split_words="said_to"),
        lexicons={"profanity": PROFANITY, "insults": INSULTS},
    )


@pytest.mark.parametrize(
    ("body", "typed", "term"),
    [
        ("يا شر موطة", "شر موطة", "شرموطه"),  # cut after two letters
        ("يا ابن الشر موطة", "الشر موطة", "شرموطه"),  # the article stays on the first piece
        ("انت منيو ك", "منيو ك", "منيوك"),  # one letter cut off the end
        ("القناة تجيب خو لات", "خو لات", "خولات"),  # anywhere: no one addressed
        ("يا حما ر", "حما ر", "حمار"),  # said_to: after يا
        ("انت حما ر", "حما ر", "حمار"),  # said_to: after a pronoun
        ("ياحما ر", "ياحما ر", "حمار"),  # said_to: the vocative joined to the first piece
        ("يا اخر سوا", "اخر سوا", "اخرسو"),  # the short piece keeps the plural alif the whole word drops
        ("يا لئ يمة", "لئ يمة", "ليمه"),  # the joint doubles a letter once folded (لي يمه): read once
        ("القناة شر.موطة", "شر.موطة", "شرموطه"),  # cut by a dot typed inside the word
        ("القناة شر-موطة", "شر-موطة", "شرموطه"),  # or a dash
        ("القناة شر!موطة", "شر!موطة", "شرموطه"),  # or a mark no one types inside a word but to hide it
        ("هذا المذيع حم،ار", "حم،ار", "حمار"),  # said_to: a mark cut is read anywhere
        ("هالجماعة كلا@ب", "كلا@ب", "كلاب"),  # a lone letter cut off by a mark
        ("يا وجه الق::حبة", "الق::حبة", "قحبه"),  # two marks, and the article on the first piece
    ],
)
def test_a_word_cut_by_a_space_or_a_mark_hits_as_its_term(policy, body, typed, term):
    (hit,) = hits(policy, body)
    assert (hit.text, hit.term) == (typed, term)
    assert JOINED_CUT_WORD in hit.steps


@pytest.mark.parametrize(
    "body",
    [
        "الزلمة حما ر",  # said_to: the cut insult is not said to anyone
        "لقي طه في الشارع",  # said_to: «found Taha» spells لقيطه, and no one is addressed
        "يا كل اب يحب ابناءه",  # كل is a standalone word: «every father», not كلاب
        "ان يكون الحل سياسيا",  # joined they are انيكون: a term with an ending is not read
        "شر موطن الانسان",  # spells no listed term exactly
        "يا شر. موطة",  # more than one space apart
        "يا كل،اب يحب ابناءه",  # behind a mark a standalone word still stands alone beside a longer piece
        "قال: اخر سوا المشكلة",  # a mark followed by a space is no cut
        "القناة شر!!!موطة",  # three marks are punctuation, not a cut
        "جيب لك؟لاب توب",  # a lone letter left of «لك» is no head: «get yourself a laptop», not كلاب
        "لقي.طه الشرطة",  # said_to: a dot is a space's cut, read only where said to someone
    ],
)
def test_ordinary_pairs_do_not_hit(policy, body):
    assert texts(policy, body) == []


def test_a_piece_that_is_a_term_hits_alone_and_only_once(policy):
    assert [(hit.text, hit.term) for hit in hits(policy, "يا حمار ه")] == [("حمار", "حمار")]


def test_without_the_option_a_cut_word_does_not_hit():
    plain = build(rule("profanity", "lexicon", lexicons=["profanity"]), lexicons={"profanity": PROFANITY})
    assert texts(plain, "يا شر موطة") == []


def test_split_words_takes_only_its_two_values():
    with pytest.raises(PolicyError, match="split_words"):
        build(rule("p", "lexicon", lexicons=["profanity"], split_words="yes"), lexicons={"profanity": PROFANITY})
