"""The privacy center's fixed wording in Japanese and English, kept as policy `Text` values
like the notice's labels (hogo/policy/labels.py): both languages side by side, no compile step.
Texts that come from the policy itself (kinds, fees, deadlines, the desk) are not repeated here.
"""

from hogo.desk.models import CaseKind, CaseRefusalReason, CaseStatus, StepName, StepStatus
from hogo.policy.schema import Text

LABELS: dict[str, Text] = {
    "title": Text("プライバシーセンター", "Privacy center"),
    "switch": Text("English", "日本語"),
    "intro": Text(
        "当協会が保有するお客様の個人情報について、次のご請求やお問合せをこちらから受け付けます。"
        "ご請求の前に、ご本人確認のためメールアドレスに確認コードをお送りします。",
        "Here you can make the following requests and inquiries about the personal "
        "information the Association holds about you. Before we act, we send a confirmation "
        "code to your e-mail address to confirm that the request is yours.",
    ),
    "complaint_title": Text("ご質問・苦情・ご相談", "Questions, complaints and consultations"),
    "complaint_description": Text(
        "個人情報の取扱いに関するご質問、苦情、ご相談を受け付けます。担当者がメールで回答します。",
        "Ask a question, make a complaint or ask for advice about how we handle personal "
        "information. The desk answers by e-mail.",
    ),
    "fee": Text("手数料", "Fee"),
    "deadline": Text("回答期限", "Answered within"),
    "deadline_days": Text("本人確認後{n}日以内", "{n} days after your identity is confirmed"),
    "deadline_days_fee": Text(
        "本人確認と手数料のお支払いの確認の後{n}日以内",
        "{n} days after your identity is confirmed and the fee is received",
    ),
    "what_happens": Text("お手続きの流れ", "What happens"),
    "start": Text("請求する", "Make this request"),
    "check_status": Text("ご請求の状況を確認する", "Check the status of a request"),
    "by_post": Text("郵送・代理人によるご請求", "Requests by post or through an agent"),
    "email": Text("メールアドレス", "E-mail address"),
    "email_help": Text(
        "当協会にご登録のメールアドレスをご入力ください。確認コードをお送りします。",
        "The address you registered with us. We send a confirmation code to it.",
    ),
    "submit": Text("確認コードを送信", "Send the confirmation code"),
    "code": Text("確認コード（6桁）", "Confirmation code (6 digits)"),
    "verify": Text("確認する", "Confirm"),
    "code_sent": Text(
        "入力されたアドレスが受信可能であれば、確認コードを送信しました。10分以内に入力してください。"
        "メールに記載のリンクから確認することもできます。",
        "If that address can receive mail, we have sent it a confirmation code. Enter it "
        "within 10 minutes, or open the link in the e-mail.",
    ),
    "code_wrong": Text("確認コードが正しくありません。", "That code is not correct."),
    "code_expired": Text(
        "確認コードの有効期限が切れたか、すでに使用されています。もう一度お手続きください。",
        "The code has expired or was already used. Please start again.",
    ),
    "code_exhausted": Text(
        "確認コードの入力回数の上限に達しました。もう一度お手続きください。",
        "Too many wrong codes. Please start again.",
    ),
    "throttled": Text(
        "短時間に多くのご請求がありました。しばらくしてからもう一度お試しください。",
        "Too many attempts in a short time. Please try again later.",
    ),
    "link_confirm": Text(
        "下のボタンを押して、ご請求を確認してください。",
        "Press the button below to confirm your request.",
    ),
    "status_title": Text("ご請求の状況", "Status of your request"),
    "status_lookup": Text(
        "受付番号とメールアドレスを入力してください。一致した場合、確認コードをお送りします。",
        "Enter the request number and your e-mail address. If they match, we send you a "
        "confirmation code.",
    ),
    "case_ref": Text("受付番号", "Request number"),
    "received": Text("受付日時", "Received"),
    "due": Text("回答期限", "Answer due by"),
    "due_after_fee": Text(
        "手数料のお支払いを確認した日から数えます", "Counted from the day we receive the fee"
    ),
    "fee_how": Text("お支払い方法", "How to pay"),
    "fee_state": Text("お支払いの状況", "Payment"),
    "fee_waiting": Text(
        "手数料のお支払いをお待ちしています。お支払いを確認するまで、ご請求への対応は始まりません。"
        "お支払いの際は、受付番号をお知らせください。",
        "We are waiting for the fee. We cannot start on your request until we receive it. "
        "Please quote your request number when you pay.",
    ),
    "fee_received": Text("{n}にお支払いを確認しました。", "Received on {n}."),
    "status": Text("状況", "Status"),
    "steps": Text("手続きの各段階と結果", "Each step and its result"),
    "no_steps": Text("担当者が内容を確認しています。", "The desk is reviewing your request."),
    "password": Text("添付ファイルのパスワード", "Password of the attachment"),
    "password_help": Text(
        "開示ファイル（パスワードで保護したPDF、AES-256で暗号化）のパスワードです。メールには記載していません。"
        "パソコン、スマートフォン、タブレットのPDF閲覧ソフトで開き、このパスワードを入力してください。"
        "機械判読できる形式（JSON、CSV）のファイルは、PDF閲覧ソフトの「添付ファイル」欄にあります。",
        "The password of the disclosure file (a PDF protected by AES-256 encryption). It is not "
        "in any e-mail. Open the file in any PDF reader on a computer, smartphone or tablet and "
        "enter this password. The machine-readable files (JSON and CSV) are in the reader's "
        "attachments panel.",
    ),
    "password_help_zip": Text(
        "開示ファイル（暗号化ZIP、AES-256）のパスワードです。メールには記載していません。"
        "7-Zipなど、AES暗号化ZIPに対応したソフトで開いてください。",
        "The password of the disclosure file (an AES-256 encrypted zip). It is not in any "
        "e-mail. Open the file with software that supports AES zip files, such as 7-Zip.",
    ),
    "refusal": Text("ご請求に応じられない理由", "Why we cannot do what you asked"),
    "replies": Text("窓口からの回答", "Replies from the desk"),
    "understood": Text(
        "上記の内容（利用を停止するとご利用いただけなくなるサービスがあること）を理解しました。",
        "I understand the above: some services stop working once use is suspended.",
    ),
    "what_stops": Text("利用停止によって止まること", "What stops when use is suspended"),
    "provision_stop": Text("第三者への提供を停止する", "Stop provision to third parties"),
    "provision_stop_effect": Text(
        "業務委託先を含め、当協会以外への個人データの提供を行わなくなります。",
        "We no longer provide your personal data to anyone outside the Association, "
        "contractors included.",
    ),
    "all_purposes": Text("すべての利用を停止する", "Stop all use"),
    "some_purposes": Text("次の目的での利用を停止する", "Stop use for these purposes"),
    "purpose_stops": Text(
        "利用を停止すると、停止した目的のために当協会が行っている次のことができなくなります。",
        "Once use is suspended, we can no longer do the following for the purposes suspended.",
    ),
    "kind": Text("ご請求の種類", "Request"),
    "delivery": Text("開示の方法", "How you receive the disclosure"),
    "delete_all": Text(
        "保有するすべての個人情報の削除を請求する", "Delete all personal information you hold"
    ),
    "changes": Text("訂正・追加・削除する項目", "What to correct, add or delete"),
    "change_set": Text("訂正・追加", "Correct or add"),
    "change_delete": Text("削除", "Delete"),
    "new_value": Text("正しい内容", "Correct value"),
    "topic": Text("お問合せの種類", "Kind of inquiry"),
    "text": Text("内容", "Your message"),
    "question": Text("ご質問", "Question"),
    "complaint": Text("苦情", "Complaint"),
    "consultation": Text("ご相談", "Consultation"),
    "download": Text("ダウンロード", "Download"),
    "download_help": Text(
        "このリンクは1回限り有効です。パスワードはご請求の状況ページに表示されます。",
        "This link works once. The password is shown on the status page of your request.",
    ),
    "download_gone": Text(
        "このリンクは使用済みか、有効期限が切れています。窓口にお問い合わせください。",
        "This link was already used or has expired. Please contact the desk.",
    ),
    "invalid": Text("入力内容を確認してください。", "Please check what you entered."),
    "choose": Text("選択してください", "Choose"),
}

