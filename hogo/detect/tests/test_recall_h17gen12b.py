"""Issue 17, recall by class of phrasing, twelfth round (branch h17gen12b): classes behind blind
set 14's misses (a chamber of commerce's helpdesk notes about members' staff) and dev34's and
dev35's leftovers in health, disability, a criminal record and a crime suffered, each with hard
negatives that reuse its words about nobody, about a topic or in a figure of speech. Crimes
suffered told as an act done to a third person (punched our driver, stole her identity, letters
threatening him), a hit and run told by the car that drove off, a scam fallen for, police calling
it fraud; a desk note's subject by bare role (Foreman served time, Driver got a fine); a fine, a
warrant, work for a fraud ring; a role who told of it is someone, even after "if"; a survey's
label is no policy; a conditional past with what to do next; a statistic by age group; the
person named in the next sentence; taken to hospital, fainted at work, a bone broken; the police
took someone, a prison by its town; property defaced by someone. None of these texts is from a
labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A crime suffered told as an act done to a third person (desk notes about staff).
    ("The man who assaulted our cashier was caught on camera.", "en", "crime_victim"),
    ("A customer punched him in the stockroom last night.", "en", "crime_victim"),
    ("Someone stole his identity and opened accounts in his name.", "en", "crime_victim"),
    ("Her ex keeps sending notes threatening her at the factory.", "en", "crime_victim"),
    ("Our warehouse lead was hit by a car that didn't stop.", "en", "crime_victim"),
    ("His mother fell for a bogus bank call and paid 2 million yen.", "en", "crime_victim"),
    ("She lent a colleague her savings; police say it's fraud.", "en", "crime_victim"),
    ("A man posing as a broker conned her father out of his pension.", "en", "crime_victim"),
    ("Someone spiked her drink at the year-end party.", "en", "crime_victim"),
    ("客が従業員を殴ったので警察を呼びました。", "ja", "crime_victim"),
    ("元交際相手が従業員につきまとっていて困っています。", "ja", "crime_victim"),
    ("社員の母親が偽の電話にだまされて現金を渡してしまった。", "ja", "crime_victim"),
    ("社員が自転車ではねられ、車はそのまま逃げたそうです。", "ja", "crime_victim"),
    ("夜のうちに車に文字を刻まれていました。", "ja", "crime_victim"),
    ("Someone scratched a slur into our car overnight.", "en", "crime_victim"),
    # A desk note's subject named by a bare role.
    ("Driver served time for robbery in his twenties.", "en", "criminal_record"),
    ("Temp was convicted of theft last year, agency says.", "en", "criminal_record"),
    # A fine, a warrant, a fraud ring's runner, the police taking someone in.
    ("My brother was fined for a waste disposal violation.", "en", "criminal_record"),
    ("Turns out our delivery man is wanted on a warrant.", "en", "criminal_record"),
    ("Police took Ken for shoplifting and he is still there.", "en", "criminal_record"),
    ("She came back from that place in Abashiri after five years.", "en", "criminal_record"),
    ("アルバイトが詐欺の受け子をしていたと警察から連絡があった。", "ja", "criminal_record"),
    ("兄は昨日警察に連行されました。", "ja", "criminal_record"),
    ("あの人は府中刑務所にいたそうだ。", "ja", "criminal_record"),
    # A role who told of it is someone in particular, even after "if".
    (
        "Member asked if she can hire a cook who told her he served 3 years for fraud.",
        "en",
        "criminal_record",
    ),
    # A survey's label before a colon is no policy: the answer is the writer's.
    ("アンケート:去年、工場で左手の指を2本失いました。", "ja", "disability"),
    ("アンケート:研修は良かったですが、持病の薬を飲む時間がとれません。", "ja", "health"),
    # The person asked about, named in the next sentence.
    ("Can a worker with epilepsy drive a forklift? It's our employee Mr. Abe.", "en", "health"),
    ("人工透析の人の勤務時間はどう配慮すべきですか。うちの社員のことです。", "ja", "health"),
    # A modifier with a surname and honorific after it names that person.
    ("障害者手帳をお持ちの田中さんの席について相談です。", "ja", "disability"),
    # A record's heading names its member: role and surname (社員 後藤：), role, initial, surname.
    ("職員 佐藤：飲酒運転で検挙されたと家族から連絡あり。", "ja", "criminal_record"),
    ("社員 小林：潰瘍性大腸炎で入院、来週まで休み。", "ja", "health"),
    ("Employee R. Sato: off two weeks after knee surgery.", "en", "health"),
    # Held or questioned by the police, a search warrant, time inside (dev36's classes).
    ("The police are still holding her and we can't reach the family.", "en", "criminal_record"),
    ("Officers came with a search warrant for his car this morning.", "en", "criminal_record"),
    ("Between us, I was inside for four years in my twenties.", "en", "criminal_record"),
    ("弟が旅行先で警察に拘束されたと連絡がありました。", "ja", "criminal_record"),
    ("兄が万引きの疑いをかけられて困っています。", "ja", "criminal_record"),
    ("Her ex posted private photos of her online last week.", "en", "crime_victim"),
    ("He has only been able to see out of one eye since the accident.", "en", "disability"),
    ("She is at the fertility clinic for egg retrieval on Friday.", "en", "health"),
    # Taken to hospital, fainted at work, a bone broken.
    ("His wife fainted at work and was taken to hospital.", "en", "health"),
    ("Our welder collapsed on the line this morning.", "en", "health"),
    ("パートさんが作業中に倒れて救急搬送されました。", "ja", "health"),
    ("父が転んで肋骨を折りました。", "ja", "health"),
    ("He fractured his wrist on the loading dock.", "en", "health"),
]

NEGATIVES = [
    # The words of each class figuratively, about things, or as a service.
    ("The closing scene hit me hard emotionally.", "en", "crime_victim"),
    ("We partner with a victim support centre for our seminars.", "en", "crime_victim"),
    ("Does the chamber run a harassment hotline for small firms?", "en", "crime_victim"),
    ("The staff punched our time cards at nine as usual.", "en", "crime_victim"),
    ("His grandson beat him at chess again on Sunday.", "en", "crime_victim"),
    ("The artist and someone spray-painted a mural on the new wall.", "en", "crime_victim"),
    ("The police took my statement and gave me a case number.", "en", "criminal_record"),
    ("He passed out the flyers at the station.", "en", "health"),
    ("I nearly fainted when I saw the electricity bill.", "en", "health"),
    ("Does anyone know any counseling services for small shops' owners?", "en", "health"),
    # A conditional with what to do next is advice, not an event.
    ("社員が逮捕されたら会社はどう対応すべきですか。", "ja", "criminal_record"),
    ("従業員が盗撮で逮捕されたらまず何をすればいいですか。", "ja", "criminal_record"),
    # A statistic by age group is nobody.
    ("アンケート:熱中症の年齢別の統計を知りたいです。", "ja", "health"),
    ("腰痛の年代別データを次回の資料に入れてください。", "ja", "health"),
    # An "if" about anyone in a role still holds.
    ("Owner asks if an applicant with a conviction can be refused.", "en", "criminal_record"),
    ("If a worker was fined for speeding, must he report it?", "en", "criminal_record"),
    # A form's label after other words is still about the form.
    ("Please add a line to the form: any allergy we should know of.", "en", "health"),
    ("障害者手帳をお持ちの皆さんへのご案内です。", "ja", "disability"),
    # Incidents counted, a family court's civil matters, a document asked of every applicant.
    ("今月の報告：自転車盗難5件、けが人なし。", "ja", "crime_victim"),
    ("姉は家庭裁判所で離婚調停中です。", "ja", "criminal_record"),
    ("応募者に診断書の提出を求めることは可能ですか。", "ja", "health"),
    ("The judge spoke about retinitis pigmentosa research funding.", "en", "health"),
    # A prison town as a town, a time card, a desk role as a thing.
    ("Our new branch is in Fuchu, near the station.", "en", "criminal_record"),
    ("Driver portal is down again, please check.", "en", "criminal_record"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
