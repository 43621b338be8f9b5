"""`except`: word lists of innocent phrases that cancel the lexicon or targeted hits they cover.

Also: Arabizi terms written with an apostrophe (3' = غ, 7' = خ) are matchable.
"""

import pytest

from app.rules import PolicyError
from tests.rules.conftest import build, hits, rule, terms, texts

INSULTS = "خنزير\nخنازير\nزباله\nفيران\nفئران\nكلب\nحمار"
INNOCENT = "\n".join([
    "# innocent phrases: descriptive uses of insult words",
    "لحم الخنزير",
    "لحوم الخنازير",
    "انفلونزا الخنازير",
    "جمع الزباله",
    "حاويات الزباله",
    "مكب الزباله",
    "مكبات الزباله",
    "فئران التجارب",
    "فيران التجارب",
])
ADDRESS = "يا\nانت\nانتم"


@pytest.fixture(scope="module")
def policy():
    return build(
        rule("plain", "lexicon", lexicons=["insults"], **{"except": ["innocent"]}),
        rule("addressed", "targeted", category="author_offense", lexicons=["insults"],
             targets=["address"], window=2, **{"except": ["innocent"]}),
        lexicons={"insults": INSULTS, "innocent": INNOCENT, "address": ADDRESS},
    )


@pytest.mark.parametrize(
    "body",
    [
        "يحرم أكل لحم الخنزير في الإسلام",
        "تحذير من انتشار انفلونزا الخنازير في المدارس",
        "البلدية تأخرت في جمع الزبالة من الشوارع",
        "حاويات الزبالة ممتلئة منذ أسبوع",
        "الحريق اندلع في مكب الزبالة شرق المدينة",
        "ومكبات الزبالة قرب المدارس خطر على الأطفال",  # a clitic on the phrase
        "تجربة الدواء على فئران التجارب نجحت",
        "استخدموا فيران التجارب في المختبر",
        "يحرم أكل لَحْمِ الخِنْزِيرِ",  # diacritics: the phrase is normalized like the text
        "لحـــم الخنزيـــر",  # tatweel
        "مكب الزبالة يا جماعة",  # the targeted rule: the covered word is gone before targets are sought
        "تبين انه لحم الخنزير وليس لحم البقر",  # after a third person the phrase stays literal
    ],
)
def test_an_exception_phrase_cancels_the_hit_it_covers(policy, body):
    assert hits(policy, body) == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("انت خنزير", "خنزير"),  # no exception phrase at all
        ("الخنزير أكل لحم الضأن", "الخنزير"),  # both words, but not the phrase
        ("شعب زبالة", "زبالة"),
        ("جمع الحطب وهو زبالة", "زبالة"),  # the phrase's first word alone covers nothing
        ("يا فئران", "فئران"),
        ("انت فيران التجارب", "فيران"),  # the phrase said to the reader is name-calling
        ("يا لحم الخنزير", "الخنزير"),
    ],
)
def test_the_same_words_outside_an_exception_phrase_still_hit(policy, body, typed):
    assert typed in texts(policy, body)


def test_only_the_covered_occurrence_is_cancelled(policy):
    # one descriptive use and one insult in the same comment: the insult still hits both rules
    body = "يأكلون لحم الخنزير ... يا خنزير"
    found = hits(policy, body)
    assert [h.text for h in found] == ["خنزير", "خنزير"]
    assert {h.rule for h in found} == {"plain", "addressed"}
    assert all(h.start == body.rindex("خنزير") for h in found)


def test_a_rule_without_except_is_unchanged():
    plain = build(rule("plain", "lexicon", lexicons=["insults"]), lexicons={"insults": INSULTS})
    assert texts(plain, "يحرم أكل لحم الخنزير") == ["الخنزير"]
    assert texts(plain, "حاويات الزبالة ممتلئة") == ["الزبالة"]