KIND_TITLES: dict[str, Text] = {
    CaseKind.COMPLAINT: LABELS["complaint_title"],
}

# What happens after the request, per kind (the privacy center's "what happens" sections).
KIND_STEPS: dict[str, Text] = {
    CaseKind.PURPOSE_NOTIFICATION: Text(
        "ご本人確認の後、お客様の個人情報を取得した際の利用目的を、取得の経緯と公表していた方針の版ごとにメールでお知らせします。",
        "After confirming your identity, we e-mail you the purposes of use that apply to "
        "your personal information, for each occasion we obtained it and the policy version "
        "published then.",
    ),
    CaseKind.DISCLOSURE: Text(
        "ご本人確認（手数料がある場合は、そのお支払いの確認）の後、保有するすべての個人情報、取得の記録、同意の記録、利用停止の状況、"
        "第三者提供の記録を、PDF（日本語または英語）と、機械判読できるJSON・CSVにまとめて開示します。"
        "メールやダウンロードでお送りするファイルはパスワードで保護したPDF（JSON・CSVを添付）で、"
        "パスワードはこのサイトのご請求状況ページにのみ表示します。保有する個人情報がない場合、"
        "またはすでに廃棄した場合は、その旨をお知らせします。",
        "After confirming your identity (and receiving the fee, where there is one), we "
        "disclose all personal information we hold about you, the records of how we obtained "
        "it, your consents, any suspension, and the records of provision to third parties, as "
        "a PDF in Japanese or English with machine-readable JSON and CSV. By e-mail or "
        "download, you get a password-protected PDF (the JSON and CSV attached inside it) "
        "whose password is shown only on your request's status page on this site. If we hold "
        "nothing, or it has already been disposed of, we tell you so.",
    ),
    CaseKind.CORRECTION: Text(
        "ご本人確認の後、担当者が訂正前後の内容を確認し、訂正・追加・削除を行い、結果をメールでお知らせします。"
        "すでに廃棄した個人情報についてはご対応できません。",
        "After confirming your identity, the desk reviews the change, corrects, adds or "
        "deletes the information, and e-mails you the result. Information already disposed "
        "of cannot be changed.",
    ),
    CaseKind.SUSPENSION: Text(
        "利用停止によって止まることをご確認いただいた後、ご本人確認を経て、利用または第三者への提供を停止し、"
        "結果をメールでお知らせします。",
        "Once you have confirmed that you understand what will stop working, and after "
        "confirming your identity, we stop the use or the provision to third parties and "
        "e-mail you the result.",
    ),
    CaseKind.COMPLAINT: Text(
        "ご本人確認の後、担当者が内容を確認し、メールで回答します。",
        "After confirming your identity, the desk looks into it and answers by e-mail.",
    ),
}

