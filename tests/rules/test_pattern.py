r"""The pattern rule type: RE2 over the normalized text, with \m and \M word boundaries."""

import pytest

from app.rules import PolicyError
from app.rules.patterns import CompiledPattern, translate
from tests.rules.conftest import build, hits, rule, texts


def pattern_policy(pattern: str):
    return build(rule("p", "pattern", pattern=pattern))


def test_word_boundaries_are_arabic_aware():
    policy = pattern_policy(r"\mكلب\M")
    assert texts(policy, "هذا كلب") == ["كلب"]
    assert texts(policy, "كلب، كلب كلب") == ["كلب", "كلب", "كلب"]  # neighbours share a separator
    assert texts(policy, "مكلبش") == []
    assert texts(policy, "كلبه") == []
    assert [h.start for h in hits(policy, "مكلب كلبه كلب")] == [10]  # the search moves past misses


def test_boundaries_inside_a_pattern_share_one_separator():
    policy = pattern_policy(r"\m(كلب|حمار)\M \mابن\M")
    assert texts(policy, "يا حمار ابن حمار") == ["حمار ابن"]
    assert texts(policy, "يا حمارا ابن") == []
    optional = pattern_policy(r"\mاب\M(?: \mهو\M)?")
    assert texts(optional, "اب هوس") == ["اب"]


def test_without_boundaries_a_pattern_matches_inside_words():
    assert texts(pattern_policy("كلب"), "مكلبش") == ["كلب"]


def test_pattern_sees_normalized_text_and_reports_the_original():
    policy = pattern_policy(r"\mاشتري\M.{0,10}\mالان\M")
    (hit,) = hits(policy, "إشتري الآن!")
    assert (hit.text, hit.term) == ("إشتري الآن", "اشتري الان")
    assert hit.steps == ["folded letter forms"]


def test_latin_is_lowercase_and_arabizi_spellings_folded_in_normalized_text():
    # «free» reads «fri» (ee → i); the pattern is written in the folded form
    assert texts(pattern_policy(r"\mfri\s+money\M"), "FREE   Money now") == ["FREE   Money"]


def test_translate_leaves_other_escapes_alone():
    assert translate(r"\d+\.\s") == r"\d+\.\s"
    assert r"\pL" in translate(r"\mا")


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (r"(?<=a)b", "RE2 refuses"),  # look-behind
        (r"(a)\1", "RE2 refuses"),  # back-reference
        (r"[\m]", "inside [...]"),
        ("جماعة", "never contains"),  # ة never survives normalization
        ("حِمار", "never contains"),
        ("الله\\s+يلعنك", "spells «لل»"),  # a doubled letter is collapsed: الله reads اله
        ("(?:سوريين|عراقيين)", "spells «يي»"),  # so is the يي of a nisba plural
        ("اقتلوا\\M", "spells «تلوا»"),  # the alif after a final plural و is dropped
        ("اطردوا الكفار", "spells «ردوا»"),
        (r"\mfree\s+money\M", "spells «ee»"),  # Latin is read with Arabizi spellings folded: «fri»
        ("sharmoota", "spells «oo»"),
        ("ya kalb|kallb", "spells «ll»"),
    ],
)
def test_bad_patterns_are_refused_at_load_time(pattern, message):
    with pytest.raises(PolicyError) as error:
        pattern_policy(pattern)
    assert (error.value.rule, error.value.field) == ("p", "pattern")
    assert message in str(error.value)


def test_input_is_capped_at_max_input_chars():
    policy = build(rule("p", "pattern", pattern="كلب"), limits={"max_input_chars": 10, "rule_budget_ms": 50})
    found = hits(policy, "سلام " * 3 + "كلب")
    assert [hit.rule for hit in found] == ["engine.input_limit"]
    assert found[0].error and found[0].start == 10


@pytest.mark.parametrize(
    "pattern",
    [
        "\\mالموت\\s+لل?شيعه\\M",  # a doubled letter made optional can match
        "[لل]ص",  # inside a character class letters are a set, not a spelling
        "اقتلو\\M",
        "\\mوا\\s+معتصماه",  # the exclamation وا keeps its alif
        "دوا\\M",  # so does a two-letter stem
    ],
)
def test_spellings_normalized_text_holds_are_accepted(pattern):
    assert pattern_policy(pattern).rules[0].check.pattern is not None


def lists_policy(pattern: str, **lists: str):
    return build(rule("p", "pattern", pattern=pattern), lexicons=lists)


