"""Issue 17, recall by class of phrasing, seventh round (branch h17gen7b): classes that blind
set 10 missed or flagged wrongly in political opinion, sexual orientation, religion, social
status and race or ethnicity, each with hard negatives that reuse its words about nobody or about
a topic. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A programme's or a fair's role noun names one person (cues.tsv).
    ("The mentee hopes to run for the ward assembly next spring.", "en", "political"),
    ("An exhibitor is a zainichi Korean and asked for help with a form.", "en", "race_ethnicity"),
    ("出展者はタミル人で、通訳を希望しています。", "ja", "race_ethnicity"),
    # A message's header naming its sender by role: the sender is someone in particular.
    ("来場者からの問い合わせ：ラマダン中なので昼の試食は遠慮したいそうです。", "ja", "religion"),
    # Campaign material for a candidate, a rights demo, a vote for a side's candidate.
    ("He was handing out flyers for a mayoral hopeful, no, for the candidate.", "en", "political"),
    ("She handed out leaflets for the candidate at the station.", "en", "political"),
    ("He marched with us at the marriage equality march.", "en", "political"),
    ("She was detained at a student demonstration years ago.", "en", "political"),
    ("正直、今回は与党の候補に入れたよ。", "ja", "political"),
    # A faith named by a misspelling, a named parish, a denomination's church.
    ("my cousin is a jehovas witness and skips holidays", "en", "religion"),
    ("He is a member of St. Brigid's parish.", "en", "religion"),
    ("彼女はペンテコステ派の信徒です。", "ja", "religion"),
    ("父はバプテスト派教会の執事をしています。", "ja", "religion"),
    ("ｻﾞｲﾆﾁってだけで嫌味を言われたそうです。", "ja", "race_ethnicity"),
    ("メンティーは市議選で候補者のビラを配っていた。", "ja", "political"),
    ("娘は父親に認知されていないので、戸籍の父の欄は空欄です。", "ja", "social_status"),
    ("メンティーの祖父母の地域は代々差別されてきたそうです。", "ja", "social_status"),
    # A birth only the mother registered, a father who never recognised the child.
    ("My son's father never recognised him, so his surname is mine.", "en", "social_status"),
    ("Her birth was registered by her mother only.", "en", "social_status"),
    ("彼は出生届は母のみで、父の欄は空白です。", "ja", "social_status"),
    (
        "Grandma said our street was shunned for generations, so I never name it.",
        "en",
        "social_status",
    ),
    # A cleric's title after a surname names the person (「武田牧師」), weak words then count.
    ("北村牧師（バプテスト）は毎週、駅前で署名を集めています。", "ja", "religion"),
    # Church service week by week, the service word in kana.
    ("教会で毎週ほうしをしているので日曜は出られません。", "ja", "religion"),
    # A registered sex changed to the other one.
    (
        "Please update the sex to female on her badge; the court approved it.",
        "en",
        "sexual_orientation",
    ),
    ("戸籍が変わったので、名簿の性別を女性に変更してください。", "ja", "sexual_orientation"),
    # A full name, then later in its sentence the spouse word and the same surname.
    (
        "村上 拓海さんは、入院中の夫・村上 大輔さんの着替えを取りに帰りました。",
        "ja",
        "sexual_orientation",
    ),
    # A list's quoted title that a place was in.
    ("祖母の村は「地名総鑑」に載っていた地域だそうです。", "ja", "social_status"),
    # Same-sex partners: a guest list's room, a spaced name, 「さんは彼氏と」.
    ("Guests: Mr. Ken Ito + partner Mr. Joe Park (same room).", "en", "sexual_orientation"),
    ("名簿：高田 恵子様、パートナーの小林 直美様（同室）", "ja", "sexual_orientation"),
    ("翔太さんは彼氏と暮らす部屋を探しています。", "ja", "sexual_orientation"),
]

NEGATIVES = [
    ("父に認知症の症状が出てきたので、面談を延期します。", "ja", "social_status"),
    ("Exhibitors may hand out flyers for their products at the entrance.", "en", "political"),
    ("「地名総鑑」に載っている地名の問題について講演を聞きました。", "ja", "social_status"),
    ("キング牧師の伝記を読み終えました。", "ja", "religion"),
    (
        "村上 拓海さんは、入院中の父・村上 大輔さんの着替えを取りに帰りました。",
        "ja",
        "sexual_orientation",
    ),
    (
        "村上 恵子さんは、入院中の夫・村上 大輔さんの着替えを取りに帰りました。",
        "ja",
        "sexual_orientation",
    ),
    ("牧師という職業を描いた映画を観ました。", "ja", "religion"),
    ("教会でほうれん草のスープを配るイベントがあるそうです。", "ja", "religion"),
    ("The form asks for the sex to be left blank.", "en", "sexual_orientation"),
    ("設定画面で性別を選ぶ欄を削除してください。", "ja", "sexual_orientation"),
    ("Mentees often ask about campaign finance law in the seminar.", "en", "political"),
    ("The exhibitor hall has a Korean food stand this year.", "en", "race_ethnicity"),
    ("来場者からの問い合わせ：期日前投票所はどこですか？", "ja", "political"),
    ("We handed out flyers for the booth at the station.", "en", "political"),
    ("The equality report was handed out at the seminar.", "en", "political"),
    ("今回の候補地に入れたのは三つの会場です。", "ja", "political"),
    ("The parish hall is the venue; parking is behind it.", "en", "religion"),
    ("メソジスト系の大学の講堂を借ります。", "ja", "religion"),
    (
        "I belong to the Jodo Shinshu sect, and my temple holds a service on Sunday.",
        "en",
        "political",
    ),
    ("彼は労働組合の組合員で、組合を代表して会議に出ます。", "ja", "political"),
    ("メンティーは難民や移民を支援する団体で働きたいそうです。", "ja", "social_status"),
    ("The father of the new tax rule was never recognised by the press.", "en", "social_status"),
    ("出生届は母子手帳と一緒に出してください。", "ja", "social_status"),
    ("Guests: Mr. Ken Ito + partner Ms. Ann Park (same room).", "en", "sexual_orientation"),
    ("Guests: Ms. Ann Ito + partner Ms. Joy Park (separate invoices).", "en", "sexual_orientation"),
    ("健二さんは夫と話したそうです。", "ja", "sexual_orientation"),
    ("名簿：高田 恵子様、パートナー企業の小林 直美様", "ja", "sexual_orientation"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