STATUS_TEXTS: dict[str, Text] = {
    CaseStatus.UNVERIFIED: Text("ご本人確認待ち", "Waiting for identity confirmation"),
    CaseStatus.EXPIRED: Text("ご本人確認が行われませんでした", "Identity was not confirmed"),
    CaseStatus.OPEN: Text("受付済み・確認中", "Received, being reviewed"),
    CaseStatus.IN_PROGRESS: Text("対応中", "In progress"),
    CaseStatus.COMPLETED: Text("完了", "Completed"),
    CaseStatus.REFUSED: Text("ご請求に応じられませんでした", "Refused (see the reason)"),
}

STEP_TEXTS: dict[str, Text] = {
    StepName.FEE: Text("手数料のお支払いの確認", "Fee received"),
    StepName.PURPOSES_ANSWER: Text("利用目的のご通知", "Purposes notified"),
    StepName.PACKAGE_BUILD: Text("開示ファイルの作成", "Disclosure files prepared"),
    StepName.PACKAGE_DELIVER: Text("開示ファイルのお届け", "Disclosure delivered"),
    StepName.CORRECTIONS_APPLY: Text(
        "訂正・追加・削除の実施", "Correction or deletion carried out"
    ),
    StepName.SUSPENSION_APPLY: Text("利用停止等の実施", "Suspension carried out"),
    StepName.RESULT_NOTIFY: Text("結果のご通知", "Result notified"),
    StepName.REPLY: Text("窓口からの回答", "Answered by the desk"),
    StepName.REFUSAL_NOTIFY: Text("理由のご通知", "Reason notified"),
}

