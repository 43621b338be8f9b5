"""The targeted rule type: an offensive term within N words of a target."""

import pytest

from tests.rules.conftest import build, hits, rule, texts

OFFENSIVE = "حمار\nكلب\nغبي\nحقير"
WRITER = "الكاتب\nكاتب المقال\nالمحرر\nالصحفي\nانت\nيا"


@pytest.fixture(scope="module")
def policy():
    targeted = rule("writer", "targeted", lexicons=["offensive"], targets=["writer"], window=3)
    return build(targeted, lexicons={"offensive": OFFENSIVE, "writer": WRITER})


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("الكاتب حمار", "حمار"),
        ("كاتب المقال هذا غبي جدا", "غبي"),
        ("يا كاتب المقال يا ح.م.ا.ر", "ح.م.ا.ر"),
        ("ياحمار", "ياحمار"),  # joined vocative
        ("انت كلب", "كلب"),
        ("والمحرر أحقر... لا، المحرر حقير", "حقير"),
        ("حقير هو الصحفي", "حقير"),  # the target may come after
        ("الصحفي، حقير", "حقير"),  # a comma before the word does not set it apart from the target
        ("حقير، الصحفي", "حقير"),  # a label that opens its sentence is fronted: the comma is no clause end
    ],
)
def test_offensive_term_near_a_target(policy, body, typed):
    assert texts(policy, body) == [typed]


@pytest.mark.parametrize(
    "body",
    [
        "الكاتب محترم",  # a target without an offensive term
        "رأيت حمارا في المزرعة",  # an offensive term without a target
        "الكاتب كتب عن الريف والمزارع والحقول حيث يعمل الحمار",  # too far apart
        "كلام حقير، الصحفي ما قاله",  # a comma after the word opens the next clause
        "حمار",
    ],
)
def test_no_hit(policy, body):
    assert texts(policy, body) == []


def test_the_target_is_named_in_the_steps(policy):
    (hit,) = hits(policy, "المحرر غبي")
    assert hit.steps == ["near target «المحرر»"]
    (vocative,) = hits(policy, "ياغبي")
    assert vocative.steps == ["clitic يا-", "addressed with يا"]


def test_window_is_configurable():
    narrow = build(
        rule("w", "targeted", lexicons=["offensive"], targets=["writer"], window=1),
        lexicons={"offensive": OFFENSIVE, "writer": WRITER},
    )
    assert texts(narrow, "الكاتب حمار") == ["حمار"]
    assert texts(narrow, "الكاتب رأى حمارا") == []


@pytest.mark.parametrize(
    "body",
    [
        "الكاتب هو حمار",  # a copula
        "الكاتب كان غبي",
        "المحرر تبعكم حقير",  # a dialect possessive
        "الكاتب بتاعكم كان حمار",  # both
    ],
)
def test_a_copula_or_possessive_between_does_not_set_the_word_apart(body):
    narrow = build(
        rule("w", "targeted", lexicons=["offensive"], targets=["writer"], window=1),
        lexicons={"offensive": OFFENSIVE, "writer": WRITER},
    )
    assert len(texts(narrow, body)) == 1
    # any other word between still does
    assert texts(narrow, body.replace(body.split()[1], "رأى", 1)) == []


@pytest.mark.parametrize("end", [".", "!", "؟", "?", "؛"])
def test_a_sentence_end_between_them_keeps_the_word_off_the_target(policy, end):
    assert texts(policy, f"لم اقل انه حمار{end} الكاتب نقل كلامي") == []
    assert texts(policy, f"حمار{end} الكاتب") == []


def test_an_ellipsis_or_a_comma_is_a_pause_not_a_sentence_end(policy):
    assert texts(policy, "الكاتب... حمار") == ["حمار"]
    assert texts(policy, "الكاتب، حمار") == ["حمار"]


def test_a_pointing_clitic_is_a_target_only_where_the_target_lists_hold_it(policy):
    pointing = build(
        rule("p", "targeted", lexicons=["offensive"], targets=["pointing"], window=0),
        lexicons={"offensive": OFFENSIVE, "pointing": "هال"},
    )
    # هال (ها + ال, "this") joined to the word points it at someone
    assert texts(pointing, "شو بدو هالحقير") == ["هالحقير"]
    (hit,) = hits(pointing, "وهالحمار")
    assert hit.steps == ["clitic وهال-", "pointed at with هال"]
    # the article alone points at nothing, and يا is no target of this rule
    assert texts(pointing, "الحقير ياحمار") == []
    # and the writer rule, whose lists hold يا but not هال, is not aimed by it
    assert texts(policy, "هالحمار") == []


