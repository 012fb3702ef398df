"""The classes of phrasing the third round added (issue 17), each with hard negatives that
reuse its words: misspellings, certificates by short names, transition, campaigning, genetic
results and lasting injuries, pregnancy leave and treatment schedules, honours and titles."""

import pytest

from hogo.detect import scan
from hogo.detect.typos import variants


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A letter dropped, doubled or two swapped, about the writer or their family.
        ("I was diagnosed with depresion last year so pls be patient.", "health"),
        ("my daugter has epilespy and may need a break.", "health"),
        ("i have diabettes and need snacks during the session", "health"),
        ("I was harrassed by my manager for months.", "crime_victim"),
        # Certificates by their short names and grades.
        ("身障手帳2級を持っています。", "disability"),
        ("息子は愛の手帳を持っています。", "disability"),
        # Transition and a changed sex on the family register.
        ("戸籍の性別を変更したので、現在の名前でお願いします。", "sexual_orientation"),
        ("My legal gender was changed last year, please use my new name.", "sexual_orientation"),
        # Campaigning beyond voting.
        ("I volunteered for the mayor's campaign last fall.", "political"),
        ("選挙事務所でボランティアをしています。", "political"),
        # Genetic results, lasting injuries, pregnancy leave, treatment by schedule.
        ("My genetic test results showed a BRCA1 mutation.", "health"),
        ("遺伝子検査で陽性と出ました。", "health"),
        ("After the accident I still have nerve damage in my leg.", "health"),
        ("I'm on maternity leave until April.", "health"),
        ("産前産後休業のため4月以降に参加します。", "health"),
        ("週3回、人工透析に通っています。", "health"),
        # A couple whose genders only the titles of both partners give.
        ("Mr. and Mr. Tanaka will attend together as a married couple.", "sexual_orientation"),
        (
            "Table for Mrs Ito & Mrs Ono, celebrating their wedding anniversary.",
            "sexual_orientation",
        ),
        # Honours and hereditary titles.
        ("My father was knighted in 2010.", "social_status"),
        ("祖父は旧華族の家系です。", "social_status"),
    ],
)
def test_it_finds_the_new_classes(text: str, category: str) -> None:
    assert category in scan(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Please disable the alarm before you leave.",  # a word one letter from "disabled"
        "I believe the invoice was sent twice.",  # one letter from "believer"
        "We offer genetic testing kits in our catalogue.",  # a product, no person
        "Canvassing tips for sales teams are in the appendix.",  # a trade, no person
        "The Knights of the Round Table is a good film.",
        "Our booth will show the 選挙事務所 layout software.",
        "The maternity leave policy is on page 4.",  # a document, no person
        "Mr. and Mrs. Tanaka will attend as a married couple.",  # titles of both genders
        "Mr. Sato and Mr. Ito will present the new controller.",  # two men, no couple
    ],
)
def test_it_keeps_the_words_of_the_new_classes_apart_from_people(text: str) -> None:
    assert scan(text).categories == ()


def test_misspellings_never_touch_the_first_letter_and_make_one_change() -> None:
    made = set(variants("epilepsy"))
    assert {"epilpsy", "epilepssy", "epileps", "epliepsy"} <= made
    assert not any(v[0] != "e" for v in made)
    assert "epilepsy" not in made
