"""Issue 17, recall by class of phrasing, eleventh round (branch h17gen11b): classes behind
dev34's misses and blind set 13's remaining ones in health, disability, a criminal record and a
crime suffered, each with hard negatives that reuse its words about nobody, about a topic or in
a figure of speech. A role's member named by surname (社員の川口は); crimes suffered told as
what was done, in learners' English (take my bag, touch my body, yen from me, police say it is
fraud, private photos sent around, a threat to one's family for money, cheated by a broker, hit
and run) and in plain or spaced Japanese (ぶつかってにげました, ついてこられ, 写真をかってにSNSに,
車いすをこわされ, 人格否定され); criminal procedure in Japanese terms
written in English (shorui soken, sent to the prosecutor), taken to the station, a room
searched, caught before in kana; a positive screening result, a due date in early or late
month, an injury said plainly or in kana, a progressive muscle disease as health beside
disability; a guide dog user, a hand missing. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A role's member named by surname (the role's の is no generic word).
    ("社員の中川は糖尿病で通院しています。", "ja", "health"),
    ("職員の松本には窃盗の前科があります。", "ja", "criminal_record"),
    ("従業員の石井が自閉スペクトラム症と診断されました。", "ja", "disability"),
    ("社員の小林の自転車がまた盗まれました。", "ja", "crime_victim"),
    # Crimes suffered in learners' English, told as what was done.
    ("on the train a man touch my body, i was so scared", "en", "crime_victim"),
    ("yesterday somebody take my wallet in the shop, i go to koban", "en", "crime_victim"),
    ("a fake landlord take 50000 yen from me for deposit", "en", "crime_victim"),
    ("i pay for job on instagram, police say it is fraud", "en", "crime_victim"),
    ("my ex send my private photos to my coworkers", "en", "crime_victim"),
    ("someone call me and say he will hurt my family if i not pay", "en", "crime_victim"),
    ("My cousin was cheated by a broker who promised a visa.", "en", "crime_victim"),
    ("a car hit me and drove away, i have bruise on leg", "en", "crime_victim"),
    ("A former colleague tried to blackmail me over old messages.", "en", "crime_victim"),
    ("Someone slashed the tyres of my scooter outside the dorm.", "en", "crime_victim"),
    (
        "Her welfare payments were skimmed by the landlord; her benefits skimmed for months.",
        "en",
        "crime_victim",
    ),
    # Crimes suffered in plain or spaced Japanese.
    ("バイクが ぶつかって にげました。うでが いたいです。", "ja", "crime_victim"),
    ("駐車場で車をぶつけて逃げられました。", "ja", "crime_victim"),
    ("えきから いえまで 男の人に ついて こられました。", "ja", "crime_victim"),
    ("でんしゃで からだを さわられました。こわかった です。", "ja", "crime_victim"),
    ("わたしの 写真を かってに SNSに のせられました。", "ja", "crime_victim"),
    ("きのう だれかに 車いすを こわされました。", "ja", "crime_victim"),
    ("金を払わないと家族に危害を加えると言われました。", "ja", "crime_victim"),
    ("店長から毎日人格否定されています。", "ja", "crime_victim"),
    # Criminal procedure in romaji or told plainly.
    ("Our trainee was shorui soken for the collision last month.", "en", "criminal_record"),
    ("His case was sent to the prosecutor after the fight.", "en", "criminal_record"),
    ("the police come and take him to the station, he not back yet", "en", "criminal_record"),
    ("Yesterday police searched her room in the dorm for stolen goods.", "en", "criminal_record"),
    ("As someone with a record, I was nervous about the interview.", "en", "criminal_record"),
    ("兄は若いころ警察につかまったことがあります。", "ja", "criminal_record"),
    ("デモのあと、友だちが警察に連れて行かれました。", "ja", "criminal_record"),
    # Health: a positive screening, a due date, an injury said plainly, a muscle disease.
    ("Trainee Dewi tested positive on TB screening at the company clinic.", "en", "health"),
    ("会社の健診で、結核の検査で陽性になりました。", "ja", "health"),
    ("私は適応障害です。適応障害とは何か、上司にも説明しました。", "ja", "health"),
    ("She is due in late April, so she will skip the summer course.", "en", "health"),
    ("My wife is having baby in May, I need leave.", "en", "health"),
    ("He tore his knee ligament playing football; torn knee, six weeks.", "en", "health"),
    ("しごとで 手を けがして びょういんに 行きました。", "ja", "health"),
    ("先月 びょういんで しゅじゅつ しました。", "ja", "health"),
    ("My son has muscular dystrophy and uses a wheelchair.", "en", "health"),
    ("筋ジストロフィーのため、電動車いすを使っています。", "ja", "health"),
    # Disability: a guide dog user, a hand or leg missing, a certificate shortened.
    ("私は盲導犬ユーザーなので、会場に犬も入れますか。", "ja", "disability"),
    ("右足がないので、義足を使っています。", "ja", "disability"),
    ("Applicant holds a disability cert, grade 2.", "en", "disability"),
    # Crimes suffered told as what was done, with no crime word (a complaints desk's stories).
    ("Two men pushed me down outside the club and ran off.", "en", "crime_victim"),
    ("A drunk guest grabbed me by the arm and would not let go.", "en", "crime_victim"),
    ("A stranger spat on my son at the bus stop.", "en", "crime_victim"),
    ("Two men forced their way into my aunt's shop and emptied the till.", "en", "crime_victim"),
    ("At the festival a man held a camera under my skirt on the escalator.", "en", "crime_victim"),
    ("My neighbour keeps leaving threatening notes in our letterbox.", "en", "crime_victim"),
    ("He came back to find his locker forced open and his tools gone.", "en", "crime_victim"),
    ("Overnight all the tyres were slashed on my van.", "en", "crime_victim"),
    ("Someone let down the tyres on my mother's mobility scooter.", "en", "crime_victim"),
    ("A man put something in my friend's drink at the bar.", "en", "crime_victim"),
    ("A caller pretending to be from the bank got my father's PIN.", "en", "crime_victim"),
    ("The foreman has been taking wages off him for months.", "en", "crime_victim"),
    ("My sister's ex keeps turning up outside her flat at night.", "en", "crime_victim"),
    ("Somebody tore my aunt's hijab off in the market.", "en", "crime_victim"),
    ("The man next door painted on our fence that we are thieves.", "en", "crime_victim"),
    ("Someone spray-painted a slur 'go home' on our fence.", "en", "crime_victim"),
    ("祖母が駅の階段で誰かに突き落とされました。", "ja", "crime_victim"),
    ("施設の職員に母の年金を使い込まれていました。", "ja", "crime_victim"),
    ("預けた会費を会計係に持ち逃げされました。", "ja", "crime_victim"),
    ("先輩に毎月お金を巻き上げられています。", "ja", "crime_victim"),
    ("更衣室で財布から現金を抜き取られました。", "ja", "crime_victim"),
    ("玄関に汚物を入れられる嫌がらせが続いています。", "ja", "crime_victim"),
    ("「死ね」と書いた紙をポストに入れられました。", "ja", "crime_victim"),
    ("「出ていけ」と書かれた紙を郵便受けに何度も入れられました。", "ja", "crime_victim"),
    ("元交際相手から脅すメッセージが毎日届きます。", "ja", "crime_victim"),
    # Criminal procedure said plainly; health and disability told as what happened.
    ("My son has been held at the police station overnight.", "en", "criminal_record"),
    (
        "Last week police searched my brother's apartment and took his phone.",
        "en",
        "criminal_record",
    ),
    ("叔父は塀の中に十年いました。", "ja", "criminal_record"),
    ("My aunt has been in and out of hospital since the spring.", "en", "health"),
    ("Our daughter lost the baby last month and is still not herself.", "en", "health"),
    ("I told HR that I'm expecting and they moved my shifts.", "en", "health"),
    ("Our member uses a guide dog and had hip surgery in May.", "en", "health"),
    ("同僚は事故で指を二本なくしています。", "ja", "disability"),
    ("母は車いすなので、段差のある店には入れません。", "ja", "disability"),
    ("My brother signs; he can't hear at all.", "en", "disability"),
    # A court date is still a criminal procedure beside a due date's words.
    ("She is due in court in May.", "en", "criminal_record"),
]

NEGATIVES = [
    # A role's の before a word that is no surname; one kanji is too often a word.
    ("社員の健康診断は来週の火曜日です。", "ja", "health"),
    ("社員の中にうつ病の人がいたら、どう対応すべきですか。", "ja", "health"),
    ("職員の山田が逮捕された場合、会社はどう対応しますか。", "ja", "criminal_record"),
    # Things taken away by staff, a dream, exam nerves, a mood, a class, a guide's title.
    ("The proctor took my phone away during the exam, is that allowed?", "en", "crime_victim"),
    ("i have exam fever, cannot sleep lol", "en", "health"),
    ("I'm so bipolar about this job offer, yes one day and no the next.", "en", "health"),
    ("逮捕される夢を見て、朝から落ち込んでいます。", "ja", "criminal_record"),
    ("I dreamt I was arrested at the airport, weird.", "en", "criminal_record"),
    ("社内で手話講座を開いてほしいです。", "ja", "disability"),
    ("Is there a sign language class for beginners on Saturdays?", "en", "disability"),
    ("「被害にあったときの連絡先」を掲示板に貼りました。", "ja", "crime_victim"),
    # Requests, loans, fears and figures of speech that reuse a class's words.
    ("Can you take my bag up to the room, please?", "en", "crime_victim"),
    ("The ticket machine would not take my money.", "en", "crime_victim"),
    ("My friend borrowed 5000 yen from me and never paid it back.", "en", "crime_victim"),
    ("Smoking will hurt my family too, so I quit.", "en", "crime_victim"),
    ("Someone might steal my bike here; is there a lock?", "en", "crime_victim"),
    ("what happen if somebody steal my passport? i keep it in my room", "en", "crime_victim"),
    ("She is due in court in May.", "en", "health"),
    ("My essay is due in early May.", "en", "health"),
    ("We want someone with a record of sales success.", "en", "criminal_record"),
    ("盲導犬ユーザーの方へのご案内を作りたいです。", "ja", "disability"),
    # Feelings, jobs, events and figures of speech that reuse the words.
    ("I felt robbed by the price of the conference lunch.", "en", "crime_victim"),
    ("New staff are on probation at work for six months.", "en", "criminal_record"),
    ("The parking attendant waved us to the far end.", "en", "disability"),
    ("The sign language interpreter at the lecture was excellent.", "en", "disability"),
    ("The guide dog demonstration starts at ten.", "en", "disability"),
    ("手話教室の日程を教えてください。", "ja", "disability"),
    ("通路が狭くて、ベビーカーや車いすでは通れない会場でした。", "ja", "disability"),
    ("部長は都合の悪い話になると、耳が遠いのかと思うほど無視します。", "ja", "disability"),
    ("父は弁護士で、刑事事件を担当しています。", "ja", "criminal_record"),
    ("叔父は地域で保護司を務めています。", "ja", "criminal_record"),
    ("上司は『会社のガン』と呼ばれています。", "ja", "health"),
    ("Someone put something in the fridge with no name on it.", "en", "crime_victim"),
    ("家の塀の中に猫が入ってきます。", "ja", "criminal_record"),
    ("「会員募集」と書いた紙を掲示板に貼りました。", "ja", "crime_victim"),
    # The words of each class about nobody, as a topic or as advice.
    ("How do I report it if someone takes money from me online?", "en", "crime_victim"),
    ("Is a TB screening required for the dorm?", "en", "health"),
    # A word asked for its definition is a topic (as its 意味 is).
    ("書類送検とは何ですか。", "ja", "criminal_record"),
    ("執行猶予とはどういう意味ですか。", "ja", "criminal_record"),
    ("適応障害って何ですか。", "ja", "health"),
    ("What does shorui soken mean in English news?", "en", "criminal_record"),
    ("The exam date is due in late April, please check.", "en", "health"),
    ("盲導犬の同伴はできますか。", "ja", "disability"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
