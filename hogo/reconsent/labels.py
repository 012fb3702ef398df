"""The consent page's and the request mail's fixed wording in Japanese and English, as policy
`Text` values like the privacy center's (hogo/desk/labels.py). What the purpose is and which
kinds of information it uses come from the policy itself; the organization's name and desk
too. `fill` puts values where a text says `{name}` (not `str.format`: braces in policy texts
stay as they are)."""

from hogo.policy.diff import ChangeKind
from hogo.policy.schema import Text

LABELS: dict[str, Text] = {
    "title": Text(
        "個人情報の利用目的の変更に関するご同意のお願い",
        "Your consent to a change in how we use your personal information",
    ),
    "switch": Text("English", "日本語"),
    "intro": Text(
        "{org}は、個人情報の利用目的を変更しました（第{version}版）。以前にお預かりした"
        "お客様の個人情報を下記のとおり利用するには、お客様の同意が必要です。",
        "{org} has changed the purposes for which it uses personal information (version "
        "{version}). We need your consent before we use the personal information you gave us "
        "earlier as described below.",
    ),
    "if_not": Text(
        "同意されない場合、以前にお預かりした個人情報をこの目的に利用することはありません。"
        "それ以外の取扱いは変わりません。同意した後も、いつでも撤回できます。",
        "If you do not agree, we will not use the information you gave us earlier for this "
        "purpose; nothing else changes. If you agree, you can withdraw your consent at any time.",
    ),
    "if_not_categories": Text(
        "同意されない場合、以前にお預かりした個人情報のうち新たな項目をこの目的に利用することは"
        "ありません。それ以外の取扱いは変わりません。同意した後も、いつでも撤回できます。",
        "If you do not agree, we will not use the new kinds of information you gave us earlier "
        "for this purpose; nothing else changes. If you agree, you can withdraw your consent at "
        "any time.",
    ),
    "purpose": Text("利用目的", "Purpose of use"),
    "categories": Text("この目的で利用する情報の項目", "Kinds of information this purpose uses"),
    "new_categories": Text(
        "この目的で新たに利用する情報の項目", "Kinds of information this purpose will now also use"
    ),
    "agree": Text("同意する", "I agree"),
    "decline": Text("同意しない", "I do not agree"),
    "withdraw": Text("同意を撤回する", "Withdraw my consent"),
    "agreed": Text(
        "{date}に同意をいただきました。ありがとうございます。同意はいつでも撤回できます。",
        "You agreed on {date}. Thank you. You can withdraw your consent at any time.",
    ),
    "declined": Text(
        "{date}に「同意しない」とのご回答を承りました。以前にお預かりした個人情報をこの目的に"
        "利用することはありません。お考えが変わった場合は、下のボタンから同意できます。",
        "On {date} you told us you do not agree. We will not use the information you gave us "
        "earlier for this purpose. If you change your mind, you can agree below.",
    ),
    "withdrawn": Text(
        "{date}に同意を撤回されました。以前にお預かりした個人情報をこの目的に利用することは"
        "ありません。",
        "You withdrew your consent on {date}. We will not use the information you gave us "
        "earlier for this purpose.",
    ),
    "keep_link": Text(
        "後で同意を撤回するときは、次のリンクを開いてください。このページを保存しておくことを"
        "お勧めします。",
        "To withdraw your consent later, open the following link. We recommend keeping it.",
    ),
    "stale": Text(
        "このページは最新ではありませんでした。現在の状態を表示しています。",
        "This page was out of date. It now shows where things stand.",
    ),
    "withdraw_page": Text("同意の撤回", "Withdrawing your consent"),
    "expires": Text("このリンクの有効期限：{date}", "This link is valid until {date}."),
    "invalid": Text(
        "このリンクは無効か、有効期限が切れています。お手数ですが、下記の窓口までお問合せください。",
        "This link is not valid or has expired. Please contact the desk below.",
    ),
    "gone": Text(
        "この件について、当方ではお客様の個人情報をもう保有していないため、ご回答は不要です。",
        "We no longer hold personal information about you for this, so no answer is needed.",
    ),
    "contact": Text("お問合せ窓口：", "Contact: "),
    "mail_subject": Text(
        "【{org}】個人情報の利用目的の変更に関するご同意のお願い",
        "{org}: your consent to a change in how we use your personal information",
    ),
    "mail_open": Text(
        "内容をご確認のうえ、次のページで同意するかどうかをお選びください。",
        "Please read about the change and tell us whether you agree on this page:",
    ),
    "mail_close": Text(
        "このメールは、当方にお預かりしているメールアドレスにお送りしています。ご不明な点は"
        "下記の窓口までお問合せください。",
        "We sent this message to the e-mail address you gave us. If you have questions, "
        "please contact the desk below.",
    ),
}

CHANGE_TEXTS: dict[str, Text] = {
    ChangeKind.PURPOSE_ADDED: Text("新たに追加した利用目的です。", "This is a new purpose."),
    ChangeKind.CONSENT_REQUIRED_CHANGED: Text(
        "この目的には、今後はご本人の同意をいただいた場合に限り個人情報を利用します。",
        "We now use personal information for this purpose only with your consent.",
    ),
    ChangeKind.CATEGORIES_WIDENED: Text(
        "この目的で利用する情報の項目を追加しました。",
        "This purpose will now also use more kinds of information.",
    ),
}


def fill(text: str, **values: object) -> str:
    """Puts each value where the text says {name}."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text
