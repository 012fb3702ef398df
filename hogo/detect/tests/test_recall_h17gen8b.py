"""Issue 17, recall by class of phrasing, eighth round (branch h17gen8b): classes behind dev31's
and dev32's misses and false positives in health, disability, a criminal record and a crime
suffered (a message's channel as its heading, a crime suffered told with 〜を受け, property
vandalised, a sentence by its length, labour begun, a witness "according to" whom, a threat
quoted from a note), each with hard negatives that reuse its words about nobody, about a topic
or hypothetically. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A message's channel as its heading (「フォーラム：」, "Forum:") is no topic; a generic word
    # inside a term (多発 of 多発性硬化症) is no generic subject; "Back at work" opens a note.
    ("フォーラム：先月がんの手術をして、今も通院しています。", "ja", "health"),
    ("掲示板：去年から透析で、週3回病院です。", "ja", "health"),
    ("Forum: two weeks into chemo and still coming to the Tuesday meetups.", "en", "health"),
    ("forum: Deaf since birth, welder for ten years.", "en", "disability"),
    ("多発性硬化症の治療中で、長時間の講習はつらいです。", "ja", "health"),
    ("Back at work after six weeks off with pneumonia.", "en", "health"),
    # A crime suffered told with 〜を受け (polite past, or 、 in a sequence) despite a topic or an
    # institution in the sentence; an event before 帰りに says when, not what.
    (
        "展示会の準備中に取引先からセクハラを受けましたが、会社は対応してくれません。",
        "ja",
        "crime_victim",
    ),
    ("研修の帰りに駅で暴行を受け、警察に届けました。", "ja", "crime_victim"),
    ("講習会帰りに階段で転んで足首を骨折しました。", "ja", "health"),
    # Property vandalised, said by the act; things thrown at someone; a headscarf torn off (beside
    # the faith word); filmed in secret with "being"; a scam message fallen for.
    ("We had our car keyed outside the hall last night.", "en", "crime_victim"),
    ("Someone spray-painted slurs on my brother's shop last week.", "en", "crime_victim"),
    ("駐輪場で自転車のタイヤを切り裂かれました。", "ja", "crime_victim"),
    ("自宅の塀に落書きされ、警察に相談しています。", "ja", "crime_victim"),
    ("My supervisor threw a cup at me during the review.", "en", "crime_victim"),
    ("上司に物を投げつけられ、今は休職中です。", "ja", "crime_victim"),
    ("A man pulled my hijab off at the station.", "en", "crime_victim"),
    ("Someone ripped my hijab off on the platform.", "en", "religion"),
    ("電車でヒジャブを引っ張られ、怖かったです。", "ja", "crime_victim"),
    ("Member Ms. Kato reported being secretly filmed in the changing room.", "en", "crime_victim"),
    ("母が詐欺メールにひっかかって、カード番号を入力してしまいました。", "ja", "crime_victim"),
    # A criminal record: the charges of one arrested, detention before trial, a sentence by its
    # length or suspended, writing from prison, a criminal court's fine.
    ("Our former treasurer was arrested on fraud charges.", "en", "criminal_record"),
    ("Her brother has been in pre-trial detention since May.", "en", "criminal_record"),
    ("My uncle got four years and is out next spring.", "en", "criminal_record"),
    ("my cousin got 18 months, suspended for two years", "en", "criminal_record"),
    (
        "I'm writing this from prison, so please send the newsletter by post.",
        "en",
        "criminal_record",
    ),
    (
        "Applicant states he was fined in criminal court for a safety violation.",
        "en",
        "criminal_record",
    ),
    # Health: labour begun, hepatitis by its short name, ADHD medicines by name, MS that progressed.
    ("Our volunteer Aya went into labour during the fair.", "en", "health"),
    ("my hep C treatment ends in May", "en", "health"),
    ("息子はインチュニブを飲んでいます。", "ja", "health"),
    ("He's taking Strattera now, so mornings are easier.", "en", "health"),
    ("Her MS has progressed this year and she tires quickly.", "en", "health"),
    ("妻の陣痛が始まったので、今日の講習は欠席します。", "ja", "health"),
    # Disability: a prosthetic hand or foot, colour vision deficiency, a certificate ("handbook") by
    # its grade, an aid one cannot do without.
    ("Profile: my right hand is a prosthetic.", "en", "disability"),
    ("He walks on a prosthetic foot since the accident.", "en", "disability"),
    ("I have a colour vision deficiency, so please label the charts.", "en", "disability"),
    ("My mother has a grade 2 handbook.", "en", "disability"),
    ("父は最近、杖が手放せなくなりました。", "ja", "disability"),
    ("多発性硬化症が進んで、車いすが手放せなくなりました。", "ja", "disability"),
    # A count of colleagues is still people in particular; a witness "according to" whom is no
    # news; a threat quoted from a note left for someone; "pulled my" with a body part.
    ("同僚2人が特殊詐欺の被害にあいました。", "ja", "crime_victim"),
    ("出展者3人が会場で財布を盗まれました。", "ja", "crime_victim"),
    ("According to the guards, the visitor was arrested for trespassing.", "en", "criminal_record"),
    ("警備員によると、出展者の方が財布を盗まれたそうです。", "ja", "crime_victim"),
    ("My sister found a note on her door saying 'we know where you live'.", "en", "crime_victim"),
    ("父の店のシャッターに「燃やすぞ」と書かれた紙が貼られていました。", "ja", "crime_victim"),
    ("He pulled my arm and I pulled my shoulder getting away.", "en", "health"),
    # An eardrum burst; paralysis below the waist or the neck (health beside disability); 誰か
    # asked to take over is the reader addressed, not the subject.
    ("転んだ拍子に鼓膜が破れて、しばらく耳鼻科に通います。", "ja", "health"),
    ("He has a perforated eardrum from a diving trip.", "en", "health"),
    ("My brother has been paralysed from the neck down since the fall.", "en", "health"),
    ("My brother has been paralysed from the neck down since the fall.", "en", "disability"),
    ("今週ぎっくり腰やって受付に立てない、誰か代わって", "ja", "health"),
    # "Someone" as the unknown offender of what was done to us; a household's property as "our";
    # windows broken and scribbles in Japanese.
    ("Someone stole our car from the driveway last month.", "en", "crime_victim"),
    ("Somebody smashed our windows on New Year's Eve.", "en", "crime_victim"),
    ("Somebody spray-painted a swastika on our garage door.", "en", "crime_victim"),
    ("誰かに自転車を盗まれました。", "ja", "crime_victim"),
    ("家の窓ガラスを割られました。", "ja", "crime_victim"),
    ("車にいたずら書きをされました。", "ja", "crime_victim"),
    ("Reply card: out since March after serving three years.", "en", "criminal_record"),
    # Things taken from one's bag or locker; a home or a car set on fire; fingers lost by count.
    ("Our cash box and my phone were taken from my locker at the gym.", "en", "crime_victim"),
    ("Last winter my uncle's car was set on fire outside his flat.", "en", "crime_victim"),
    ("満員電車でかばんから財布を抜き取られました。", "ja", "crime_victim"),
    ("祖父は工場の事故で指を３本失いました。", "ja", "disability"),
    # パクられ with what was taken; exposure on social media.
    ("フォーラム：展示会の駐輪場でバイクパクられた", "ja", "crime_victim"),
    ("元同僚にSNSで晒されて、職場にも電話がきました。", "ja", "crime_victim"),
    # A violent crime survived.
    ("Profile: survived a knife attack in 2018, back to refereeing now.", "en", "crime_victim"),
    ("My aunt is a survivor of a home invasion and hates crowds.", "en", "crime_victim"),
    # A thing after a preposition is no subject of the term after it.
    (
        "Mr. Abe marched against the airport project and now has a stress fracture in his foot.",
        "en",
        "health",
    ),
    # A question for others like the writer.
    ("forum: anyone else on chemo doing the spring course?", "en", "health"),
    ("Anyone else doing the Kobe expo with a broken wrist? Me lol", "en", "health"),
    ("『昔、傷害で服役してました』という話を聞いた。", "ja", "criminal_record"),
    # Recovery counted as time clean.
    ("Three years clean from meth and back on the night shift.", "en", "health"),
    ("My brother is two years clean and coaching again.", "en", "health"),
]

NEGATIVES = [
    # A channel heading before a topic, and "forum" as an event; a generic head noun (利用者).
    ("フォーラム：うつ病をテーマにした講演の感想をどうぞ。", "ja", "health"),
    ("Forum: a talk on living with diabetes, Tuesday at 6.", "en", "health"),
    ("Forum on depression at work: registration opens Monday.", "en", "health"),
    ("フォーラム：うつ病と職場復帰　11月8日開催", "ja", "health"),
    ("Forum: Dyslexia in the workplace, register now", "en", "disability"),
    ("Forum: Cancer and work, Tuesday 6pm in Hall B.", "en", "health"),
    ("多発性硬化症の患者会が講演会を開きます。", "ja", "health"),
    ("夜の部の車いす利用者の誘導は、係員が担当するとのこと。", "ja", "disability"),
    ("Back pain seminar: posture at the workbench.", "en", "health"),
    # A crime avoided, negated or hypothetical; a verb's stem with ない or たら glued to it.
    ("セクハラを受けた場合の相談窓口を研修で紹介します。", "ja", "crime_victim"),
    ("How to remove spray-painted graffiti from a fence: a short guide.", "en", "crime_victim"),
    ("タイヤを切り裂かれないための防犯講座を開きます。", "ja", "crime_victim"),
    ("ヒジャブを引っ張られないピンの留め方を教えてください。", "ja", "crime_victim"),
    ("幸い、母は詐欺メールには引っかかりませんでした。", "ja", "crime_victim"),
    (
        "The training covers the risk of being secretly filmed in changing rooms.",
        "en",
        "crime_victim",
    ),
    ("詐欺メールに引っかからないための講習会を開きます。", "ja", "crime_victim"),
    # The offender's charges are no crime suffered; years of experience or at a branch; labour
    # talks; a vaccination clinic, the news, a product name.
    ("Our former treasurer was arrested on fraud charges.", "en", "crime_victim"),
    ("I got three years of experience at a CNC shop.", "en", "criminal_record"),
    ("She got two years at the Osaka branch before moving.", "en", "criminal_record"),
    ("The union went into labour talks with management.", "en", "health"),
    ("Hep B vaccination clinic for staff on Monday.", "en", "health"),
    ("コンサータの供給が不安定だというニュースを見ました。", "ja", "health"),
    ("My MS Teams account has no camera.", "en", "health"),
    ("陣痛が始まったらどうするか、両親学級で学びました。", "ja", "health"),
    # A company's products, a venue's map, an exam's papers, a machine, prevention as a topic, a
    # general question, a case in a course, tips, a work's title, "anyone who", a statistic.
    ("The lab designs prosthetic hands for children.", "en", "disability"),
    ("Where is the accessible toilet map for hall B?", "en", "disability"),
    ("Do you offer braille papers for the exam?", "en", "disability"),
    ("Our CNC is sick again, spindle error.", "en", "health"),
    ("We paid for the new budget system and it is sick already.", "en", "health"),
    ("The talk is about preventing stalking at work.", "en", "crime_victim"),
    ("General question: does a drink-driving conviction bar applicants?", "en", "criminal_record"),
    ("研修で、横領で逮捕された経理担当者の事例紹介がありました。", "ja", "criminal_record"),
    ("発達障害の社員への指示の出し方のコツを教えてください。", "ja", "disability"),
    ("試験科目に『労働衛生（うつ病の予防）』が入りました。", "ja", "health"),
    ("『うつ病』に載っている症状", "ja", "health"),
    ("『障害者の経済学』という本が面白かった。", "ja", "disability"),
    ("講習中に気分が悪くなった人がいたら、係員に知らせてください。", "ja", "health"),
    ("昨年、県内で300人が特殊詐欺の被害にあいました。", "ja", "crime_victim"),
    ("300人が特殊詐欺の被害に", "ja", "crime_victim"),
    ("先月は市内で25名が熱中症で搬送されました。", "ja", "health"),
    ("Talk for divers: ruptured eardrum prevention and first aid.", "en", "health"),
    ("誰か教えてください、障害者手帳の申請方法。", "ja", "disability"),
    ("Someone was robbed at the fair.", "en", "crime_victim"),
    ("会場周辺で盗難が多発しています。", "ja", "crime_victim"),
    ("Someone broke into our office over the weekend.", "en", "crime_victim"),
    ("誰かが財布を盗まれたらしいよ。", "ja", "crime_victim"),
    ("The house has been 3 years clean of mould.", "en", "health"),
    ("About me: I volunteer at a prison library on Sundays.", "en", "criminal_record"),
    ("刑務所でボランティアをしている会員を紹介します。", "ja", "criminal_record"),
    ("He has been serving two years in the navy.", "en", "criminal_record"),
    ("forum: pickpocket warning for the Osaka show, keep wallets zipped", "en", "crime_victim"),
    ("【電話記録】執行猶予の意味を教えてほしいとの問い合わせ。", "ja", "criminal_record"),
    ("Does anyone else know whether the venue has an accessible toilet?", "en", "disability"),
    ("Anyone else with a hearing loop question, ask the desk.", "en", "disability"),
    ("The sample was taken from my arm at the clinic.", "en", "crime_victim"),
    ("The film follows a survivor of a home invasion.", "en", "crime_victim"),
    ("友達が万引きでパクられたらしい。", "ja", "crime_victim"),
    ("The stage prop was set on fire for the play's last scene.", "en", "crime_victim"),
    # The news is still no witness; a villain's letter and a film's line are fiction; "pulled my
    # car over" hurts no one.
    ("According to the news, a visitor was arrested at a trade fair.", "en", "criminal_record"),
    ("報道によると、ある市の職員が逮捕されたそうです。", "ja", "criminal_record"),
    ("In the play, the villain's letter says 'we know where you live'.", "en", "crime_victim"),
    ("映画で『殺してやる』と叫ぶ場面があります。", "ja", "crime_victim"),
    ("He pulled my car over to the kerb.", "en", "health"),
    ("財布を盗まれたら、すぐにカードを止めましょう。", "ja", "crime_victim"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