def test_a_covering_exception_from_another_list_does_not_apply():
    other = build(
        rule("plain", "lexicon", lexicons=["insults"], **{"except": ["labs"]}),
        lexicons={"insults": INSULTS, "labs": "فئران التجارب", "food": "لحم الخنزير"},
    )
    assert terms(other, "فئران التجارب") == []
    assert terms(other, "لحم الخنزير") == ["خنزير"]


def test_an_exception_makes_a_target_ordinary_too():
    """A rule whose targets are offensive words (two labels side by side) must not pair a label with
    a word its exceptions make ordinary: «مهرجان» (a festival) is not مهرج (a clown) + ان."""
    pair = build(
        rule("pair", "targeted", lexicons=["mild"], targets=["mild"], window=3,
             **{"except": ["ordinary"]}),
        lexicons={"mild": "ثور\nمهرج", "ordinary": "مهرجان"},
    )
    assert terms(pair, "الثور الاسباني في مهرجان بامبلونا") == []
    assert terms(pair, "يا ثور يا مهرج") == ["ثور", "مهرج"]


def test_unknown_exception_list_is_refused():
    with pytest.raises(PolicyError) as error:
        build(
            rule("plain", "lexicon", lexicons=["insults"], **{"except": ["missing"]}),
            lexicons={"insults": INSULTS},
        )
    assert error.value.rule == "plain"
    assert error.value.field == "except"
    assert "missing" in error.value.message


@pytest.mark.parametrize("value", [[], "innocent", [3]])
def test_malformed_except_is_refused(value):
    with pytest.raises(PolicyError) as error:
        build(
            rule("plain", "lexicon", lexicons=["insults"], **{"except": value}),
            lexicons={"insults": INSULTS, "innocent": INNOCENT},
        )
    assert error.value.field.startswith("except")


def test_except_is_refused_on_types_without_it():
    with pytest.raises(PolicyError) as error:
        build(
            rule("p", "pattern", pattern="كلب", **{"except": ["innocent"]}),
            lexicons={"innocent": INNOCENT},
        )
    assert error.value.field == "except"


def test_examples_see_exceptions():
    # a no_match example that only an exception makes pass is accepted at load time
    policy = build(
        rule("plain", "lexicon", lexicons=["insults"], examples={
            "match": ["انت خنزير"], "no_match": ["يحرم أكل لحم الخنزير"],
        }, **{"except": ["innocent"]}),
        lexicons={"insults": INSULTS, "innocent": INNOCENT},
    )
    assert texts(policy, "انت خنزير") == ["خنزير"]


# ---------------------------------------------------------------- Arabizi with an apostrophe

ARABIZI = "3'abi\n7'ara\nkalb"


@pytest.fixture(scope="module")
def arabizi():
    return build(rule("arabizi", "lexicon", lexicons=["latin"]), lexicons={"latin": ARABIZI})


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("enta 3'abi", "3'abi"),
        ("ENTA 3'ABI!!", "3'ABI"),
        ("enta 3’abi", "3’abi"),  # typographic apostrophe
        ("enta 8abi", "8abi"),  # 3' and 8 are the same letter (غ)
        ("kalam 7'ara", "7'ara"),
        ("kalam 5ara", "5ara"),  # 7' and 5 are the same letter (خ)
    ],
)
def test_arabizi_terms_with_an_apostrophe_match(arabizi, body, typed):
    assert texts(arabizi, body) == [typed]


def test_the_apostrophe_hit_points_at_what_was_typed(arabizi):
    (hit,) = hits(arabizi, "ya 3'abi")
    assert (hit.start, hit.end, hit.text) == (3, 8, "3'abi")
    assert "Arabizi" in hit.steps


@pytest.mark.parametrize("body", ["3'abiya", "it's 3' long", "3 abi", "a3'abi"])
def test_apostrophe_arabizi_stays_word_aware(arabizi, body):
    assert texts(arabizi, body) == []


# `except_aimed_at`: the things a curse may be aimed at
CURSES = "يلعن\nيلعن ابو\nلعنه\nلعنه اله\nيخرب بيت\nاله يموتك"
THINGS = "غربه\nغلا\nالحر\nهالحر\nكورونا"


