"""Issue 17, recall by class of phrasing, fourth round (branch h17gen4b): the classes of health,
disability, criminal record and crime victim that blind set 8 and dev28 missed or flagged wrongly,
each with hard negatives that reuse its words about nobody, an event, a drawing or a word being
translated. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Groping said by the body part touched.
    ("飲み会で先輩に体を触られて、それ以来行けていません。", "ja", "crime_victim"),
    ("電車でお尻を触られたので駅員に伝えました。", "ja", "crime_victim"),
    ("A customer touched her inappropriately at the stand on Friday.", "en", "crime_victim"),
    ("my manager inappropriately touched me at the party", "en", "crime_victim"),
    # The bereaved of a drunk or hit-and-run driver's victim.
    ("父を飲酒運転の事故で亡くしました。", "ja", "crime_victim"),
    ("叔母は去年ひき逃げされて入院しています。", "ja", "crime_victim"),
    ("Her son was killed by a drunk driver two years ago.", "en", "crime_victim"),
    ("My cousin was hit by a drunk driver on his bike.", "en", "crime_victim"),
    # An assault on a named person, the offender named too.
    ("警備の山口さんへの暴行で逮捕された男は元取引先の社員でした。", "ja", "crime_victim"),
    ("The driver was convicted of assaulting our caretaker Mr. Hale.", "en", "crime_victim"),
    ("My ex was arrested for hitting me, so I moved out.", "en", "crime_victim"),
    # Threatening or anonymous letters received; an identity used.
    ("Our treasurer received anonymous letters threatening to expose her.", "en", "crime_victim"),
    ("自宅に脅迫状が届き、警察に相談しています。", "ja", "crime_victim"),
    ("someone used my identity to open two phone contracts", "en", "crime_victim"),
    # Belongings stolen said with the object, another person's prosecution in the sentence.
    ("更衣室で財布を盗まれ、清掃業者が窃盗容疑で逮捕されました。", "ja", "crime_victim"),
    # A role named casually or newly; casual past tense of a person's doing.
    ("うちの課長、先週酒気帯びで捕まったらしい", "ja", "criminal_record"),
    ("あの人って昔、傷害で服役してたらしいよ", "ja", "criminal_record"),
    ("Our new employee uses a wheelchair and asked about the lift.", "en", "disability"),
    ("Our sales rep broke his ankle on the stairs last week.", "en", "health"),
    # Detained at a protest, reporting back to the police on bail.
    (
        "I was detained after the march and must report back to the police on Friday.",
        "en",
        "criminal_record",
    ),
    # A disability certificate by its kind; a job under the quota; injuries said casually.
    ("Mr. Ota's psychiatric disability certificate runs until March.", "en", "disability"),
    ("Ms. Lee was hired under the disability quota last year.", "en", "disability"),
    ("my brother cracked a rib playing rugby", "en", "health"),
    ("Our client is in drug treatment and asks for morning sessions.", "en", "health"),
    # A due date with its month or season.
    ("I'm due in April so I'll miss the summer course.", "en", "health"),
    # A title ends no sentence: the fiction or the person before it still counts.
    ("Dr. Sato told me I have asthma.", "en", "health"),
    # A role before 人 / 方 names one person; a state before a role is that person's.
    ("窃盗の前科がある総務の人、今は真面目に働いてるらしい", "ja", "criminal_record"),
    ("逮捕歴のあるOBの方で、今も寄付をくださいます。", "ja", "criminal_record"),
    ("妊娠中の担当者ですので、長時間の立ち仕事は避けたいです。", "ja", "health"),
    # An event as a time is no topic; people at an event by their role.
    ("受付の由美ちゃん、展示会の帰りに駅でひったくりに遭うてん", "ja", "crime_victim"),
    ("Our booth assistant received death threats from a stranger.", "en", "crime_victim"),
    ("The speaker you invited was charged with fraud in 2019.", "en", "criminal_record"),
    # Money extorted, shot in a robbery, slurs and a punch, sent to prosecutors.
    ("弟が先輩にお金を脅し取られていました。", "ja", "crime_victim"),
    ("My uncle was shot in a robbery while working abroad.", "en", "crime_victim"),
    (
        "Our former intern Sato was sent to prosecutors on suspicion of fraud.",
        "en",
        "criminal_record",
    ),
    ("Her brother was detained in Minsk for 'extremism' last year.", "en", "criminal_record"),
    # A spinal cord injured in words; a methadone clinic; hearing lost in one ear.
    ("事故で脊髄を損傷し、今は車いすで生活しています。", "ja", "health"),
    ("my dad still goes to a methadone clinic every morning", "en", "health"),
    ("She lost the hearing in one ear after the blast.", "en", "disability"),
    ("I rely on the induction loop, so please seat me near the front.", "en", "disability"),
    ("母の障害者手帳の提示で入場無料になりました。", "ja", "disability"),
    # Probes: groping without a particle, drunk drivers by other names, cards made in one's name.
    ("満員電車でおしり触られた、最悪", "ja", "crime_victim"),
    ("a guy grabbed my chest on the train", "en", "crime_victim"),
    ("母が酔っ払い運転の車にはねられました。", "ja", "crime_victim"),
    ("A drink-driver killed my brother in 2019.", "en", "crime_victim"),
    ("私の名前で勝手にクレジットカードを作られていました。", "ja", "crime_victim"),
    ("Some scammer I met on a dating app took 2 million yen from me.", "en", "crime_victim"),
    ("詐欺にあって50万円失いました。", "ja", "crime_victim"),
    ("弟は傷害で罰金を払ったことがあります。", "ja", "criminal_record"),
    # A past event heard of happened to someone, even said of 会員の方.
    ("会員の方が車上荒らしにあったそうです。", "ja", "crime_victim"),
    ("参加者の方が会場で財布を盗まれたとのことです。", "ja", "crime_victim"),
    # Probes in the writers' styles: a field label with a generic word, dialect, departments.
    ("参加者アンケート：妊娠7か月です。長時間の立ち作業は避けたいです。", "ja", "health"),
    ("経理の子、ネットで買い物したら偽サイトで、お金だけ取られたんやって", "ja", "crime_victim"),
    ("隣の課の山下、痴漢で捕まって懲戒解雇やって", "ja", "criminal_record"),
]

# (text, language, category): the same words about nobody in particular.
NEGATIVES = [
    ("I'm due in the office at nine tomorrow.", "en", "health"),
    ("I'm due in court as a juror next week.", "en", "health"),
    ("おじいさんが杖をついて歩く場面を描きました。", "ja", "disability"),
    ("I drew a scene of a man in a wheelchair at the station.", "en", "disability"),
    ("研修の事例は架空のもので、横領で逮捕される経理部長が登場します。", "ja", "criminal_record"),
    (
        "The role-play uses a fictional applicant Mr. B who has a criminal record.",
        "en",
        "criminal_record",
    ),
    ("犯罪被害者支援センターから、研修会の案内が届きました。", "ja", "crime_victim"),
    ("We added Victim Support to the list of local contacts.", "en", "crime_victim"),
    ("会員企業向けに、ハラスメント被害の相談窓口を設けました。", "ja", "crime_victim"),
    ("営業の佐藤さん、逮捕されて今は休職中です。", "ja", "health"),
    ("総務の井上さん、市長選に出馬するため休職します。", "ja", "health"),
    ("保健所でHIVの無料検査会が開かれます。", "ja", "health"),
    ("授乳室はどなたでも使えます。服薬などにもご利用ください。", "ja", "health"),
    ("標準的な車いすが通れる幅か確認してください。", "ja", "disability"),
    ("刑務所出所者を雇用する企業向けの説明会です。", "ja", "criminal_record"),
    ("A programme for hiring people released from prison starts in May.", "en", "criminal_record"),
    ("Ms. Walker will chair the meeting.", "en", "disability"),
    ("Ms. Faith Ito is our new contact.", "en", "religion"),
    ("友人に避けられている気がします。", "ja", "crime_victim"),
    ("支援を受けられていない地域があります。", "ja", "crime_victim"),
    ("骨折したのでしばらく松葉杖です。", "ja", "disability"),
    ("I sprained my ankle and I'm on crutches for a few weeks.", "en", "disability"),
    ("What's the English word for 障害年金?", "en", "disability"),
    ("「前科」は英語で何と言いますか？", "ja", "criminal_record"),
    ("手話通訳付きの回を来年度に増やします。", "ja", "disability"),
    ("社員が逮捕された場合の就業規則上の扱いを教えてください。", "ja", "criminal_record"),
    ("総会の手話通訳、今年もお願いできますか。", "ja", "disability"),
    ("The bank froze the card on suspicion of fraud by a third party.", "en", "criminal_record"),
    ("We'll run awareness training for booth staff with a welfare NPO.", "en", "social_status"),
    ("Our booth is next to the wheelchair rental desk.", "en", "disability"),
    ("飲酒運転の車を見かけたら110番してください。", "ja", "crime_victim"),
    ("体触られたくない人向けのマッサージ店です", "ja", "crime_victim"),
    ("防犯講習：ひったくりに遭わないためのコツ", "ja", "crime_victim"),
    ("保護司の募集説明会は来月です。", "ja", "criminal_record"),
    ("I'm due in Osaka on Monday for the audit.", "en", "health"),
    ("会員の方が被害にあった場合は、事務局に連絡してください。", "ja", "crime_victim"),
    ("多くの方が特殊詐欺の被害に遭っているそうです。", "ja", "crime_victim"),
    ("参加者アンケート：妊娠中の方への配慮について", "ja", "health"),
    ("Staff note: the DUI checkpoint on the bypass may delay the bus.", "en", "criminal_record"),
    ("偽サイトに注意しましょう。", "ja", "crime_victim"),
    ("逮捕されたらどうなるのか、法律相談会で聞いてみたい。", "ja", "criminal_record"),
    ("万が一詐欺にあったらどうすればいいですか？", "ja", "crime_victim"),
    ("Hearing loops are installed in all rooms.", "en", "disability"),
    ("Induction loops are fitted at the reception desk.", "en", "disability"),
    ("磁気ループを全会場に設置しました。", "ja", "disability"),
    ("障害者手帳の提示で入場無料になります。", "ja", "disability"),
    ("Free entry with a disability card or a carer's pass.", "en", "disability"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
