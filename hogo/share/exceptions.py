"""Statutory exceptions to the consent rule for provision to a third party (APPI Art. 27(1),
as amended in 2021): the cases in which personal data may be provided without the person's
consent. Provision under one of them is a basis of its own (`Basis.STATUTORY`): the privacy
officer's decision, citing a ground of this fixed list and explaining why it applies.

Items (i) to (iv) read as Art. 18(3)(i) to (iv) (the vault's list); the three academic-research
items differ.
"""

from hogo.vault.exceptions import COMMON_TITLES, ROMAN, UNJUST_EN, UNJUST_JA, Ground

_RESEARCH_PART_JA = (
    "（当該個人データを{verb}目的の一部が学術研究目的である場合を含み、" + UNJUST_JA + "）"
)
_RESEARCH_PART_EN = "(including where only part of the purpose is academic research), " + UNJUST_EN

PROVISION_GROUNDS: tuple[Ground, ...] = (
    *(
        Ground(f"art27-1-{ROMAN[n]}", f"APPI Art. 27(1)({ROMAN[n]})", ja, en)
        for n, (ja, en) in enumerate(COMMON_TITLES)
    ),
    Ground(
        "art27-1-v",
        "APPI Art. 27(1)(v)",
        "当該個人情報取扱事業者が学術研究機関等である場合であって、当該個人データの提供が学術研究の"
        f"成果の公表又は教授のためやむを得ないとき（{UNJUST_JA}）",
        "Cases in which the business is an academic research institution or the like and the "
        "provision is unavoidable for publishing or teaching the results of academic research, "
        + UNJUST_EN,
    ),
    Ground(
        "art27-1-vi",
        "APPI Art. 27(1)(vi)",
        "当該個人情報取扱事業者が学術研究機関等である場合であって、当該個人データを学術研究目的で"
        "提供する必要があるとき"
        + _RESEARCH_PART_JA.format(verb="提供する")
        + "（当該個人情報取扱事業者と当該第三者が共同して学術研究を行う場合に限る。）",
        "Cases in which the business is an academic research institution or the like and needs "
        "to provide the personal data for academic research purposes "
        + _RESEARCH_PART_EN
        + ", only where the business and the third party conduct the research jointly",
    ),
    Ground(
        "art27-1-vii",
        "APPI Art. 27(1)(vii)",
        "当該第三者が学術研究機関等である場合であって、当該第三者が当該個人データを学術研究目的で"
        "取り扱う必要があるとき" + _RESEARCH_PART_JA.format(verb="取り扱う"),
        "Cases in which the third party is an academic research institution or the like and "
        "needs to handle the personal data for academic research purposes " + _RESEARCH_PART_EN,
    ),
)
PROVISION_GROUND = {ground.id: ground for ground in PROVISION_GROUNDS}
