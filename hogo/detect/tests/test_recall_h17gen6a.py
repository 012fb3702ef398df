"""Issue 17, recall by class of phrasing, sixth round (branch h17gen6a): classes that dev29 and
dev30 missed or flagged wrongly in race or ethnicity, political opinion, sexual orientation,
social status and religion, each with hard negatives that reuse its words about nobody or about
a topic. None of these texts is from a labelled set.
"""

import pytest

from hogo.detect import scan

# (text, language, category)
POSITIVES = [
    # Origin from a district that faces bias, said indirectly (origin.py).
    (
        "Her fiance's parents paid a private detective and learned she's from 'that' side of"
        " the city, so the wedding is off.",
        "en",
        "social_status",
    ),
    (
        "Please keep my hometown off the roster; my village was on the list of place names.",
        "en",
        "social_status",
    ),
    (
        "Kids at school looked down on us because of the neighbourhood we were raised in.",
        "en",
        "social_status",
    ),
    (
        "A caller told us Mr. Ono comes from that area across the river and to watch out.",
        "en",
        "social_status",
    ),
    (
        "兄の縁談は、相手方が探偵を雇って私たちの生まれた集落を調べ、反対されて破談になりました。",
        "ja",
        "social_status",
    ),
    ("同僚が「あそこの辺りの出だから」と陰口を言われています。", "ja", "social_status"),
    ("実家のある地域の出ってだけで、昔から避けられてきました。", "ja", "social_status"),
    ("うちの地元、川向こうの集落の出身だと知られると縁談がこわれるんです。", "ja", "social_status"),
]

NEGATIVES = [
    # District-origin words about a place or a topic, with no one's origin under bias.
    ("I'm from a district near the river, so I'll come by train.", "en", "social_status"),
    (
        "Our venue is across the river from the station; I'm from the Kita area.",
        "en",
        "social_status",
    ),
    (
        "The investigator said the fire started in a house in my neighbourhood.",
        "en",
        "social_status",
    ),
    (
        "Rumour has it the seminar will move to the community centre in my area.",
        "en",
        "social_status",
    ),
    ("出身地は大阪です。川沿いの会場が好きです。", "ja", "social_status"),
    ("地元の駅で差別的な落書きを見ました。", "ja", "social_status"),
    ("探偵小説の読書会を地元の公民館で開きます。", "ja", "social_status"),
]


@pytest.mark.parametrize(("text", "lang", "category"), POSITIVES)
def test_each_class_is_found(text: str, lang: str, category: str) -> None:
    assert category in scan(text, lang=lang).categories


@pytest.mark.parametrize(("text", "lang", "category"), NEGATIVES)
def test_hard_negatives_of_each_class_are_not(text: str, lang: str, category: str) -> None:
    assert category not in scan(text, lang=lang).categories
