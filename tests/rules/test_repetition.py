"""The repetition rule type: repeated words or phrases, shouting, flooding."""

from tests.rules.conftest import build, hits, rule, terms, texts


def repetition_policy(**options):
    return build(rule("rep", "repetition", **options))


def test_a_word_repeated_too_often():
    policy = repetition_policy(max_repeat=3)
    assert terms(policy, "بيع بيع بيع بيع الآن") == ["بيع ×4"]
    assert terms(policy, "بيع بيع بيع الآن") == []


def test_a_phrase_repeated():
    policy = repetition_policy(max_repeat=2)
    (hit,) = hits(policy, "قال: اشتري الآن اشتري الآن اشتري الآن")
    assert (hit.term, hit.text) == ("اشتري الان ×3", "اشتري الآن اشتري الآن اشتري الآن")


def test_repeats_are_seen_through_disguises():
    assert terms(repetition_policy(max_repeat=2), "بِيع بيـــع بيع") == ["بيع ×3"]


def test_shouting_in_latin_capitals():
    policy = repetition_policy(max_caps_ratio=0.7, min_length=10)
    assert terms(policy, "BUY THIS NOW PLEASE") == ["100% capitals"]
    assert terms(policy, "Buy this now please") == []
    assert terms(policy, "NASA") == []  # too short to count


def test_flooding_one_character():
    policy = repetition_policy(max_char_run=5)
    assert texts(policy, "رائع!!!!!!!! جدا") == ["!!!!!!!!"]
    assert terms(policy, "😂😂😂😂😂😂😂") == ["😂 ×7"]
    assert texts(policy, "رائع!!!") == []


def test_ordinary_text_passes():
    policy = repetition_policy(max_repeat=2, max_caps_ratio=0.7, max_char_run=6)
    assert texts(policy, "مقال جميل جدا جدا، شكرا للكاتب على هذا التحليل") == []