STEP_STATUS_TEXTS: dict[str, Text] = {
    StepStatus.PENDING: Text("未着手", "Not started"),
    StepStatus.WAITING: Text("処理待ち", "Waiting"),
    StepStatus.SUCCEEDED: Text("完了", "Done"),
    StepStatus.FAILED: Text("再試行中", "Being retried"),
}

# Explanations to the person (Art. 36): what each ground means for them.
REFUSAL_TEXTS: dict[str, Text] = {
    CaseRefusalReason.HARM: Text(
        "開示することにより、ご本人または第三者の生命、身体、財産その他の権利利益を害するおそれがあるため（個人情報保護法第33条第2項第1号）。",
        "Disclosure could harm the life, body, property or other rights and interests of you "
        "or another person (APPI Art. 33(2)(i)).",
    ),
    CaseRefusalReason.BUSINESS: Text(
        "開示することにより、当協会の業務の適正な実施に著しい支障を及ぼすおそれがあるため（同第33条第2項第2号）。",
        "Disclosure could seriously hinder the proper conduct of the Association's business "
        "(APPI Art. 33(2)(ii)).",
    ),
    CaseRefusalReason.OTHER_LAW: Text(
        "開示することが他の法令に違反することとなるため（同第33条第2項第3号）。",
        "Disclosure would violate another law (APPI Art. 33(2)(iii)).",
    ),
    CaseRefusalReason.RECORDS_EXEMPT: Text(
        "第三者提供の記録のうち、その存否が明らかになることで公益その他の利益が害されるものに該当するため（同第33条第5項、施行令第11条）。",
        "The provision records concerned are ones whose existence, if known, would harm the "
        "public or other interests (APPI Art. 33(5), Cabinet Order Art. 11).",
    ),
    CaseRefusalReason.ACCURATE: Text(
        "調査の結果、保有する個人情報の内容が事実であることを確認したため（同第34条）。",
        "We investigated and found the information we hold to be accurate (APPI Art. 34).",
    ),
    CaseRefusalReason.NO_GROUNDS: Text(
        "利用停止等の請求の要件に該当しないため（同第35条）。",
        "The grounds for suspension or erasure are not met (APPI Art. 35).",
    ),
    CaseRefusalReason.SUBSTITUTE: Text(
        "ご請求どおりの対応には多額の費用を要するため、これに代わる措置をとりました（同第35条ただし書）。",
        "Doing exactly what was asked would be very costly, so we took another measure "
        "instead (APPI Art. 35, proviso).",
    ),
    CaseRefusalReason.IDENTITY: Text(
        "ご本人または代理人であることを確認できなかったため（同第37条）。",
        "We could not confirm that the request comes from you or your agent (APPI Art. 37).",
    ),
    CaseRefusalReason.FEE_UNPAID: Text(
        "手数料のお支払いを確認できなかったため（同第38条）。",
        "We did not receive the fee (APPI Art. 38).",
    ),
}


def kind_title(policy_title: Text | None, kind: str) -> Text:
    """A request kind's title: the policy's, or the desk's own for complaints."""
    return policy_title or KIND_TITLES.get(kind) or Text(kind, kind)
