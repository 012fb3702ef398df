"""The fixed wording of the published notice around the policy's own texts.

Kept as `Text` values like the policy itself (not gettext catalogs) so that both languages sit
side by side and need no compile step. `{n}` is filled in by the template's `fill` filter.
"""

from hogo.policy.schema import Text

LABELS: dict[str, Text] = {
    "title": Text("個人情報の取扱いについて", "Handling of Personal Information"),
    "switch": Text("English", "日本語"),
    "version": Text("第{n}版", "Version {n}"),
    "version_column": Text("版", "Version"),
    "published": Text("公表日", "Published"),
    "current": Text("現行版", "current"),
    "earlier": Text(
        "これは過去の版です。現在の取扱いは最新の版をご覧ください。",
        "This is an earlier version. See the current version for how we handle "
        "personal information today.",
    ),
    "see_current": Text("現行版を見る", "See the current version"),
    "history": Text("改定履歴", "Version history"),
    "history_intro": Text(
        "本方針を改定した場合は、新しい版を公表し、過去の版も引き続き掲載します。",
        "When this policy changes, the new version is published and earlier versions stay "
        "available here.",
    ),
    "operator": Text("個人情報取扱事業者", "The business handling your personal information"),
    "name": Text("名称", "Name"),
    "address": Text("住所", "Address"),
    "representative": Text("代表者", "Representative"),
    "s1": Text(
        "1 個人情報の取扱いに関する基本方針",
        "1 Basic Policy for the Handling of Personal Information",
    ),
    "s2": Text("2 個人情報の取得", "2 Acquisition of Personal Information"),
    "s3": Text("3 当協会が保有する個人情報", "3 Personal Information Possessed by the Association"),
    "kinds_held": Text("取り扱う個人情報の項目", "Kinds of personal information we handle"),
    "special_care": Text(
        "要配慮個人情報等（3.3に定める事項）", "Special-care information (the matters of 3.3)"
    ),
    "basis_statutory": Text("法令上の要配慮個人情報", "special-care information under the Act"),
    "basis_policy": Text(
        "当協会の方針により同様に取り扱う情報", "treated the same way under our own policy"
    ),
    "s4": Text(
        "4 当協会が保有する個人情報の利用目的",
        "4 Purposes of Use of Personal Information Possessed by the Association",
    ),
    "uses": Text("利用する情報", "Information used"),
    "retention": Text("保存期間", "Retention"),
    "retention_period": Text(
        "取得から{n}間（経過後は速やかに消去します）",
        "{n} from acquisition (erased promptly afterwards)",
    ),
    "consent": Text("同意", "Consent"),
    "consent_required": Text(
        "ご本人の同意をいただいた場合に限り利用します", "Used only with your consent"
    ),
    "consent_not_required": Text(
        "上記の目的の範囲内で利用します（同意は不要です）",
        "Used within the purpose above (no separate consent needed)",
    ),
    "channels": Text("取得の場面と項目", "Where we collect personal information, and what"),
    "channel_purposes": Text("利用目的", "Purposes"),
    "field": Text("項目", "Item"),
    "required": Text("必須", "Required"),
    "required_or_optional": Text("必須・任意", "Required or optional"),
    "optional": Text("任意", "Optional"),
    "if_omitted": Text("ご提供いただけない場合", "If not provided"),
    "special_care_consent": Text(
        "この場面では、ご要望の記入に伴う要配慮個人情報（健康状態等）を、"
        "ご本人の明示的な同意をいただいた場合に限りお預かりします。",
        "Here we accept special-care information (such as health needs) written in your "
        "requests only with your explicit consent.",
    ),
    "no_special_care": Text(
        "この場面では要配慮個人情報をお預かりしません。記入しないでください。",
        "We do not accept special-care information here; please do not write any.",
    ),
    "s5": Text(
        "5 お客様の個人情報の第三者への非開示・非提供",
        "5 Nondisclosure and Non-provision of Our Customers' Personal Information to Third Parties",
    ),
    "joint_use": Text("共同利用", "Joint use"),
    "joint_items": Text("共同利用する項目", "Items used jointly"),
    "joint_users": Text("共同利用者の範囲", "Joint users"),
    "joint_purposes": Text("利用目的", "Purposes"),
    "joint_responsible": Text("管理責任者", "Person responsible"),
    "s6": Text(
        "6 当協会が保有する個人情報の安全管理措置",
        "6 Safety Measures for Personal Information Possessed by the Association",
    ),
    "measures": Text("講じている安全管理措置", "The safety measures we take"),
    "organizational": Text("組織的安全管理措置", "Organizational measures"),
    "human": Text("人的安全管理措置", "Human measures"),
    "physical": Text("物理的安全管理措置", "Physical measures"),
    "technical": Text("技術的安全管理措置", "Technical measures"),
    "external": Text("外的環境の把握", "Understanding the external environment"),
    "country": Text("国名", "Country"),
    "country_system": Text(
        "当該国の個人情報保護制度", "Its personal information protection system"
    ),
    "country_measures": Text("講じている措置", "Measures we take"),
    "website": Text(
        "ウェブサイトを通じた個人情報の取得", "Collection of Personal Information via the Website"
    ),
    "ssl": Text("暗号化", "Encryption"),
    "cookies": Text("Cookie", "Cookies"),
    "cookie_kinds": Text("使用するCookieの種類", "Kinds of cookies we use"),
    "cookie_version": Text("Cookie設定の版：{n}", "Cookie settings version {n}"),
    "cookie_required": Text("常に有効", "Always on"),
    "cookie_optional": Text("同意した場合のみ有効", "Only with your consent"),
    "analytics": Text("{n}の利用", "Using {n}"),
    "links": Text("他のウェブサイトへのリンク", "Links to Other Websites"),
    "ip_addresses": Text("IPアドレス", "IP Addresses"),
    "s7": Text(
        "7 個人情報に関するお問合せ窓口",
        "7 Customer Service Desk for Personal Information Inquiries",
    ),
    "requests": Text(
        "7.1 ご請求いただける事項", "7.1 Requests you may make about your personal information"
    ),
    "fee": Text("手数料", "Fee"),
    "delivery": Text("開示の方法", "How it is disclosed"),
    "default_delivery": Text("特にご指定がない場合", "unless you choose otherwise"),
    "how": Text("ご請求の方法", "How to make a request"),
    "identity": Text("ご本人確認", "Identity verification"),
    "agents": Text("代理人によるご請求", "Requests by an agent"),
    "fee_payment": Text("手数料のお支払い", "Paying fees"),
    "deadline": Text("回答の期限", "When we reply"),
    "deadline_days": Text(
        "ご請求の受付から原則として{n}日以内に結果をご連絡します。",
        "We reply with the result within {n} days of receiving your request, as a rule.",
    ),
    "complaints": Text("7.2 ご質問・苦情・ご相談", "7.2 Questions, complaints and consultations"),
    "desk": Text("窓口", "Desk"),
    "email": Text("メール", "E-mail"),
    "phone": Text("電話", "Telephone"),
    "hours": Text("受付時間", "Hours"),
    "accredited": Text(
        "認定個人情報保護団体", "Accredited personal information protection organization"
    ),
    "none": Text("なし", "None"),
    "unavailable": Text(
        "個人情報の取扱いについての公表文は、現在ご覧いただけません。時間をおいて再度アクセスしてください。",
        "The notice on the handling of personal information is not available at the moment. "
        "Please try again later.",
    ),
    "contents": Text("目次", "Contents"),
    "privacy_center_intro": Text(
        "ご自身の個人情報の利用目的の通知、開示、訂正・追加・削除、利用停止等のご請求と、"
        "ご質問・苦情は、プライバシーセンターで受け付けます。",
        "Requests about your own personal information (notification of the purposes, "
        "disclosure, correction, addition, deletion, suspension of use) and questions or "
        "complaints are taken at our privacy center.",
    ),
    "privacy_center_link": Text("プライバシーセンターを開く", "Go to the privacy center"),
    "channel_form": Text("「{n}」のフォームを開く", "Open the form “{n}”"),
    "skip": Text("本文へ移動", "Skip to main content"),
    "privacy": Text("個人情報の取扱いについて", "Handling of Personal Information"),
}

DELIVERY = {
    "email_attachment": Text(
        "電磁的記録（メールへの添付）", "electronically, as an e-mail attachment"
    ),
    "download": Text("電磁的記録（ダウンロード）", "electronically, as a download"),
    "postal_mail": Text("書面の郵送", "on paper, by post"),
    "in_person": Text("窓口での交付", "in person at the desk"),
}
