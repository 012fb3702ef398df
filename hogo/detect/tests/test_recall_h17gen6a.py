"""Issue 17, recall by class of phrasing, sixth round (branch h17gen6a): classes that dev29 and
dev30 missed or flagged wrongly in race or ethnicity, political opinion, sexual orientation,
social status and religion, each with hard negatives that reuse its words about nobody or about
a topic. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Origin from a district that faces bias, said indirectly (origin.py).
    (
        "Her fiance's parents paid a private detective and learned she's from 'that' side of"
        " the city, so the wedding is off.",
        "en",
        "social_status",
    ),
    (
        "Please keep my hometown off the roster; my village was on the list of place names.",
        "en",
        "social_status",
    ),
    (
        "Kids at school looked down on us because of the neighbourhood we were raised in.",
        "en",
        "social_status",
    ),
    (
        "A caller told us Mr. Ono comes from that area across the river and to watch out.",
        "en",
        "social_status",
    ),
    (
        "兄の縁談は、相手方が探偵を雇って私たちの生まれた集落を調べ、反対されて破談になりました。",
        "ja",
        "social_status",
    ),
    ("同僚が「あそこの辺りの出だから」と陰口を言われています。", "ja", "social_status"),
    ("実家のある地域の出ってだけで、昔から避けられてきました。", "ja", "social_status"),
    ("うちの地元、川向こうの集落の出身だと知られると縁談がこわれるんです。", "ja", "social_status"),
    # Birth to unmarried parents said casually, and 非嫡出子 in kana.
    ("My parents were never married, so I carry my mother's surname.", "en", "social_status"),
    ("I was born to unmarried parents and grew up with my gran.", "en", "social_status"),
    ("両親が結婚していなかったので、母の姓を名乗っています。", "ja", "social_status"),
    ("わたしは ひちゃくしゅつし なので、戸籍のことは聞かないでください。", "ja", "social_status"),
    # Elected office held before, or won; a vote for the opposition; a campaign helped.
    ("叔父は元町議で、今も地元の祭りを仕切っています。", "ja", "political"),
    ("Our new treasurer is a former city councillor.", "en", "political"),
    ("My aunt was elected to the village assembly last spring.", "en", "political"),
    ("兄が市議に当選したので、祝賀会の幹事を代わってください。", "ja", "political"),
    ("前回は野党の候補に投票しました。", "ja", "political"),
    ("せんきょ手伝ってるので土曜は欠席します", "ja", "political"),
    ("She chairs the candidate's support group in our ward.", "en", "political"),
    ("i vote communist, always have", "en", "political"),
    # Party support said as a copula with no subject (支持です, 支持だけど).
    ("公明党支持です。会報で政策も扱ってほしい。", "ja", "political"),
    ("ずっと共産党支持だけど、今回の政策には反対です。", "ja", "political"),
    # An activist group's branch worked in (not an association's own branch).
    ("姉は反差別団体の支部で活動しています。", "ja", "political"),
    # A slur said of someone named; outing said of a person.
    ("At the party he kept telling everyone that Mr. K is a homo.", "en", "sexual_orientation"),
    ("My cousin outed him as gay to the whole office.", "en", "sexual_orientation"),
    ("someone outed me as trans in the group chat", "en", "sexual_orientation"),
    # The writer's gender in brackets or with 自分, and an ex-partner of the same gender.
    ("元カレとの写真を会報から消してほしいです（自分男です）", "ja", "sexual_orientation"),
    ("I (female) still run the stall with my ex-girlfriend.", "en", "sexual_orientation"),
    # A religious building or a holy month said of a person, not as a venue or a date.
    ("I pray at the temple every morning before work.", "en", "religion"),
    ("ラマダン中なので昼食会は欠席します。", "ja", "religion"),
    # The Malay people said of oneself.
    ("i'm malay so no pork in my bento please", "en", "race_ethnicity"),
    # "St." (Saint) ends no sentence: the person before it is the one at the church.
    ("He sings every Sunday at St. Mary's Church in Kobe.", "en", "religion"),
    # A term made a fact with こと is told to the person, it does not describe them.
    ("トランスジェンダーなことを職場の人にバラされました。", "ja", "sexual_orientation"),
    # A parent's origin written with no capitals.
    ("my grandfather was vietnamese so i'm a quarter", "en", "race_ethnicity"),
    # Couples on a form: the member's field and a spouse's or partner's field.
    ("Member: Kenji Sato. Emergency contact: husband, Taro Sato.", "en", "sexual_orientation"),
    (
        "Household application: member Megumi Ono, partner Akiko Ono, same address.",
        "en",
        "sexual_orientation",
    ),
    ("会員：田中 恵子、配偶者：田中 由香", "ja", "sexual_orientation"),
    (
        "家族会員の申込です。パートナーの山本 雄太さんを追加してください。（申込者：川口 健太）",
        "ja",
        "sexual_orientation",
    ),
    ("村井 翔太です。パートナーの岡 拓海と一緒に住んでいます。", "ja", "sexual_orientation"),
    # A slur said of someone called あいつ / こいつ; a zainichi parent's side; 宗教 in kana.
    ("同期が「こいつホモだから」と笑っていた", "ja", "sexual_orientation"),
    ("母方が在日で、祖母は韓国語も話します。", "ja", "race_ethnicity"),
    ("しゅうきょう上の理由で豚肉は食べられません", "ja", "religion"),
    # More of the district class: a marriage opposed, a family's origin looked into.
    ("My in-laws objected to the marriage because of where I grew up.", "en", "social_status"),
    ("Folks back home won't let their kids marry anyone from our district.", "en", "social_status"),
    ("就職のとき、出身地を調べられて不採用になりました。", "ja", "social_status"),
    ("妹が町議選で当選しました。", "ja", "political"),
    # Outing told to someone, slurs said of someone named.
    ("My coworker outed me to my boss last week.", "en", "sexual_orientation"),
    ("A guy at the branch keeps calling Mr. T a faggot.", "en", "sexual_orientation"),
    ("上司にアウティングされました", "ja", "sexual_orientation"),
    # A quarter of someone's heritage; a parent of a people that is no nationality.
    ("I'm a quarter Filipino on my mum's side.", "en", "race_ethnicity"),
    ("im a quarter filipino lol", "en", "race_ethnicity"),
    ("my mum is malay so we celebrate hari raya", "en", "race_ethnicity"),
    # A politician's support group headed; a party's voter.
    ("Our chair Mr. Ono heads the mayor's support group.", "en", "political"),
    ("she's been a lifelong Labour voter", "en", "political"),
    ("毎週日曜は教会に通っています。", "ja", "religion"),
    # "X and I (two men)": the bracket gives the writer's gender as the partner's.
    ("My husband and I (two men) would like one room.", "en", "sexual_orientation"),
    ("my brother's a big Reiwa supporter lol", "en", "political"),
    ("うちの集落は昔から「あそこ」と呼ばれて、差別されてきました。", "ja", "social_status"),
    (
        "Other kids' parents told them not to play with us because of the neighbourhood we"
        " lived in.",
        "en",
        "social_status",
    ),
    ("Her relatives whisper about the village my father came from.", "en", "social_status"),
    ("I converted last year and now go to church every Sunday.", "en", "religion"),
    ("ラマダン中なので、視察ツアーの昼食は不要です。", "ja", "religion"),
    ("I'm observing Ramadan; please put it in the team calendar.", "en", "religion"),
]

NEGATIVES = [
    # District-origin words about a place or a topic, with no one's origin under bias.
    ("I'm from a district near the river, so I'll come by train.", "en", "social_status"),
    (
        "Our venue is across the river from the station; I'm from the Kita area.",
        "en",
        "social_status",
    ),
    (
        "The investigator said the fire started in a house in my neighbourhood.",
        "en",
        "social_status",
    ),
    (
        "Rumour has it the seminar will move to the community centre in my area.",
        "en",
        "social_status",
    ),
    ("出身地は大阪です。川沿いの会場が好きです。", "ja", "social_status"),
    ("地元の駅で差別的な落書きを見ました。", "ja", "social_status"),
    ("探偵小説の読書会を地元の公民館で開きます。", "ja", "social_status"),
    # Birth status words about the form, not a person.
    ("I changed the sex on my family register after my transition.", "en", "social_status"),
    # Elected office and elections as a topic or a date.
    ("試験日は衆院選と同じ日なので、会場が変わります。", "ja", "political"),
    ("会場は党本部の近くです。最寄り駅を教えてください。", "ja", "political"),
    ("支部の懇親会で支部長が挨拶しました。", "ja", "political"),
    ("研修を支部で企画しています。講師を紹介してください。", "ja", "political"),
    ("I'm in a labour union; can I still join the association?", "en", "political"),
    ("労働組合に入っていますが、会員資格に問題はありますか。", "ja", "political"),
    # Marriage equality rulings as a topic; a family business by generation.
    ("Could you cover the same-sex marriage ruling in the newsletter?", "en", "sexual_orientation"),
    ("同性婚訴訟の判決について解説記事をお願いします。", "ja", "sexual_orientation"),
    ("Our CEO is a third-generation owner of the bakery.", "en", "race_ethnicity"),
    ("The lecture covers homo sapiens and the first farmers.", "en", "sexual_orientation"),
    # A religious building as a venue, a holy month as a date.
    ("The networking lunch is being held at a shrine hall near the port.", "en", "religion"),
    ("Our AGM venue is a converted church near the harbour.", "en", "religion"),
    ("My sister's wedding is at a shrine, so I'll miss the seminar.", "en", "religion"),
    ("Can you add Ramadan to the shared calendar so we avoid it?", "en", "religion"),
    ("ラマダン明けに合わせた視察ツアーの日程を教えてください。", "ja", "religion"),
    # Couples on a form of two genders, or a business partner.
    ("Member: Kenji Sato. Emergency contact: wife, Yuko Sato.", "en", "sexual_orientation"),
    ("Member: Kenji Sato, business partner Taro Ito (same firm).", "en", "sexual_orientation"),
    ("会員：田中 恵子、配偶者：田中 健太", "ja", "sexual_orientation"),
    ("大丈夫です。彼氏と参加します。", "ja", "sexual_orientation"),
    # No capitals, but no parent's origin.
    ("my dad is turkey hunting this weekend lol", "en", "race_ethnicity"),
    ("my mum is from the countryside near osaka", "en", "race_ethnicity"),
    # A street called St. and a church with nobody.
    ("The cafe on St. George St. is next to the old church.", "en", "religion"),
    # A political organisation as a customer; the species, not a slur.
    ("政治団体からの寄付は受け付けていません", "ja", "political"),
    ("ホモ・サピエンスの展示、あいつも見に行ったらしい", "ja", "sexual_orientation"),
    ("出身地を調べて、会場の近くのホテルを予約しました。", "ja", "social_status"),
    ("Where I grew up there was a river; the venue looks similar.", "en", "social_status"),
    ("おかまを洗ってから寝ます", "ja", "sexual_orientation"),
    ("She's a quarter back in college football.", "en", "race_ethnicity"),
    ("Sales in the first quarter rose, mostly in Malay language courses.", "en", "race_ethnicity"),
    ("The survey asked each Labour voter about housing.", "en", "political"),
    ("お寺の近くの会場なので駐車場が少ないです。", "ja", "religion"),
    ("いとこの結婚式が神社であるので欠席します。", "ja", "religion"),
    (
        "My husband and I (two women from the office came too) enjoyed it.",
        "en",
        "sexual_orientation",
    ),
    (
        "The area I come from has great ramen; the investigator on TV said so.",
        "en",
        "social_status",
    ),
    ("My village has a beautiful river; people whisper that it's the best.", "en", "social_status"),
    ("この地区は昔から川の氾濫で避けられてきた土地です。", "ja", "social_status"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
