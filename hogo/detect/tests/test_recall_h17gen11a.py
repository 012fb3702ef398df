"""Issue 17, recall by class of phrasing, eleventh round (branch h17gen11a): classes that dev34,
dev35 and blind set 13 (open) missed or flagged wrongly in race or ethnicity, political opinion,
sexual orientation, social status and religion, each with hard negatives that reuse its words
about nobody, an organisation or a topic. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A colleague named by role and bare surname (no 弊社 before it), or by role and given name.
    ("社員の松本はエホバの証人の信者で、輸血を受けられません。", "ja", "religion"),
    ("実習生の堀は児童養護施設で育ちました。", "ja", "social_status"),
    ("職員の岡田はノンバイナリーで、性別欄を空けたいそうです。", "ja", "sexual_orientation"),
    ("trainee Nur wears hijab at work and asks about the photo.", "en", "religion"),
    ("Our technician Dewi spent her childhood in a care institution.", "en", "social_status"),
    ("研修生のグエンは熱心な仏教徒で、朝のお勤めを欠かしません。", "ja", "religion"),
    ("社員のマリアが、児童養護施設で育ったことを話してくれました。", "ja", "social_status"),
    # Two people of one sex taunted as a couple; a romaji name before "girlfriend".
    (
        "At the party someone asked Ken and his partner Takashi which one of you is the wife.",
        "en",
        "sexual_orientation",
    ),
    ("My coworker Aiko's girlfriend waits for her after work.", "en", "sexual_orientation"),
    # Simple Japanese written with spaces and in kana.
    ("ぼくは おとこの ひとが すき です。かぞくには いって いません。", "ja", "sexual_orientation"),
    ("わたしの こいびとは おんな です。わたしも おんな です。", "ja", "sexual_orientation"),
    ("わたしの ちちと ははは けっこん して いません。", "ja", "social_status"),
    ("わたしは あにの ともだちの せんきょの ボランティアを しました。", "ja", "political"),
    ("わたしは シャン族 です。ミャンマーから きました。", "ja", "race_ethnicity"),
    # Which sex one likes, a mind of the other gender, a same-sex spouse said with its sex.
    ("私は男性が好きです。職場ではまだ言っていません。", "ja", "sexual_orientation"),
    ("研修生の彼は心は女性なので、更衣室の使い方を相談したいです。", "ja", "sexual_orientation"),
    ("姉は同性の女性と入籍して、海外で暮らしています。", "ja", "sexual_orientation"),
    (
        "I like men, not women, and my host family keeps asking about a girlfriend.",
        "en",
        "sexual_orientation",
    ),
    ("My colleague has been living as a man for three years now.", "en", "sexual_orientation"),
    (
        "Ms. Arai changed her legal sex in 2024 and the certificate still shows the old one.",
        "en",
        "sexual_orientation",
    ),
    ("My partner is a woman and so am I; can we share a room?", "en", "sexual_orientation"),
    ("パートナーは男性です。僕も男です。", "ja", "sexual_orientation"),
    ("My cousin Ryo says he has a boyfriend now.", "en", "sexual_orientation"),
    ("Our son is not a boy or a girl, he says, and uses they/them.", "en", "sexual_orientation"),
    ("弟が男性と結婚したことを、職場の上司に話してしまいました。", "ja", "sexual_orientation"),
    ("同じ課の佐藤君が彼氏と一緒にいるところを見られたそうです。", "ja", "sexual_orientation"),
    (
        "娘が『女の子が好き』と打ち明けてくれました。同性が好きだそうです。",
        "ja",
        "sexual_orientation",
    ),
    # Ethnic groups named directly; descent by generation; a mixed heritage written X-Japanese.
    ("新しい実習生のアユさんはスンダ人で、ジャワ語は話しません。", "ja", "race_ethnicity"),
    ("I'm Kachin people from Myitkyina; please don't list me as Bamar.", "en", "race_ethnicity"),
    ("Our trainee is Sherpa and grew up near Lukla.", "en", "race_ethnicity"),
    ("I am Nepali-Japanese and my mother's family is Gurung people.", "en", "race_ethnicity"),
    ("父は在日二世で、私は三世にあたります。", "ja", "race_ethnicity"),
    ("祖母は沖縄の出身で、私も琉球にルーツを持ちます。", "ja", "race_ethnicity"),
    # Political activity without the word politics.
    (
        "My brother supports the government in exile and sends them money every month.",
        "en",
        "political",
    ),
    ("My manager told me to vote for his candidate; I am against that party.", "en", "political"),
    ("I was fined after the anti-nuclear sit-in last spring.", "en", "political"),
    ("叔父は母国で政府を批判する記事を書き、今も狙われています。", "ja", "political"),
    ("上司から特定の政党に投票するように言われて困っています。", "ja", "political"),
    ("父は元市長で、今も地元の会合に呼ばれます。", "ja", "political"),
    ("同僚の森さんは九条の会の世話人をしています。", "ja", "political"),
    # Religion by practice and by a named body; a devout believer.
    ("私の祖父はカムイノミの祈りを毎年執り行っています。", "ja", "religion"),
    ("I wear a cross under my uniform and was told to remove it.", "en", "religion"),
    ("叔母は熱心なクリスチャンで、日曜は教会の奉仕があります。", "ja", "religion"),
    # Birth out of wedlock, unknown father, soup kitchens, no fixed abode.
    ("私は父に認知されずに生まれたので、戸籍の父の欄は空欄です。", "ja", "social_status"),
    ("兄は結婚しないまま生まれた子だと親戚に言われてきました。", "ja", "social_status"),
    (
        "My son was born before my daughter married, and the form asks about the father.",
        "en",
        "social_status",
    ),
    ("Applicant stated no fixed abode and gave a support centre's address.", "en", "social_status"),
    ("失業した冬、父は炊き出しに並んでいたそうです。", "ja", "social_status"),
]

NEGATIVES = [
    # Role nouns before words that are no surname; a handbook named by role.
    ("社員の家族向けにイスラム教の講座を開きます。", "ja", "religion"),
    ("Employee Handbook section 4 covers the hijab and other headwear.", "en", "religion"),
    ("社員のスキルが足りず、うつ病の研修を増やします。", "ja", "health"),
    ("実習生のビザが切れる前に、ムスリム向けの案内を作ります。", "ja", "religion"),
    # Words of the new classes in other senses: a committee vote, a thesis topic, a school's
    # faith, a job candidate, a brave heart, a bag, a given name, an institution one visits.
    ("I must vote for the new committee chair at work.", "en", "political"),
    ("I'm writing a thesis on the Scottish independence movement.", "en", "political"),
    ("この学校はキリスト教です。", "ja", "religion"),
    ("この国の国教はイスラム教です。", "ja", "religion"),
    ("採用候補の推薦をお願いします。", "ja", "political"),
    ("彼女は見た目は可愛いけど心は男前です。", "ja", "sexual_orientation"),
    ("I wear a cross-body bag to work.", "en", "religion"),
    ("I am Karen, the new member of the planning team.", "en", "race_ethnicity"),
    ("I volunteer at a children's institution on weekends.", "en", "social_status"),
    ("I spent my whole childhood in a small village.", "en", "social_status"),
    ("I speak Javanese and Indonesian.", "en", "race_ethnicity"),
    # Liking a sex as a product's buyers; a law question; the legal name on a card.
    ("この色は女性が好きな色です。", "ja", "sexual_orientation"),
    ("このお店は男性が好きそうなメニューが多いです。", "ja", "sexual_orientation"),
    (
        "Is it legal to be gay in Singapore now? A student asked me after class.",
        "en",
        "sexual_orientation",
    ),
    ("留学生から「日本では同性婚ができるのか」と聞かれました。", "ja", "sexual_orientation"),
    ("夫の次男は、夫が若い頃に授かった子です。", "ja", "sexual_orientation"),
    # Skin tone for a photo; Ainu place names; a surname's origin as a topic.
    ("肌の色が濃いので、背景は明るい色がいいですか。", "ja", "race_ethnicity"),
    ("アイヌ語の地名を歩いて巡るツアーに参加しました。", "ja", "race_ethnicity"),
    # A sit in front; a church or mosque as a landmark; a festival at a temple; a play.
    (
        "Can I sit in the front row at the exam? My eyes are fine, I just like it.",
        "en",
        "political",
    ),
    ("The new office is right between a mosque and a Catholic church.", "en", "religion"),
    ("寮の近くにモスクがあり、静かな場所です。", "ja", "religion"),
    ("近所のお寺の夏祭りで、会社として屋台を出しました。", "ja", "religion"),
    (
        "I play a monk in our drama group's autumn show; the posters say 'temple service'.",
        "en",
        "religion",
    ),
    # A rule asked about; a shelter because of threats is a refuge, not homelessness.
    ("会館を政党の集会に貸すことは規約上できますか。", "ja", "political"),
    ("宗教上の服装は試験で認められていますか。", "ja", "religion"),
    ("My aunt got threats from her ex and is staying at a shelter for now.", "en", "social_status"),
    # An essay's title in quotes.
    ("研修生の作文「わたしの町の身分制度の歴史」を読んでください。", "ja", "social_status"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