@pytest.fixture(scope="module")
def aimed_policy():
    return build(rule("curse", "lexicon", lexicons=["curses"], except_aimed_at=["things"]),
                 lexicons={"curses": CURSES, "things": THINGS})


@pytest.mark.parametrize(
    "body",
    [
        "يلعن ابو الغربة شو صعبة",  # the longer curse is aimed at a thing, and the «يلعن» inside it
        "يلعن الغربة",  # right after the curse
        "لعنة الله على الغلا",  # past a linking word: on; and «لعنة» inside the aimed «لعنة الله»
        "يلعن بو هالحر",  # past father-of, and a listed demonstrative form
        "يخرب بيت الغلا",
    ],
)
def test_a_curse_aimed_at_a_thing_is_not_a_hit(aimed_policy, body):
    assert texts(aimed_policy, body) == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("يلعن ابو الاحتلال", ["يلعن ابو", "يلعن"]),  # an occupier is no thing
        ("لعنة الله عليك", ["لعنة الله", "لعنة"]),
        ("يلعن ابوك والغربة", ["يلعن"]),  # the thing comes after another word, not after the curse
        ("الغربة صعبة يلعن ابو اللي جابك", ["يلعن ابو", "يلعن"]),  # a thing before the curse aims nothing
        ("الله يموتك بالكورونا", ["الله يموتك"]),  # behind ب a thing is the means of the harm, not its aim
    ],
)
def test_a_curse_aimed_at_anything_else_still_hits(aimed_policy, body, typed):
    assert texts(aimed_policy, body) == typed


@pytest.mark.parametrize(
    "body",
    [
        "نصر الله يموتك ضحك بخطاباته",  # Nasrallah, not God: the formula stands inside a name
        "حزب الله يموتك بالانتظار",  # a party
        "عبد الله يموتك من الضحك",
        "روح الله يموتك بخطاباته",  # a title (Khomeini's name)
    ],
)
def test_a_curse_opened_by_god_inside_a_name_is_not_a_hit(aimed_policy, body):
    assert texts(aimed_policy, body) == []


def test_a_curse_opened_by_god_after_any_other_word_still_hits(aimed_policy):
    assert texts(aimed_policy, "يا رجل الله يموتك") == ["الله يموتك"]
    # behind a clitic الله stands apart from the word before it: «و» joins no name
    assert texts(aimed_policy, "نصر والله يموتك") == ["والله يموتك"]
    assert texts(aimed_policy, "الله يموتك") == ["الله يموتك"]


def test_a_pattern_aimed_at_a_thing_is_not_a_hit():
    policy = build(rule("wish", "pattern", pattern="\\mيا رب تموت\\M", except_aimed_at=["things"]),
                   lexicons={"things": "فتنه\nكورونا"})
    assert texts(policy, "يا رب تموت الفتنة بين الناس") == []
    assert texts(policy, "يا رب تموت بالكورونا") == ["يا رب تموت"]  # the means, not the aim
    assert texts(policy, "يا رب تموت يا كذاب") == ["يا رب تموت"]


def test_a_pattern_names_its_aim_with_a_group():
    named = "\\mيا رب (?P<aim>\\S{3,}) يموت\\M"
    policy = build(rule("wish", "pattern", pattern=named, except_aimed_at=["things"]),
                   lexicons={"things": "ظلم\nفتنه"})
    assert texts(policy, "يا رب الظلم يموت") == []  # the aim is the group's word, a thing
    assert texts(policy, "يا رب حفتر يموت") == ["يا رب حفتر يموت"]
    # a pattern without the group is aimed at the word after the match: here «اليوم», no thing
    unnamed = build(rule("wish", "pattern", pattern="\\mيا رب \\S{3,} يموت\\M", except_aimed_at=["things"]),
                    lexicons={"things": "ظلم\nفتنه"})
    assert texts(unnamed, "يا رب الظلم يموت اليوم") == ["يا رب الظلم يموت"]


