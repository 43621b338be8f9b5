"""The lexicon rule option `alone`: a label counts only thrown as a sentence, clause or reply of its own."""

import pytest

from tests.rules.conftest import build, rule, texts

LABELS = "مجرمين\nجبان\nعملاء\nمرتزقه\nنصاب"


@pytest.fixture(scope="module")
def policy():
    return build(rule("hurled", "lexicon", lexicons=["labels"], alone=True), lexicons={"labels": LABELS})


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("مجرمين", ["مجرمين"]),  # the whole comment
        ("شفت شو عملوا بالناس. مجرمين.", ["مجرمين"]),  # a sentence of its own
        ("ما يقدر يتكلم عن الموضوع، جبان", ["جبان"]),  # a clause of its own
        ("مرتزقه كلهم!", ["مرتزقه"]),  # with «all of them» beside it
        ("والله العظيم عملاء 😡", ["عملاء"]),  # with an oath and an emoji
        ("بصراحه جبان", ["جبان"]),
        ("@User.IDX @sami جبان", ["جبان"]),  # a reply: the handles and their dots are no words
        ("@sami: مجرمين", ["مجرمين"]),
        ("هههه مجرمين #حلب", ["مجرمين"]),  # laughter and a hashtag
        ("https://youtu.be/a.b مرتزقه", ["مرتزقه"]),  # a link is no word and its dots cut nothing
        ("#حلب،مجرمين", ["مجرمين"]),  # a mark cuts a word off the hashtag it is glued to
        ("ومرتزقه كلهم!", ["ومرتزقه"]),  # behind a conjunction
    ],
)
def test_a_label_alone_in_its_piece_is_hurled(policy, body, found):
    assert texts(policy, body) == found


@pytest.mark.parametrize(
    "body",
    [
        "المرتزقه انسحبوا من المدينه.",  # the label is the subject of news
        "عملاء البنك اشتكوا من التاخير",
        "من هو الجبان الذي فعلها؟ لا نعرف",
        "مجرمين الحرب يجب ان يحاكموا.",
        "#مجرمين",  # a hashtag is a tag, not a sentence said to anyone
        "المرتزقه!",  # the article names: a title, a heading
        "التهمه: نصاب",  # a colon gives the value of what stands before it
        "مجرمين؟ ليش شو عملوا؟",  # a label asked about
        "شو رايك فيهم؟ مجرمين",  # the answer to a question
        "صحفيين، محامين، مجرمين، كلهم في نفس السجن",  # one word of a list of single words
        "عملاء: 300",  # a figure is a word
    ],
)
def test_a_label_inside_a_sentence_is_not(policy, body):
    assert texts(policy, body) == []


def test_without_the_option_the_label_counts_anywhere():
    anywhere = build(rule("anywhere", "lexicon", lexicons=["labels"]), lexicons={"labels": LABELS})
    assert texts(anywhere, "المرتزقه انسحبوا من المدينه.") == ["المرتزقه"]
