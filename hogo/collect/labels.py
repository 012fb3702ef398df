"""The forms' fixed wording in both languages, as policy `Text` values (like the notice's own
labels: side by side, no compile step). `{n}`, `{field}`, `{kinds}` are filled in by code."""

from hogo.policy.schema import Text

LABELS: dict[str, Text] = {
    "required": Text("必須", "Required"),
    "optional": Text("任意", "Optional"),
    "submit": Text("送信する", "Submit"),
    "switch": Text("English", "日本語"),
    "errors_title": Text("入力内容をご確認ください", "Please check your entries"),
    "notice_title": Text("個人情報の取扱いについて", "How we handle your personal information"),
    "notice_purposes": Text("利用目的", "Purposes of use"),
    "notice_retention": Text("取得から{n}間保存します。", "Kept for {n} from collection."),
    "notice_consent_only": Text(
        "ご本人の同意をいただいた場合に限り利用します。", "Used only with your consent."
    ),
    "notice_contact": Text("お問合せ窓口", "Contact desk"),
    "notice_full": Text(
        "個人情報の取扱いについて（第{n}版）の全文", "Read our full notice (version {n})"
    ),
    "consents": Text("同意", "Consent"),
    "consent_purpose": Text(
        "「{title}」のために、入力した情報を利用することに同意します。",
        "I agree to the use of the information I enter for: {title}.",
    ),
    "consent_purpose_missing": Text(
        "この目的への同意がない場合、このフォームの内容をお預かりできません。",
        "Without your consent to this purpose we cannot accept this form.",
    ),
    "special_found": Text(
        "「{field}」のご記入内容に、{kinds}に関する情報が含まれているようです。",
        "Your text in “{field}” seems to include information about {kinds}.",
    ),
    "special_choice_consent": Text(
        "この情報を削除して送信し直すか、お預かりすることに明示的に同意する場合は、"
        "下の同意欄にチェックを入れて送信してください。",
        "Remove it and submit again, or, if you want us to have it, tick the consent box "
        "below and submit.",
    ),
    "special_choice_remove": Text(
        "このフォームではこの種類の情報をお預かりしていません。削除してから送信してください。",
        "We do not accept this kind of information through this form. Please remove it and "
        "submit again.",
    ),
    "special_consent": Text(
        "記入した{kind}に関する情報を、当協会が上記の利用目的のために取得し利用することに、"
        "明示的に同意します。",
        "I explicitly consent to the Association obtaining and using the information about "
        "{kind} that I wrote, for the purposes above.",
    ),
    "special_note_allowed": Text(
        "健康状態などの要配慮個人情報は、ご本人の明示的な同意をいただいた場合に限りお預かり"
        "します。",
        "Special-care information such as health conditions is accepted only with your "
        "explicit consent.",
    ),
    "special_note_refused": Text(
        "このフォームでは、健康状態、信条、犯罪歴などの要配慮個人情報をお預かりしません。"
        "記入しないでください。",
        "This form does not accept special-care information such as health conditions, "
        "beliefs or criminal records. Please do not write any.",
    ),
    "field_required": Text("この項目は必須です。", "This field is required."),
    "field_choice": Text("選択肢から選んでください。", "Choose one of the options."),
    "field_too_long": Text("{n}文字以内で入力してください。", "Use at most {n} characters."),
    "field_email": Text("メールアドレスの形式で入力してください。", "Enter an e-mail address."),
    "field_phone": Text(
        "電話番号を市外局番から入力してください（例：03-1234-5678）。",
        "Enter a phone number with its area code (for example 03-1234-5678).",
    ),
    "field_date": Text("日付を入力してください（例：2026-04-01）。", "Enter a date (2026-04-01)."),
    "field_url": Text("URLを入力してください。", "Enter a web address."),
    "notice_changed": Text(
        "表示していた個人情報の取扱いの内容が更新されました。新しい内容をご確認のうえ、"
        "もう一度送信してください。",
        "Our notice on personal information has changed since this page was shown. Please "
        "read the new notice and submit again.",
    ),
    "not_accepted": Text(
        "ただいまお送りいただいた内容をお預かりできませんでした。何も保存されていません。"
        "もう一度送信してください。",
        "We could not accept your submission just now; nothing was stored. Please submit again.",
    ),
    "done_title": Text("送信しました", "Thank you"),
    "done_text": Text(
        "お送りいただいた内容を受け付けました。ありがとうございました。",
        "We have received your submission. Thank you.",
    ),
    "done_member": Text(
        "ご登録のメールアドレスに確認メールをお送りしました。メールのリンクからパスワードを"
        "設定すると登録が完了します。",
        "We have sent a confirmation e-mail to the address you registered. Set your password "
        "through its link to complete the registration.",
    ),
    "done_ref": Text("受付番号", "Reference number"),
    "done_ref_quote": Text(
        "お送りいただいた内容についてご連絡いただく際は、受付番号をお知らせください。",
        "Please quote this number if you contact us about what you sent.",
    ),
    "done_mailed": Text(
        "ご入力のメールアドレスに、受付番号を記載した確認メールをお送りしました。",
        "We have sent a confirmation e-mail with this number to the address you gave.",
    ),
    "done_anonymous": Text(
        "連絡先のご入力がなかったため、この回答はどなたのものか分からない形でお預かりしました。",
        "You gave no contact details, so we keep this answer without knowing whose it is.",
    ),
    "done_rights_title": Text("お預かりした個人情報について", "Your personal information"),
    "done_rights": Text(
        "お預かりした個人情報の確認（開示）、訂正・削除、利用の停止（同意の撤回）は、"
        "プライバシーセンターからいつでもご請求いただけます。ご請求の種類を選び、"
        "このフォームに入力したメールアドレスを入力すると、ご本人確認のための確認コードを"
        "お送りします。",
        "You can ask at any time, at our privacy center, to see the personal information we "
        "hold about you (disclosure), to have it corrected or deleted, or to stop us using it "
        "(withdrawing your consent). Choose the kind of request and enter the e-mail address "
        "you gave in this form: we send a code to it to confirm that the request is yours.",
    ),
    "done_center": Text("プライバシーセンターを開く", "Go to the privacy center"),
    "receipt_subject": Text(
        "受付のお知らせ：{channel}（受付番号：{ref}）", "Received: {channel} (reference {ref})"
    ),
    "receipt_body": Text(
        "{organization}です。\n"
        "「{channel}」のフォームからお送りいただいた内容を受け付けました。\n\n"
        "受付番号：{ref}\n"
        "ご連絡いただく際は、この受付番号をお知らせください。\n\n"
        "お預かりした個人情報の確認（開示）、訂正・削除、利用の停止（同意の撤回）は、"
        "次のプライバシーセンターからいつでもご請求いただけます。ご請求の種類を選び、"
        "このメールを受け取ったアドレスを入力すると、ご本人確認のための確認コードをお送りします。\n"
        "{center}\n\n"
        "個人情報の取扱いについて：\n{notice}\n\n"
        "お送りいただいた内容は、このメールには記載していません。\n"
        "お心当たりのない場合は、お手数ですが {desk} までご連絡ください。",
        "This is {organization}.\n"
        "We have received what you sent through the form “{channel}”.\n\n"
        "Reference number: {ref}\n"
        "Please quote it if you contact us about what you sent.\n\n"
        "You can ask at any time, at our privacy center, to see the personal information we "
        "hold about you (disclosure), to have it corrected or deleted, or to stop us using it "
        "(withdrawing your consent). Choose the kind of request and enter the address this "
        "e-mail came to: we send a code to it to confirm that the request is yours.\n"
        "{center}\n\n"
        "How we handle personal information:\n{notice}\n\n"
        "For your privacy, this e-mail does not repeat what you wrote.\n"
        "If you did not send this form, please tell us at {desk}.",
    ),
    "too_many": Text(
        "短時間に多くの送信がありました。しばらく時間をおいてから、もう一度お試しください。",
        "There have been too many submissions from your network. Please try again later.",
    ),
    "back": Text("フォームに戻る", "Back to the form"),
    "activate_title": Text("パスワードの設定", "Set your password"),
    "password": Text("パスワード", "Password"),
    "password_again": Text("パスワード（確認）", "Password (again)"),
    "password_mismatch": Text("パスワードが一致しません。", "The passwords do not match."),
    "activate_invalid": Text(
        "このリンクは無効か、有効期限が切れています。もう一度会員登録をしてください。",
        "This link is invalid or has expired. Please register again.",
    ),
    "activate_done": Text(
        "パスワードを設定しました。会員登録が完了しました。",
        "Your password is set and your registration is complete.",
    ),
    "activation_subject": Text("会員登録の確認", "Confirm your registration"),
    "activation_body": Text(
        "会員専用サイトへのご登録ありがとうございます。\n"
        "次のリンクから{n}日以内にパスワードを設定してください。\n\n{link}\n\n"
        "お心当たりのない場合は、このメールを破棄してください。",
        "Thank you for registering on the members-only site.\n"
        "Set your password through this link within {n} days:\n\n{link}\n\n"
        "If you did not register, please ignore this e-mail.",
    ),
}


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang)
