"""The contractor selection criteria hogo applies when the policy file lists none
(`[outsourcing].selection_criteria`)."""

from hogo.policy.schema.document import Text

# PPC General Guidelines 3-4-4 (1) and its annex 10: before outsourcing, check that the
# contractor's safety measures are at least those asked of the organization itself. The
# published policy names no criteria ("selects an appropriate contractor"), so these are the
# default until the policy file lists its own in `[outsourcing].selection_criteria`.
SELECTION_CRITERIA_DEFAULT: tuple[Text, ...] = (
    Text(
        ja="組織的安全管理措置（責任者の設置、取扱規程、取扱状況の記録、漏えい等への対応体制）が委託元に求められる水準と同等以上であること",
        en=(
            "Organizational safety measures (a person in charge, handling rules, records of "
            "handling, a breach response procedure) at least equal to those asked of the"
            " organization itself"
        ),
    ),
    Text(
        ja="人的安全管理措置（従業者の教育、秘密保持の義務付け）が講じられていること",
        en="Human safety measures (training of staff, a duty of confidentiality) are in place",
    ),
    Text(
        ja="物理的安全管理措置（取扱区域の管理、機器・媒体の盗難等の防止、復元不可能な手段による削除・廃棄）が講じられていること",
        en=(
            "Physical safety measures (controlled areas, protection of equipment and media against "
            "theft, irrecoverable deletion and disposal) are in place"
        ),
    ),
    Text(
        ja="技術的安全管理措置（アクセス制御、アクセス者の識別と認証、不正アクセス等の防止、情報システムの使用に伴う漏えい等の防止）が講じられていること",
        en=(
            "Technical safety measures (access control, identification and authentication, "
            "protection against unauthorized access, prevention of leaks through information "
            "systems) are in place"
        ),
    ),
    Text(
        ja="外国で個人データを取り扱う場合は、その国の個人情報の保護に関する制度を把握していること（外的環境の把握）",
        en=(
            "Where personal data is handled abroad, the country's system for the protection of "
            "personal information is known (external environment)"
        ),
    ),
    Text(
        ja="委託契約に、安全管理措置、秘密保持、再委託の条件、委託の範囲外の取扱いの禁止、契約終了時の返却・削除、漏えい等の報告、取扱状況の報告・監査を定められること",
        en=(
            "The agreement can state the safety measures, confidentiality, conditions for "
            "subcontracting, no handling beyond the outsourced work, return or deletion at the end,"
            " reporting of leaks, and reports on or audits of the handling"
        ),
    ),
)
