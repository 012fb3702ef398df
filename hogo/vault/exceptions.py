"""Statutory exceptions to the purpose limit (APPI Art. 18(3), as amended in 2021): the cases in
which personal information may be used beyond the purposes the person was told, without their
consent. A use under one of them is a decision of the privacy officer, cites the ground from
this fixed list and explains itself (`access/exceptional.py`).

The share app keeps the parallel list for provision to a third party (Art. 27(1)) and uses the
same `Ground` shape and `explanation_checked`.
"""

from dataclasses import dataclass

from hogo.errors import InvalidInput

MAX_EXPLANATION = 2000


@dataclass(frozen=True)
class Ground:
    """One item of a statutory list: its id (used in the API and the records), the article
    it cites, and its title in Japanese and English."""

    id: str
    article: str
    title_ja: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_ja if lang == "ja" else self.title_en


_LAW_JA = "法令（条例を含む。）に基づく場合"
_LAW_EN = "Cases based on laws and regulations (including local ordinances)"
_LIFE_JA = (
    "人の生命、身体又は財産の保護のために必要がある場合であって、"
    "本人の同意を得ることが困難であるとき"
)
_LIFE_EN = (
    "Cases in which it is necessary for the protection of the life, body or property of an "
    "individual and it is difficult to obtain the person's consent"
)
_HEALTH_JA = (
    "公衆衛生の向上又は児童の健全な育成の推進のために特に必要がある場合であって、"
    "本人の同意を得ることが困難であるとき"
)
_HEALTH_EN = (
    "Cases in which it is specially necessary for improving public health or promoting the "
    "sound growth of children and it is difficult to obtain the person's consent"
)
_STATE_JA = (
    "国の機関若しくは地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに対して"
    "協力する必要がある場合であって、本人の同意を得ることにより当該事務の遂行に支障を及ぼす"
    "おそれがあるとき"
)
_STATE_EN = (
    "Cases in which it is necessary to cooperate with a national government body, a local "
    "government or a person entrusted by them in performing affairs prescribed by laws and "
    "regulations, and obtaining the person's consent is likely to impede those affairs"
)
UNJUST_JA = "個人の権利利益を不当に侵害するおそれがある場合を除く。"
UNJUST_EN = "except where it is likely to unjustly infringe an individual's rights and interests"

# Shared with the share app's Art. 27(1) list: items (i) to (iv) read the same in both.
COMMON_TITLES = (
    (_LAW_JA, _LAW_EN),
    (_LIFE_JA, _LIFE_EN),
    (_HEALTH_JA, _HEALTH_EN),
    (_STATE_JA, _STATE_EN),
)
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii")

USE_GROUNDS: tuple[Ground, ...] = (
    *(
        Ground(f"art18-3-{ROMAN[n]}", f"APPI Art. 18(3)({ROMAN[n]})", ja, en)
        for n, (ja, en) in enumerate(COMMON_TITLES)
    ),
    Ground(
        "art18-3-v",
        "APPI Art. 18(3)(v)",
        "当該個人情報取扱事業者が学術研究機関等である場合であって、当該個人情報を学術研究目的で"
        "取り扱う必要があるとき（当該個人情報を取り扱う目的の一部が学術研究目的である場合を含み、"
        f"{UNJUST_JA}）",
        "Cases in which the business is an academic research institution or the like and needs "
        "to handle the personal information for academic research purposes (including where "
        f"only part of the purpose is academic research), {UNJUST_EN}",
    ),
    Ground(
        "art18-3-vi",
        "APPI Art. 18(3)(vi)",
        "学術研究機関等に個人データを提供する場合であって、当該学術研究機関等が当該個人データを"
        "学術研究目的で取り扱う必要があるとき（当該個人データを取り扱う目的の一部が学術研究目的で"
        f"ある場合を含み、{UNJUST_JA}）",
        "Cases in which personal data is provided to an academic research institution or the "
        "like that needs to handle it for academic research purposes (including where only "
        f"part of the purpose is academic research), {UNJUST_EN}",
    ),
)
USE_GROUND = {ground.id: ground for ground in USE_GROUNDS}


def ground_checked(path: str, value: object, grounds: dict[str, Ground]) -> Ground:
    """The ground named by `value`; anything else is refused with the list of ids."""
    if not isinstance(value, str) or value not in grounds:
        raise InvalidInput(f"{path}: must be one of {', '.join(grounds)}", code="unknown_ground")
    return grounds[value]


def explanation_checked(value: object) -> str:
    """Why the exception applies, in the officer's words: required, and bounded so that a
    record stays a record."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_EXPLANATION:
        raise InvalidInput(
            f"explanation: say why the exception applies, in 1 to {MAX_EXPLANATION} characters",
            code="explanation_required",
        )
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise InvalidInput("explanation: control characters are not allowed")
    return value.strip()