def test_a_pattern_names_a_word_list_for_any_of_its_terms():
    peoples = "الصومالين\nالهنود"
    traits = "قراصنة\nكسالى\nقطاع طرق"  # written as a list writes them: normalized on expansion
    policy = lists_policy(r"\m{{peoples}}\s+{{traits}}\M", peoples=peoples, traits=traits)
    assert texts(policy, "الصوماليين قراصنة") == ["الصوماليين قراصنة"]
    assert texts(policy, "الهنود كسالى") == ["الهنود كسالى"]
    assert texts(policy, "الهنود قطاع  طرق") == ["الهنود قطاع  طرق"]  # a phrase's space is any run of spaces
    assert texts(policy, "الصوماليين يعانون") == []
    grown = lists_policy(r"\m{{peoples}}\s+{{traits}}\M", peoples=peoples, traits=traits + "\nيعانون")
    assert texts(grown, "الصوماليين يعانون") == ["الصوماليين يعانون"]  # the list drives the pattern


def test_the_longest_term_of_a_named_list_is_tried_first():
    # «\M» is checked after the match: an alternation trying «كذاب» first would miss «كذابين»
    policy = lists_policy(r"\mهم\s+{{labels}}\M", labels="كذاب\nكذابين")
    assert texts(policy, "هم كذابين") == ["هم كذابين"]


def test_the_longest_term_of_lists_named_as_alternatives_is_tried_first():
    # «نكد» of the first list must not hide «نكديات» of the second
    policy = lists_policy(r"\mهم\s+(?:{{short}}|{{long}})\M", short="نكد", long="نكديات")
    assert texts(policy, "هم نكديات") == ["هم نكديات"]
    assert texts(policy, "هم نكد") == ["هم نكد"]


def test_lists_that_are_not_alternatives_of_one_group_are_not_merged():
    # «X{{a}}|{{b}}Y» is X-then-a or b-then-Y: merging a and b would read «Xb»
    policy = lists_policy(r"\mيا\s+{{a}}|{{b}}\s+جدا\M", a="حمار", b="غبي")
    assert texts(policy, "يا حمار") == ["يا حمار"]
    assert texts(policy, "غبي جدا") == ["غبي جدا"]
    assert texts(policy, "يا غبي") == []


def test_an_unknown_or_empty_word_list_in_a_pattern_is_refused():
    with pytest.raises(PolicyError, match=r"unknown word list \{\{nope\}\}"):
        lists_policy(r"\m{{nope}}\M", labels="كذاب")
    with pytest.raises(PolicyError, match=r"word list \{\{labels\}\} is empty"):
        lists_policy(r"\m{{labels}}\M", labels="# only a comment")


@pytest.fixture(scope="module")
def governed_policy():
    return build(
        rule("p", "pattern", pattern=r"\m(?:ال)?عرب\s+(?:مجرمون|خونه)\M", except_after=["governors"]),
        lexicons={"governors": "حكام\nقادة\nانظمة"},
    )


@pytest.mark.parametrize(
    "body",
    [
        "حكام العرب مجرمون بحق شعوبهم",  # the rulers are charged, not the Arabs
        "وقادة العرب خونة",  # a proclitic on the governing noun
        "حكامنا العرب خونة",  # a suffix on it
    ],
)
def test_a_match_right_after_a_governing_noun_is_dropped(governed_policy, body):
    assert texts(governed_policy, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("العرب مجرمون", ["العرب مجرمون"]),
        ("بعض العرب خونة", ["العرب خونة"]),  # a partitive governs nothing listed
        ("حكام ظلمة لكن العرب خونة", ["العرب خونة"]),  # the governing noun is not right before
    ],
)
def test_a_match_not_governed_still_hits(governed_policy, body, found):
    assert texts(governed_policy, body) == found


@pytest.fixture(scope="module")
def targeted_pattern_policy():
    return build(
        rule("p", "pattern", pattern=r"\m[بن]?اقتلك\M", targets=["sects"], window=2),
        lexicons={"sects": "الشيعة\nالسنة\nشيعي"},
    )


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("والله اقتلك يا شيعي", ["اقتلك"]),  # a target within the window
        ("يا شيعي باقتلك", ["باقتلك"]),  # before the match too
        ("والله اقتلك يا خاين", []),  # no target
        ("اقتلك والله العظيم لو شفتك بالشارع يا شيعي", []),  # too far
        ("اقتلك. الشيعة اهلنا", []),  # another sentence
    ],
)
def test_with_targets_a_match_counts_only_near_one(targeted_pattern_policy, body, found):
    assert texts(targeted_pattern_policy, body) == found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("الافغان لازم يطلعوا", ["لازم يطلعوا"]),
        ("الامريكان لازم يطلعوا", []),  # a target that `except_targets` covers does not count
        ("الامريكان والافغان لازم يطلعوا", ["لازم يطلعوا"]),  # another target still does
    ],
)
def test_a_target_covered_by_except_targets_does_not_count(body, found):
    policy = build(
        rule("p", "pattern", pattern=r"\mلازم يطلعو\M", targets=["peoples"], except_targets=["powers"], window=3),
        lexicons={"peoples": "الافغان\nالامريكان", "powers": "الامريكان"},
    )
    assert texts(policy, body) == found