def test_the_vocative_joined_to_the_article_addresses_the_word(policy):
    # «يالحمار» is «يا الحمار», the Gulf way of calling someone: يا and ال share the alif
    (hit,) = hits(policy, "يالغبي")
    assert hit.steps == ["clitic يال-", "addressed with يا"]
    assert texts(policy, "ويالحقير") == ["ويالحقير"]
    # the article alone (or ها + ال for a rule whose lists lack هال) addresses no one
    assert texts(policy, "الغبي") == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("الخطة كانت غبي", []),  # «كانت» (was) is a verb, not ك + انت
        ("بانت حقير", []),  # «بانت» (appeared), not ب + انت
        ("لانت كلب", []),  # «لانت» (softened), not ل + انت
        ("وانت حمار", ["حمار"]),  # a conjunction joins the pronoun
        ("فانت كلب", ["كلب"]),
    ],
)
def test_an_independent_pronoun_takes_only_a_conjunction(policy, body, typed):
    assert texts(policy, body) == typed


@pytest.fixture(scope="module")
def filtered_policies():
    """One rule per filter of a rule's targets: a construct's governing noun (`except_after`) and
    the institution a demonstrative qualifies (`except_qualifying`)."""
    governed = rule("figure", "targeted", lexicons=["offensive"], targets=["figures"], window=1,
                    except_after=["governors"])
    qualified = rule("pointed", "targeted", lexicons=["offensive"], targets=["demonstratives"], window=1,
                     except_qualifying=["institutions"])
    lists = {
        "offensive": "مجرم\nحقير\nفاشل", "figures": "نتنياهو\nبشار", "governors": "حكومة\nجيش\nنظام",
        "demonstratives": "ده\nدي\nهذا", "institutions": "نظام\nحكومه",
    }
    return {"governed": build(governed, lexicons=lists), "qualified": build(qualified, lexicons=lists)}


@pytest.mark.parametrize(
    ("which", "body", "found"),
    [
        ("governed", "حكومة نتنياهو مجرمة", []),  # a construct: the label is the government's
        ("governed", "وجيش بشار مجرم", []),  # a proclitic on the governing noun
        ("governed", "بشار مجرم", ["مجرم"]),
        ("governed", "رئيس النظام بشار مجرم", ["مجرم"]),  # with the article the noun governs nothing
        ("governed", "نتنياهو حقير وحكومة نتنياهو مجرمة", ["حقير"]),  # only the governed mention stops
        ("qualified", "النظام ده مجرم في حق شعبه", []),  # the demonstrative qualifies the regime
        ("qualified", "والحكومة دي فاشلة", []),  # article and conjunction on the qualified noun
        ("qualified", "حكومة هذا البلد فاشلة", []),  # no demonstrative right before the label
        ("qualified", "الراجل ده مجرم", ["مجرم"]),  # a person: still a target
        ("qualified", "ده مجرم", ["مجرم"]),
        ("qualified", "النظام ده مجرم والراجل ده فاشل", ["فاشل"]),  # only the qualifying one stops
    ],
)
def test_a_governed_or_qualifying_target_is_no_target(filtered_policies, which, body, found):
    assert texts(filtered_policies[which], body) == found


def _with_and_without(option: str, lists: dict[str, str], offensive: str, targets: str, window: int) -> dict:
    """The same targeted rule built with a boolean option switched on («with») and off («without»)."""
    def built(**switch):
        return build(rule(offensive, "targeted", lexicons=[offensive], targets=[targets], window=window, **switch),
                     lexicons=lists)
    return {"with": built(**{option: True}), "without": built()}