# `self_markers`: a writer calling himself a name
SELF = "انا\nاني\nشكلي\nعني\nنفسي"


@pytest.fixture(scope="module")
def self_policy():
    return build(rule("plain", "lexicon", lexicons=["insults"], self_markers=["self"]),
                 lexicons={"insults": "غبي\nحمار\nاهبل\nمجنون\nاغبياء", "self": SELF})


@pytest.mark.parametrize(
    "body",
    [
        "انا غبي لاني صدقت الوعود",
        "شفت الحلقة مرتين وما فهمت، شكلي غبي رسمي",
        "انا كنت اهبل لما صدقت",  # a word of being between
        "اني جنت غبي لما صدقت",  # the Iraqi word of being
        "انا اكبر حمار لاني اشتريت دولار",  # or of degree
        "انا هو الحمار اللي صدق",  # or a pronoun of being
        "قالوا عني مجنون",
        "انا زول غبي في الرياضيات",  # «a guy» between
        "انا واحد اهبل لاني صدقت",
    ],
)
def test_a_writer_calling_himself_a_name_is_not_a_hit(self_policy, body):
    assert texts(self_policy, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("انا غبي لاني صدقتك يا حمار", ["حمار"]),  # the second name is said to someone
        ("انا ياغبي", ["ياغبي"]),  # the vocative
        ("انت غبي", ["غبي"]),
        ("انا اقول انك غبي", ["غبي"]),  # the marker is not right before the word
        ("المتدينين مرضى نفسيين واغبياء", ["واغبياء"]),  # a marker is a whole word, not نفسي + ين
        ("انا قلت حمار", ["حمار"]),  # «قلت» is no word of being
    ],
)
def test_a_name_not_said_of_oneself_still_hits(self_policy, body, found):
    assert texts(self_policy, body) == found


# `negators`: a label denied («الفاسد مش خائن»)
NEGATORS = "مش\nمو\nليس\nلست"


@pytest.fixture(scope="module")
def negated_policy():
    return build(rule("plain", "lexicon", lexicons=["insults"], negators=["negators"]),
                 lexicons={"insults": "خاين\nمجرم\nغبي\nكذاب\nحمار", "negators": NEGATORS})


@pytest.mark.parametrize(
    "body",
    [
        "الفاسد مش خاين",
        "انت مو مجرم",
        "لست حمارا كما تظن",  # the accusative of a four-letter term
        "مش اصلا كذاب",  # a word of being between
        "مش خاين ولا مجرم",  # ولا carries the denial to the next label
        "مش شباب ولا مجرمين",  # whatever the first denied word
        "حتى لو مش خاين غلطته كبيرة",  # «even if» concedes: the denial stands
    ],
)
def test_a_denied_label_is_not_a_hit(negated_policy, body):
    assert texts(negated_policy, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("مش بس كذاب", ["كذاب"]),  # «not only a liar»: بس stands between
        ("انت مش مجرم بس كذاب", ["كذاب"]),  # the second label is given
        ("مش فاهم شي يا حمار", ["حمار"]),  # the negator is not right before the label
        ("مشكلتك انك كذاب", ["كذاب"]),  # a negator is a whole word, not the start of مشكلتك
        ("ولا مجرم مثلك", ["مجرم"]),  # ولا denies only what a negator began
        ("لازم تكون انسان حر مو انسان خاين", ["خاين"]),  # «a person» carries no denial
        ("كنت حمارا وما زلت", ["حمارا"]),  # the accusative is read, and no negator stands before it
        ("مش فاهم ولا كلمة يا كذاب", ["كذاب"]),  # the label is not the word after ولا
        ("انت مش غبي وكذاب", ["وكذاب"]),  # و does not carry the denial: the second label is given
        ("لو مش حمار كان فهم", ["حمار"]),  # a denial after «if» supposes the contrary
        ("لو مو كذاب ما خاف", ["كذاب"]),
    ],
)
def test_a_label_not_denied_still_hits(negated_policy, body, found):
    assert texts(negated_policy, body) == found