@pytest.fixture(scope="module")
def adjective_policy():
    return build(
        rule("p", "pattern", pattern=r"\mما بيعرف غير\M", targets=["peoples", "members"], window=2,
             except_described=["bodies"], adjectives=["members"]),
        lexicons={"peoples": "العرب\nالمصريين", "members": "مصري\nسوري", "bodies": "حكام\nنظام"},
    )


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("المصري ما بيعرف غير الفهلوة", ["ما بيعرف غير"]),  # the member opens its clause: the people
        ("ولك المصري ما بيعرف غير الفهلوة", ["ما بيعرف غير"]),  # after a word without the article
        ("الشعب، المصري ما بيعرف غير الفهلوة", ["ما بيعرف غير"]),  # a comma between: not its adjective
        ("الاعلام المصري ما بيعرف غير التطبيل", []),  # the adjective of any definite noun
        ("الصيف السوري ما بيعرف غير الحر", []),
        ("الحكام العرب ما بيعرف غير الشجب", []),  # a people after a listed body (except_described)
        ("حكام العرب ما بيعرف غير الشجب", ["ما بيعرف غير"]),  # a construct: the Arabs' rulers
        ("العرب ما بيعرف غير الشجب", ["ما بيعرف غير"]),
        ("الاعلام العرب ما بيعرف غير الشجب", ["ما بيعرف غير"]),  # a plural people is not in `adjectives`
    ],
)
def test_a_peoples_adjective_of_a_definite_noun_is_no_target(adjective_policy, body, found):
    assert texts(adjective_policy, body) == found


def test_rules_that_read_the_same_pattern_share_one_scan(monkeypatch):
    pattern = r"\mاقتلك\M"
    policy = build(rule("alone", "pattern", pattern=pattern),
                   rule("near", "pattern", pattern=pattern, targets=["sects"], window=2),
                   lexicons={"sects": "شيعي"})
    scans = []
    original = CompiledPattern.find
    monkeypatch.setattr(CompiledPattern, "find", lambda self, text: scans.append(text) or original(self, text))
    assert texts(policy, "اقتلك يا شيعي") == ["اقتلك", "اقتلك"]
    assert len(scans) == 1


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("انا اغبى واحد بالعالم", []),  # said of the writer
        ("اني صرت اغبى واحد", []),  # a word of being between
        ("انت اغبى واحد بالعالم", ["اغبى واحد"]),
        ("انا اقول انك اغبى واحد", ["اغبى واحد"]),  # the marker is not right before the match
        ("انا يا اغبى واحد", ["اغبى واحد"]),  # said with يا
    ],
)
def test_with_self_markers_a_match_said_of_oneself_is_dropped(body, found):
    policy = build(rule("p", "pattern", pattern=r"\mاغبي\s+واحد\M", self_markers=["self"]),
                   lexicons={"self": "انا\nاني"})
    assert texts(policy, body) == found


@pytest.fixture(scope="module")
def god_policy():
    return build(rule("god_insulted", "pattern", pattern="\\mاله\\s+(?:كلب|مجرم|كذاب|شيطان)\\M"))


@pytest.mark.parametrize(
    "body",
    [
        "حزب الله مجرم بحق السوريين",  # a party named with God
        "نصر الله كذاب",  # a man's name
        "عبد الله كلب",
        "ما شاء الله كلب جميل",  # praise: the dog is admired
        "ماشاء الله كلب جميل",
        "سبحان الله شيطان يوسوس ثم يتبرأ",
    ],
)
def test_a_match_opened_by_god_inside_a_name_or_praise_is_dropped(god_policy, body):
    assert texts(god_policy, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("الله كلب", "الله كلب"),
        ("قال الله مجرم", "الله مجرم"),
        ("ان شاء الله كذاب", "الله كذاب"),  # «ان شاء الله» opens prayers and curses, not praise
        ("شاء الله شيطان", "الله شيطان"),  # «شاء» without «ما»
        ("شرع الله مجرم", "الله مجرم"),  # God's own things: His law, His messenger, His book
        ("رسول الله كذاب", "الله كذاب"),
        ("كتاب الله شيطان", "الله شيطان"),
    ],
)
def test_a_match_opened_by_god_elsewhere_still_hits(god_policy, body, found):
    assert texts(god_policy, body) == [found]
