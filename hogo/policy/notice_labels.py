"""The fixed wording around supplementary notices, on their own pages and in the main notice
(`Text` values like `hogo.policy.labels`; `{n}` is filled in by the template's `fill`)."""

from hogo.policy.schema import Text

NOTICE_LABELS: dict[str, Text] = {
    "section": Text(
        "製品・ウェブサイト・イベントごとのお知らせ",
        "Notices for individual products, websites and events",
    ),
    "section_intro": Text(
        "製品やウェブサイト、イベントごとに詳しい利用目的等をお知らせする必要がある場合は、"
        "以下のとおり個別にお知らせします。",
        "Where a product, website or event needs more detailed information on the purposes "
        "of use, we announce it separately here.",
    ),
    "kind": Text("対象", "About"),
    "kind_product": Text("製品", "a product"),
    "kind_website": Text("ウェブサイト", "a website"),
    "kind_event": Text("イベント", "an event"),
    "purposes": Text("利用目的", "Purposes of use"),
    "main_purpose": Text("「個人情報の取扱いについて」の利用目的", "A purpose of our main notice"),
    "own_within": Text(
        "「{n}」と関連する利用目的です。",
        "Reasonably related to the purpose “{n}” of our main notice.",
    ),
    "own_beyond": Text(
        "「個人情報の取扱いについて」の利用目的を超えるため、ご本人の同意をいただいた場合に限り利用します。",
        "Beyond the purposes of our main notice: used only with your consent.",
    ),
    "history": Text("このお知らせの改定履歴", "Versions of this notice"),
    "history_intro": Text(
        "このお知らせを改定した場合は、新しい版を公表し、過去の版も引き続き掲載します。",
        "When this notice changes, the new version is published and earlier versions stay "
        "available here.",
    ),
    "earlier": Text(
        "これはこのお知らせの過去の版です。",
        "This is an earlier version of this notice.",
    ),
    "see_current": Text("現行版を見る", "See the current version"),
    "withdrawn": Text(
        "このお知らせは現在の方針には含まれていません。",
        "This notice is not part of the current policy.",
    ),
    "main_notice": Text(
        "個人情報の取扱いについて（全文）", "Handling of Personal Information (full notice)"
    ),
    "main_notice_note": Text(
        "このお知らせに記載のない事項は、「個人情報の取扱いについて」によります。",
        "For anything this notice does not cover, our main notice applies.",
    ),
}
