"""Issue 17, recall by class of phrasing, fourth round (branch h17gen4a): the classes blind set 8,
dev27 and dev28 missed in race, political opinion, sexual orientation, social status and
religion, each with hard negatives that reuse its words about nobody, an organisation, a topic
or a thing. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Heritage: grandparents who came or fled from abroad, "born to X parents", a parent "from
    # there" said colloquially, "mixed (a/b)".
    ("My grandparents came from Korea, so I grew up with two languages.", "en", "race_ethnicity"),
    ("Ms. Levi, whose grandparents fled Hungary, will lead the tour.", "en", "race_ethnicity"),
    ("He was born in Kobe to Brazilian parents.", "en", "race_ethnicity"),
    ("Our new hire is the daughter of Peruvian immigrants.", "en", "race_ethnicity"),
    ("The chair's grandfather came over from Taiwan in the 1950s.", "en", "race_ethnicity"),
    ("tbh i'm mixed (japanese/filipino) so people stare sometimes", "en", "race_ethnicity"),
    ("祖父母が韓国から渡ってきたので、家では韓国語も使います。", "ja", "race_ethnicity"),
    ("山本さんのお父さんはブラジルの方で、ポルトガル語も話せます。", "ja", "race_ethnicity"),
    ("うちのおばあちゃん、戦後に台湾から来たんやって", "ja", "race_ethnicity"),
    # An ethnic group named as such, 系 heritage, Nikkei families and generations with a digit.
    ("営業の李さんは朝鮮族の方で、中国語と韓国語ができます。", "ja", "race_ethnicity"),
    ("ﾌﾞﾗｼﾞﾙの日系家庭で育ちました", "ja", "race_ethnicity"),
    ("新人の田中くんは日系2世です。", "ja", "race_ethnicity"),
    (
        "フィリピン系の弊社スタッフが、お客様に国籍を聞かれて困っていました。",
        "ja",
        "race_ethnicity",
    ),
    ("中国系カナダ人の担当者が会場で待っています。", "ja", "race_ethnicity"),
    ("Our Rohingya trainee was refused a room at the guest house.", "en", "race_ethnicity"),
    # Racist abuse aimed at someone.
    ("会員の方が駅で「国に帰れ」と言われて突き飛ばされました。", "ja", "race_ethnicity"),
    ("My colleague was racially abused on the train home.", "en", "race_ethnicity"),
    # Political: leaflets, online petitions, movements joined, canvassing, Pride marches,
    # party supporters, Chongryon activity, an anti-government demo.
    ("同僚が駅前で参政党のビラ配ってた", "ja", "political"),
    ("弊社の社長が、増税反対のネット署名に名前を出していました。", "ja", "political"),
    ("兄は憲法改正の推進運動をやっていて、週末は集会に出ています。", "ja", "political"),
    ("私は国民民主党のサポーター登録をしています。", "ja", "political"),
    ("叔父は朝鮮総連の活動をしています。", "ja", "political"),
    ("My sister canvasses for the Greens every election.", "en", "political"),
    ("Our liaison ran as a Labour candidate in the council elections.", "en", "political"),
    ("I saw Mr. Ono at an anti-government rally on Sunday.", "en", "political"),
    ("My cousin was detained at the Pride march in Istanbul.", "en", "political"),
    (
        "The treasurer sits on the local committee of the Liberal Democratic Party.",
        "en",
        "political",
    ),
    ("I'm a die-hard Komeito supporter, just so you know.", "en", "political"),
    # Couples: two named women booked as a couple, a wedding of two named men, a katakana name
    # with くん and 彼氏, a form's 本人/パートナー fields, "I'm Ms. X" with a wife, "his partner,
    # a man", a partner sharing a room.
    (
        "西田真由美さんとパートナーの小林彩香さんで、カップルプランを予約します。",
        "ja",
        "sexual_orientation",
    ),
    ("会報：中村健太さんと木村翔太さんが台湾で結婚されました。", "ja", "sexual_orientation"),
    ("ユウキくんと彼氏も懇親会に来るって", "ja", "sexual_orientation"),
    ("同伴者：本人 森下由美／パートナー 川口奈美（同居5年）", "ja", "sexual_orientation"),
    ("申込者は山田ゆかりです。妻の山田恵子も参加します。", "ja", "sexual_orientation"),
    ("担当の方はトランスであることを職場で公表しています。", "ja", "sexual_orientation"),
    ("Emergency contact: Anna Berg (wife). I'm Ms. Clara Berg.", "en", "sexual_orientation"),
    (
        "He asked whether his partner, a man he has lived with for years, could join the dinner.",
        "en",
        "sexual_orientation",
    ),
    ("Mr. Ito will be sharing a room with his partner, Kevin.", "en", "sexual_orientation"),
    (
        "The director and his partner Takeshi have lived together for ten years.",
        "en",
        "sexual_orientation",
    ),
    # Social status: a field answer after a bracketed label, a quoted place someone lives in, the
    # old slur for a buraku village, dowa scholarships, a title a register gave.
    ("アンケート（東京支部・男性）：被差別部落の出身です。", "ja", "social_status"),
    ("She is listed as living in the 'buraku district' on the old file.", "en", "social_status"),
    ("祖父の村は昔「えた村」と呼ばれていた。", "ja", "social_status"),
    ("私は同和奨学金を受けて大学に通いました。", "ja", "social_status"),
    (
        "Mr. Sato's great-grandmother was registered as 'shizoku' in the old koseki.",
        "en",
        "social_status",
    ),
    # Religion: a company's person named by job, a faith's dietary law, halal as the only food.
    ("弊社の通訳はモルモン教の信者なので、お酒の席は遠慮します。", "ja", "religion"),
    ("ユダヤ教の食事規定を守っているので、機内食はコーシャでお願いします。", "ja", "religion"),
    ("ハラールでないと食べられないので、弁当は持参します。", "ja", "religion"),
    ("Our Buddhist liaison will skip the meat course.", "en", "religion"),
]

NEGATIVES = [
    # Heritage words about places in Japan, a class of people, a seminar.
    ("My parents moved from Osaka to Nagoya last year.", "en", "race_ethnicity"),
    (
        "The seminar is for the children of Vietnamese immigrants and their teachers.",
        "en",
        "race_ethnicity",
    ),
    ("I have mixed feelings about the new venue.", "en", "race_ethnicity"),
    ("祖父母が北海道から来て、一緒に観光しました。", "ja", "race_ethnicity"),
    ("お父さんは大阪の人で、関西弁が抜けません。", "ja", "race_ethnicity"),
    ("朝鮮族の方でも受講できますか？", "ja", "race_ethnicity"),
    ("Our Korean-language brochure is ready for the trade fair.", "en", "race_ethnicity"),
    # Racist abuse as a topic, a slogan in a report.
    ("研修テーマ：職場での人種差別的な言葉への対応", "ja", "race_ethnicity"),
    ("The workshop covers how to respond to racist abuse at events.", "en", "race_ethnicity"),
    # Political words about a job candidate, traffic, a product flyer, a company's company.
    ("候補者の面接は来週の火曜日です。", "ja", "political"),
    ("デモ行進で国道が混雑するので、早めに出発してください。", "ja", "political"),
    ("メーデーの集会のため、会場周辺は交通規制があります。", "ja", "political"),
    ("Pride parade road closures will delay the shuttle.", "en", "political"),
    ("ﾃﾞﾓ行進で大通りが混むかもしれないので注意してください。", "ja", "political"),
    ("この教材は政治的に偏っていると受け取られませんか？", "ja", "political"),
    ("Is the reading passage politically biased, in your view?", "en", "political"),
    ("新製品のビラ配りは営業部で行います。", "ja", "political"),
    ("Our marketing campaigns for spring are ready for review.", "en", "political"),
    ("署名欄にオンラインでご記入ください。", "ja", "political"),
    ("会員の奥様が教会に多額の献金をしていると相談がありました。", "ja", "political"),
    ("Our liaison office is closed on Monday.", "en", "political"),
    # Couples of a man and a woman; business partners.
    (
        "西田真由美さんとパートナーの小林健一さんで、カップルプランを予約します。",
        "ja",
        "sexual_orientation",
    ),
    ("会報：中村健太さんと木村花子さんが台湾で結婚されました。", "ja", "sexual_orientation"),
    ("パートナー企業の担当者と同室で構いません。", "ja", "sexual_orientation"),
    ("Emergency contact: Anna Berg (wife). I'm Mr. Carl Berg.", "en", "sexual_orientation"),
    ("His partner, a woman from Sapporo, will join the dinner.", "en", "sexual_orientation"),
    ("LGBTQ+インクルーシブな職場づくりの講演をお願いしました。", "ja", "sexual_orientation"),
    ("性別移行する社員への支援策について説明会を開きます。", "ja", "sexual_orientation"),
    # Social-status words as a law's name, a word being defined, the topic of a lecture.
    ("Reading list: the Act on the Elimination of Buraku Discrimination.", "en", "social_status"),
    ("講演「『えた村』という言葉の歴史」のレジュメです。", "ja", "social_status"),
    # Religion words about a city, a family memorial alone, a venue's offer.
    ("来月モスクワの展示会に出展します。", "ja", "religion"),
    ("来週は祖母の法事があるので休みます。", "ja", "religion"),
    ("食事規定に従い、会場内での飲食はご遠慮ください。", "ja", "religion"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
