"""Issue 17, precision and recall by class of phrasing (branch h17gen16a): an FAQ entry, a
rule's or an organisation's position, an event, building or place named by a category word,
a koseki as a document, a job at a shelter and a club's secretary are no person's special
care information; a bare given name as a subject, vigils, strikes and marches for a cause,
lobbying, letter campaigns, an election lost, an office said as a title, and faith told by
a practice (mass, Zen retreats, Passover, taking over a temple, a baptism) are. None of these
texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A person named by a bare given name, as the subject of what follows.
    ("Nigel's running for the Labour Party in the by-election next spring.", "en", "political"),
    ("Fiona, whose parents are Sikh, is keeping the fast this month.", "en", "religion"),
    ("Hazel's a Methodist and won't do the raffle.", "en", "religion"),
    ("Deacon Tom is leading the march for refugee rights on Sunday.", "en", "religion"),
    # A comma and a relative clause after the name (merge of h17gen16a and h17gen16b).
    ("Imogen, who is Muslim, asked for a quiet room on Fridays.", "en", "religion"),
    ("Barry, who has diabetes, will bring his own lunch.", "en", "health"),
    # A vigil, strike or march against a bill or for rights; a counter-demo.
    ("We held a silent vigil against the arms fair outside the town hall.", "en", "political"),
    ("I'm joining a strike against the pension cuts next week.", "en", "political"),
    ("My aunt went on the disability rights march in Leeds.", "en", "political"),
    ("兄は増税に反対するデモに毎月行っています。", "ja", "political"),
    ("私は原発再稼働に反対する集会に参加しました。", "ja", "political"),
    # Lobbying lawmakers; a letter-writing campaign; collecting signatures.
    ("私は同性婚の法制化を求めるロビイングに参加しています。", "ja", "political"),
    ("Mum has been lobbying for a new crossing on our road.", "en", "political"),
    ("My husband started a letter-writing campaign about the bus cuts.", "en", "political"),
    ("中村さんから、署名への協力をお願いされました。", "ja", "political"),
    # An election lost; election support for a party; an office as a title.
    ("父は前回の町議選では落選しました。", "ja", "political"),
    ("My uncle lost his seat on the council in May.", "en", "political"),
    ("母は毎回、地元政党の選挙支援に関わっています。", "ja", "political"),
    ("県議の佐藤さんが来週の会合に来られます。", "ja", "political"),
    ("私は過激派の活動に関わっていた時期があります。", "ja", "political"),
    # Faith told by a practice.
    ("My grandmother never misses mass, even in the snow.", "en", "religion"),
    ("I'm off to a week-long sesshin in Kyoto.", "en", "religion"),
    ("My brother joined a monastery last year.", "en", "religion"),
    ("We celebrate Passover with my wife's family every spring.", "en", "religion"),
    ("母は毎朝ミサに通っています。", "ja", "religion"),
    ("夫は来年、実家のお寺を継ぐことになりました。", "ja", "religion"),
    ("私は去年カトリックの洗礼を受けました。", "ja", "religion"),
    ("家族で過越祭を祝うので、その週は休みます。", "ja", "religion"),
    ("夫は学会の会合で毎週水曜は帰りが遅いです。", "ja", "religion"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # A name with a comma and no relative clause is someone addressed.
    ("Gwen, could you book the Catholic church hall for the fair?", "en", "religion"),
    # An FAQ entry: a question and its answer, for anyone who asks.
    ("Q&A: Can I wear a cross at the interview? — Yes, jewellery is fine.", "en", "religion"),
    ("FAQ: Do I need to tell you my party membership? No, we never ask.", "en", "political"),
    ("Q&A:同性パートナーも家族割に入れますか?→はい、入れます。", "ja", "sexual_orientation"),
    ("Q&A:礼拝室はありますか?→2階の和室をお使いください。", "ja", "religion"),
    # A rule's or an organisation's position: no particular party; a certificate accepted.
    ("規約上、当会は特定の政党を支持しません。", "ja", "political"),
    ("The club does not endorse any particular party at election time.", "en", "political"),
    (
        "From April, partnership certificates are accepted as proof for the family rate.",
        "en",
        "sexual_orientation",
    ),
    ("同性パートナーの会員にも見舞金を出すよう規約を変えます。", "ja", "sexual_orientation"),
    # An organisation run by a faith.
    (
        "My son's kindergarten is run by a Catholic order; can the receipt be used?",
        "en",
        "religion",
    ),
    ("娘の保育園は宗教法人が運営していますが、補助の対象ですか。", "ja", "religion"),
    # An event, a building or a place named by a category word.
    ("Our team is helping at the Ainu cultural festival this summer.", "en", "race_ethnicity"),
    (
        "The temple by the station holds its summer festival on Saturday - bring the kids.",
        "en",
        "religion",
    ),
    ("We just want the church hall for a party, nothing religious.", "en", "religion"),
    ("会社で今度ダイバーシティ座談会があり、私も登壇します。", "ja", "religion"),
    ("来月から「天理ビル」の会議室は使えません。", "ja", "religion"),
    ("昔この辺りには在日の方が多く住んでいたそうですね。", "ja", "race_ethnicity"),
    ("研修では部落解放運動の歩みを学びます。", "ja", "political"),
    # A petition seen, not signed.
    ("I noticed a poster about a petition for the new park at the library.", "en", "political"),
    ("署名活動のポスターを店に貼ってもいいですか。", "ja", "political"),
    # A koseki as a document; a group home as care; a shift at a shelter.
    ("My koseki name uses an old kanji; which one goes on the certificate?", "en", "social_status"),
    ("My daughter is autistic and moved into a group home in March.", "en", "social_status"),
    ("I do the Friday shift at the night shelter, so I can't come.", "en", "social_status"),
    ("週末は炊き出しのボランティアをしています。", "ja", "social_status"),
    # A club's or a court's secretary; activities one can't join.
    ("会計は田中さん、書記は私が担当します。", "ja", "political"),
    ("佐藤さんは元裁判所書記官です。", "ja", "political"),
    ("林さんは法事があるので、来月の活動に参加できません。", "ja", "political"),
    # A saint's name is no given name; a bypass is a road.
    ("Is the bake sale at St. Anne's church or the school?", "en", "religion"),
    ("Margaret's been handing out flyers against the new bypass.", "en", "health"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
