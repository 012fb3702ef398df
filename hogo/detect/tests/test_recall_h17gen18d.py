"""Issue 17, precision and recall by class of phrasing (branch h17gen18d): health, disability,
criminal record and crime victim in an organisation's own texts and in personal writing. A
trial told by its date, time left on a sentence, custody under a security law, a prison term
in months, an offence investigated told by 疑い; money taken by someone who vanished, an
account emptied, violence fled, stones thrown, a stranger's grab; a medicine named, a hospital
stay ended, dysphagia, a disability benefit's letter. Hard negatives: a drama's plot, a crime
series, true crime, a fantasy team, a relative's workplace, a civil suit, leave for a campaign,
a plan's cover, a list of what qualifies, a factsheet's law. None of these texts is from a
labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A trial told by its date or its adjournments; time left on a sentence.
    (
        "My cousin Dan's trial has been set for June, and nobody at home talks about it.",
        "en",
        "criminal_record",
    ),
    ("Uncle Tunde's trial has been adjourned again and Mum is exhausted.", "en", "criminal_record"),
    ("Saw my brother on Sunday. Two years left on his sentence now.", "en", "criminal_record"),
    # Custody without trial or under a security law; the charge named.
    ("Grandpa was detained without trial in 1975 and never spoke of it.", "en", "criminal_record"),
    ("祖父は戦時中、治安維持法で検挙されたことがあると聞いた。", "ja", "criminal_record"),
    ("My ex did time for possession with intent to supply.", "en", "criminal_record"),
    ("The boy who robbed my nephew got nine months.", "en", "criminal_record"),
    # The offence investigated told by 疑い, covering the victim word.
    ("元同僚の木村が不同意わいせつの疑いで逮捕されたと聞いた。", "ja", "criminal_record"),
    # Money taken by someone who vanished; an account emptied.
    ("The roofer took our deposit and vanished in August.", "en", "crime_victim"),
    ("A man from church emptied her bank account over six months.", "en", "crime_victim"),
    # Violence fled, stones thrown, a stranger's grab.
    ("夫の暴力から逃れるため、子どもと二人で家を出ました。", "ja", "crime_victim"),
    ("I moved out last spring to escape his violence.", "en", "crime_victim"),
    ("弟は小学生のころ、帰り道で石を投げつけられたことがある。", "ja", "crime_victim"),
    (
        "Some guy grabbed me at the bus stop last night and I can't stop shaking.",
        "en",
        "crime_victim",
    ),
    # A medicine named; a hospital stay ended; dysphagia; a disability benefit's letter.
    ("Three weeks on fluoxetine and I'm sleeping again.", "en", "health"),
    ("母はジェイゾロフトを飲み始めてから少し落ち着いた。", "ja", "health"),
    ("My grandad is home from hospital and already bossing everyone around.", "en", "health"),
    ("父は嚥下障害があるので、食事はとろみをつけています。", "ja", "health"),
    ("My PIP assessment letter finally came and I cried in the kitchen.", "en", "disability"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # A drama's or a film's plot; a crime series; true crime; a fantasy team.
    ("今日のドラマ、主人公の父が元受刑者って設定で驚いた。", "ja", "criminal_record"),
    ("あの映画は、犯罪被害者の家族の視点で描かれていて考えさせられた。", "ja", "crime_victim"),
    ("The new crime series has an ex-con lawyer as its lead.", "en", "criminal_record"),
    ("Listening to a true crime podcast about a jewel robbery in Antwerp.", "en", "crime_victim"),
    ("My fantasy team got robbed by that penalty call.", "en", "crime_victim"),
    # A relative's workplace named by an institution.
    ("兄の勤務先は刑務所で、毎朝早く出ていく。", "ja", "criminal_record"),
    ("My aunt works nights on a psychiatric ward in Cardiff.", "en", "health"),
    # A civil suit brought; leave taken for a campaign; a class of members provided for.
    ("佐藤さんは前の会社を相手に裁判を起こして勝ったそうだ。", "ja", "criminal_record"),
    ("事務局の森さんは、選挙期間中は休職となります。", "ja", "health"),
    ("障害のある会員のため、受付に筆談ボードを置きます。", "ja", "disability"),
    # A plan's cover, a list of what qualifies, a factsheet's law, a joke.
    ("Does the staff dental plan cover pregnancy check-ups?", "en", "health"),
    ("割引の対象は、療育手帳か身体障害者手帳のいずれかです。", "ja", "disability"),
    (
        "Factsheet: the Rehabilitation of Offenders Act explained for employers.",
        "en",
        "criminal_record",
    ),
    ("Is Monday morning a medical condition yet? Asking for me.", "en", "health"),
    ("前世で何か罪を犯したのかと思うほど、くじ運がない。", "ja", "criminal_record"),
    # Months that are no term; a trial that is no court's; a coffee grabbed.
    ("I got six months' notice from the landlord.", "en", "criminal_record"),
    ("My son has his trial with the county under-14s on Saturday.", "en", "criminal_record"),
    ("She grabbed me a coffee on her way in.", "en", "crime_victim"),
    ("そんなこと言ったら石を投げられそう。", "ja", "crime_victim"),
    # A warning about messages sent in an officer's name.
    (
        "Heads up: texts pretending to be from our chair are asking for vouchers.",
        "en",
        "crime_victim",
    ),
    # A benefit's how-to asked in general; a newsletter heading.
    ("障害年金の申請って、どこでするんだっけ。", "ja", "disability"),
]

test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
