"""The members' area's fixed wording in both languages, as policy `Text` values (the forms'
mechanism: side by side, no compile step). `{...}` parts are filled in by code."""

from hogo.policy.schema import Text

LABELS: dict[str, Text] = {
    "switch": Text("English", "日本語"),
    "area": Text("会員専用サイト", "Members' site"),
    "login_title": Text("ログイン", "Log in"),
    "identifier": Text("会員番号またはメールアドレス", "Member number or e-mail address"),
    "password": Text("パスワード", "Password"),
    "password_again": Text("パスワード（確認）", "Password (again)"),
    "login": Text("ログインする", "Log in"),
    "logout": Text("ログアウト", "Log out"),
    "login_failed": Text(
        "会員番号（またはメールアドレス）かパスワードが正しくありません。",
        "The member number (or e-mail address) or the password is not correct.",
    ),
    "login_locked": Text(
        "ログインの失敗が続いたため、{until}までログインできません。時間をおいてから、"
        "もう一度お試しください。",
        "After repeated failed attempts, logging in is locked until {until}. Please try "
        "again later.",
    ),
    "login_needed": Text(
        "このページをご覧になるには、ログインしてください。", "Please log in to see this page."
    ),
    "forgot": Text("パスワードをお忘れの方", "Forgotten your password?"),
    "required": Text("この項目は必須です。", "This field is required."),
    "reset_title": Text("パスワードの再設定", "Reset your password"),
    "reset_intro": Text(
        "ご登録のメールアドレスを入力してください。パスワードを再設定するためのリンクを"
        "お送りします。",
        "Enter the e-mail address you registered. We will send you a link to set a new password.",
    ),
    "email": Text("メールアドレス", "E-mail address"),
    "email_invalid": Text("メールアドレスの形式で入力してください。", "Enter an e-mail address."),
    "send": Text("送信する", "Send"),
    "reset_sent": Text(
        "入力されたアドレスで会員登録されている場合は、パスワード再設定のリンクを"
        "お送りしました。リンクの有効期間は{n}時間です。メールが届かない場合は、アドレスを"
        "ご確認のうえ、もう一度お試しください。",
        "If an account is registered under this address, we have sent it a link to set a "
        "new password. The link is valid for {n} hours. If no e-mail arrives, check the "
        "address and try again.",
    ),
    "too_many": Text(
        "短時間に多くの送信がありました。しばらく時間をおいてから、もう一度お試しください。",
        "There have been too many submissions from your network. Please try again later.",
    ),
    "reset_subject": Text("パスワードの再設定", "Reset your password"),
    "reset_body": Text(
        "会員専用サイトのパスワード再設定のご依頼を受け付けました。\n"
        "次のリンクから{n}時間以内に新しいパスワードを設定してください。リンクは一度だけ"
        "使えます。\n\n{link}\n\n"
        "お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。",
        "We received a request to reset the password of your members' site account.\n"
        "Set a new password through this link within {n} hours; it works once:\n\n{link}\n\n"
        "If you did not ask for this, please ignore this e-mail; your password stays as it "
        "is.",
    ),
    "reset_invalid": Text(
        "このリンクは無効か、有効期限が切れているか、すでに使用されています。もう一度"
        "パスワードの再設定をお申し込みください。",
        "This link is invalid, has expired or has already been used. Please ask for a new one.",
    ),
    "reset_done": Text(
        "新しいパスワードを設定しました。ログインしてください。",
        "Your new password is set. Please log in.",
    ),
    "password_mismatch": Text("パスワードが一致しません。", "The passwords do not match."),
    "home_title": Text("登録情報", "Your registration"),
    "member_number": Text("会員番号", "Member number"),
    "data_intro": Text(
        "当協会がお預かりしているお客様の個人情報は次のとおりです（{time}現在）。",
        "This is the personal information the Association holds about you (as of {time}).",
    ),
    "data_item": Text("項目", "Item"),
    "data_value": Text("内容", "Value"),
    "data_source": Text("取得した経緯", "Obtained through"),
    "data_acquired": Text("取得日時", "Obtained on"),
    "data_none": Text(
        "お預かりしている個人情報はありません。", "We hold no personal information about you."
    ),
    "menu_correct": Text("登録情報の訂正", "Correct your information"),
    "menu_invitations": Text("ご案内メールの設定", "Invitation e-mails"),
    "menu_withdraw": Text("退会", "Withdraw"),
    "menu_home": Text("登録情報", "Your registration"),
    "correct_title": Text("登録情報の訂正", "Correct your information"),
    "correct_intro": Text(
        "変更したい項目を書き換えて保存してください。ここで訂正した内容は、当協会がお預かり"
        "している同じ項目のすべての情報に反映されます。",
        "Change what you want to correct and save. A correction applies to every value of "
        "that item the Association holds about you.",
    ),
    "correct_desk": Text(
        "メールアドレスの変更、一部の情報の削除、その他の訂正・追加・削除のご請求は、"
        "プライバシーセンターで受け付けます（窓口で内容を確認のうえ対応します）。",
        "To change your e-mail address, to delete part of your information, or for any "
        "other correction, addition or deletion, please make a request at the privacy "
        "center (the desk reviews it before acting).",
    ),
    "privacy_center": Text("プライバシーセンター", "Privacy center"),
    "save": Text("保存する", "Save"),
    "correct_done": Text("登録情報を訂正しました。", "Your information has been corrected."),
    "correct_nothing": Text("変更された項目はありません。", "Nothing was changed."),
    "correct_refused": Text(
        "この内容では訂正できませんでした。何も変更されていません。{reason}",
        "This correction could not be made; nothing was changed. {reason}",
    ),
    "correct_special": Text(
        "要配慮個人情報が含まれているようです。このページでは受け付けられません。",
        "It seems to contain special-care information, which this page does not accept.",
    ),
    "field_too_long": Text("{n}文字以内で入力してください。", "Use at most {n} characters."),
    "field_choice": Text("選択肢から選んでください。", "Choose one of the options."),
    "field_invalid": Text("入力内容をご確認ください。", "Please check this entry."),
    "invitations_title": Text("ご案内メールの設定", "Invitation e-mails"),
    "invitations_intro": Text(
        "次の目的によるメールの送信を、目的ごとに停止・再開できます。停止すると、その目的での"
        "お客様の情報の利用を停止します。",
        "You can stop and restart e-mail for each of these purposes. Stopping one stops the "
        "use of your information for that purpose.",
    ),
    "invitations_none": Text(
        "ご案内メールの対象となる目的でお預かりしている情報はありません。",
        "We hold none of your information for a purpose that sends invitation e-mails.",
    ),
    "receiving": Text("（配信中）", "(receiving)"),
    "stopped": Text("（停止中）", "(stopped)"),
    "stop": Text("停止する", "Stop"),
    "restart": Text("再開する", "Restart"),
    "invitations_stopped": Text(
        "メールの送信を停止しました。", "E-mail for this purpose is stopped."
    ),
    "invitations_restarted": Text(
        "メールの送信を再開しました。", "E-mail for this purpose is restarted."
    ),
    "invitations_all": Text(
        "すべての目的での利用停止をご請求いただいているため、ここでは再開できません。"
        "プライバシーセンターからご請求ください。",
        "You asked us to stop all use of your information, so this cannot be restarted here. "
        "Please make a request at the privacy center.",
    ),
    "invitations_unknown": Text("この目的は選択できません。", "This purpose cannot be chosen."),
    "withdraw_title": Text("退会", "Withdraw from the members' site"),
    "withdraw_what": Text("退会すると、次のとおりになります。", "If you withdraw:"),
    "withdraw_erase": Text(
        "当協会がお預かりしているお客様の個人情報（会員登録以外で取得したものを含みます）"
        "をすべて消去します。暗号鍵を破棄するため、バックアップに残る写しも読み出せなく"
        "なります。元に戻すことはできません。",
        "All personal information the Association holds about you, including what was "
        "obtained other than through the member registration, is erased. Its encryption key "
        "is destroyed, so copies in backups can no longer be read either. This cannot be "
        "undone.",
    ),
    "withdraw_account": Text(
        "会員番号とパスワードを削除し、ログインできなくなります。お送りしたリンクも"
        "使えなくなります。",
        "Your member number and password are removed and you can no longer log in; links "
        "we sent you stop working.",
    ),
    "withdraw_mail": Text(
        "ご案内メールなど、当協会からのメールは届かなくなります。",
        "You will receive no more e-mail from the Association, invitations included.",
    ),
    "withdraw_kept": Text(
        "取得・消去の記録（日時、経路、項目の種類。内容は含みません）は、法令に基づく記録"
        "として残ります。",
        "Records that information was obtained and erased (times, channels, kinds of item; "
        "never the content) are kept as the law requires.",
    ),
    "withdraw_confirm": Text(
        "上記を理解したうえで退会します。", "I understand the above and want to withdraw."
    ),
    "withdraw_button": Text("退会する", "Withdraw"),
    "withdraw_unconfirmed": Text(
        "退会するには、確認欄にチェックを入れてください。",
        "To withdraw, tick the confirmation box.",
    ),
    "withdraw_done": Text(
        "退会の手続きが完了しました。お客様の個人情報を消去しました。ご利用ありがとう"
        "ございました。",
        "You have withdrawn and your personal information has been erased. Thank you for "
        "having been a member.",
    ),
    "not_now": Text(
        "ただいま処理できませんでした。何も変更されていません。もう一度お試しください。",
        "This could not be done just now; nothing was changed. Please try again.",
    ),
}


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang)