@pytest.fixture(scope="module")
def calls():
    """A rule of calls to expel next to a people, reading a group addressed before a call that
    names its own object as the one asked to act (`addressed_act`), and the same rule without it."""
    lists = {"calls": "اطردوا\nاقتلوا\nاطلعوا برا\nارحلوا", "peoples": "السوريين\nسوريين\nشعب\nعرب\nالفرس"}
    return _with_and_without("addressed_act", lists, "calls", "peoples", window=4)


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("يا شعب لبنان اطردوا الزعماء الفاسدين", []),  # the people is asked to expel the leaders
        ("يا ابناء الشعب اطردوا المحتل", []),  # the vocative a word before the group
        ("ياعرب اطردوا السفراء", []),  # the vocative joined to the group
        ("يا عرب اقتلوا الفرس", ["اقتلوا"]),  # the object named after the call is a people
        ("يا سوريين اطلعوا برا", ["اطلعوا برا"]),  # nothing named after it: the addressee is told to leave
        ("يا سوريين ارحلوا من هون", ["ارحلوا"]),  # where from is not an object
        ("يا سوريين اطلعوا برا بلدنا", ["اطلعوا برا"]),  # a call of several words is told to the addressee
        ("اطردوا السوريين", ["اطردوا"]),
        ("يا شعب. اطردوا الزعماء", []),  # a sentence end: the people is too far anyway
        ("السوريين اطردوا الزعماء", ["اطردوا"]),  # not addressed: the plain reading stays
    ],
)
def test_a_group_addressed_before_a_call_with_its_own_object_is_the_one_asked_to_act(calls, body, found):
    assert texts(calls["with"], body) == found


def test_without_the_option_a_group_addressed_before_a_call_is_its_target(calls):
    assert texts(calls["without"], "يا شعب لبنان اطردوا الزعماء الفاسدين") == ["اطردوا"]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("اطردوا الميليشيات الايرانية", []),  # the people's adjective, article on both: militias are aimed at
        ("اطردوا والمليشيات الايرانية", []),  # a conjunction on the noun
        ("اطردوا عصابات الايرانية", ["اطردوا"]),  # no article on the noun: a construct, the people count
        ("اطردوا الايرانيين", ["اطردوا"]),
        ("اطردوا المليشيات ايرانيين", ["اطردوا"]),  # no article on the people: no adjective of the noun
    ],
)
def test_a_peoples_adjective_on_a_described_noun_is_no_target(body, found):
    policy = build(
        rule("calls", "targeted", lexicons=["calls"], targets=["peoples"], window=3, except_described=["forces"]),
        lexicons={
            "calls": "اطردوا", "peoples": "الايرانية\nالايرانيين\nايرانيين", "forces": "ميليشيات\nمليشيات\nعصابات",
        },
    )
    assert texts(policy, body) == found


@pytest.fixture(scope="module")
def bunches():
    """A rule of labels after «a bunch of» that reads only a target before the label
    (`targets_first`), and the same rule without it."""
    lists = {"labels": "لصوص\nخايب\nعملاء", "bunch": "شوية\nحفنة\nشلة"}
    return _with_and_without("targets_first", lists, "labels", "bunch", window=2)


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("الحكومة دي شوية لصوص", ["لصوص"]),  # a bunch of thieves
        ("حفنة من العملاء", ["العملاء"]),  # the target a word before
        ("التحكيم كان خايب شوية", []),  # a little poor: the target after the label does not count
        ("لصوص شوية ومش فاهمين", []),
    ],
)
def test_a_target_that_must_come_first_reads_only_what_follows_it(bunches, body, found):
    assert texts(bunches["with"], body) == found


def test_without_the_option_a_target_after_the_label_counts(bunches):
    assert texts(bunches["without"], "التحكيم كان خايب شوية") == ["خايب"]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("يا من ستر الحقير من عيوبنا", []),  # «O He who veiled»: the clause's object, no one called
        ("يا من سامح الكلب الذي عضه", []),
        ("يا من باع وطنه يا حقير", ["حقير"]),  # the second يا still calls a name
        ("يا منحط يا حقير", ["حقير"]),  # a word that starts with من is no relative
        ("يا حقير", ["حقير"]),
    ],
)
def test_a_vocative_that_opens_a_relative_clause_calls_no_one_its_words(policy, body, found):
    assert texts(policy, body) == found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("suriyin el 7asharat", ["7asharat"]),  # the Arabizi article written apart is no word between
        ("el suriyin l 7asharat", ["7asharat"]),
        ("suriyin kellon 7asharat", []),  # a real word between is past the window of one
    ],
)
def test_an_arabizi_article_written_apart_does_not_count_toward_the_window(body, found):
    near = build(
        rule("people", "targeted", lexicons=["offensive"], targets=["peoples"], window=1),
        lexicons={"offensive": "7asharat", "peoples": "suriyin"},
    )
    assert texts(near, body) == found
