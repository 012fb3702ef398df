"""Issue 17, precision and crime-victim recall by class (branch h17gen16b): a person named by a
bare given name; property damaged told in the passive, a thing taken or grabbed, a threat to
burn or kill, an address posted, charges pressed, being made to sign or buy, money embezzled;
and the hard negatives: another sense of a health word (sick and tired, a score's breakdown,
bail conditions, an MP's surgery), a job, course, place or scheme named by a category word, a
prisoner costume, a threshold of a rule, a class of holders, a scam message that was not acted
on, the offence one is arrested or tried for. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A person named by a bare given name.
    ("Gordon got mugged outside the bingo hall on Friday.", "en", "crime_victim"),
    ("Sylvia's been on dialysis three times a week since spring.", "en", "health"),
    ("Apparently Nigel uses a wheelchair now, so the back room won't do.", "en", "disability"),
    # Property damaged, told in the passive or as a thing thrown.
    ("My van's tyres were slashed again outside the depot.", "en", "crime_victim"),
    ("Someone threw a brick through our window on Tuesday night.", "en", "crime_victim"),
    ("Her allotment shed was deliberately set on fire, the police said.", "en", "crime_victim"),
    ("父の車が、夜のうちに傷だらけにされていました。", "ja", "crime_victim"),
    ("駐車場で私の自転車に傷をつけられました。", "ja", "crime_victim"),
    # A thing taken or grabbed from someone.
    ("A lad on a bike grabbed my handbag at the crossing.", "en", "crime_victim"),
    ("Somebody walked off with his phone while he was at the till.", "en", "crime_victim"),
    ("Doreen had her purse taken on the tram last week.", "en", "crime_victim"),
    ("祖母が駅前で財布を取られました。", "ja", "crime_victim"),
    ("後ろから来た人にかばんを引っ張られて、手首をひねりました。", "ja", "crime_victim"),
    # A threat to burn or kill; an address posted; charges pressed.
    ("The letter to my mother was a threat to burn her shop down.", "en", "crime_victim"),
    ("Somebody posted my address online after the hearing.", "en", "crime_victim"),
    ("Malcolm is pressing charges after the fight at the bus stop.", "en", "crime_victim"),
    ("店を燃やすと脅す手紙が、兄のところに届きました。", "ja", "crime_victim"),
    ("ネットで実名をさらされて、妹は外に出られなくなっています。", "ja", "crime_victim"),
    # Made to sign or buy; money embezzled; a fake site paid.
    ("My grandad was pressured into signing a roofing contract at the door.", "en", "crime_victim"),
    ("Her nephew embezzled her pension for two years.", "en", "crime_victim"),
    ("I paid a fake website posing as your shop for two tickets.", "en", "crime_victim"),
    ("叔母が、電話の勧誘で高額な契約をさせられていました。", "ja", "crime_victim"),
    ("祖父が展示会で高い健康器具を買わされていました。", "ja", "crime_victim"),
    ("兄が勤め先の経理担当に給料を横領されていました。", "ja", "crime_victim"),
    # The offence one is arrested or tried for is a record.
    ("叔父が窃盗で逮捕され、家族で面会に行きます。", "ja", "criminal_record"),
    ("My cousin was questioned in connection with the burglary.", "en", "criminal_record"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # Another sense of a health word.
    ("I'm sick and tired of the printer jamming every morning.", "en", "health"),
    ("The cost breakdown on page two doesn't add up.", "en", "health"),
    ("My bail conditions say I must sign in at the station weekly.", "en", "health"),
    ("Our MP holds a constituency surgery in the library on Fridays.", "en", "health"),
    ("あの人の「後で折り返します」はもはや持病ですね。", "ja", "health"),
    # A job, course or place named by a category word.
    ("I finished a degree in criminal justice and want part-time work.", "en", "criminal_record"),
    ("She is the new victim-support liaison for the helpline.", "en", "crime_victim"),
    ("The guest speaker is a retired prison governor.", "en", "criminal_record"),
    ("The retired court clerk will audit the accounts.", "en", "criminal_record"),
    ("監査は元裁判所書記官の方にお願いしました。", "ja", "criminal_record"),
    ("県警の詐欺防止研修の担当に、佐藤さんが決まりました。", "ja", "crime_victim"),
    ("We are starting a sign language class for beginners.", "en", "disability"),
    ("来月から手話講座を開きます。講師は登録手話通訳者の方です。", "ja", "disability"),
    ("次の停留所は「メンタルクリニック前」です。", "ja", "health"),
    ("窓口に筆談ボードを設置しました。", "ja", "disability"),
    ("バザーの売上は障害者作業所に寄付します。", "ja", "disability"),
    ("We'd like to donate his wheelchair now that he has passed.", "en", "disability"),
    # A costume; a road; a march against a cause.
    ("My son will go as a prisoner for Halloween this year.", "en", "criminal_record"),
    ("文化祭で囚人の仮装をしたいので、衣装を貸してください。", "ja", "criminal_record"),
    ("Janet is collecting signatures against the new bypass.", "en", "health"),
    ("Brian handed out leaflets for an anti-abortion march.", "en", "health"),
    ("中絶反対のデモが駅前であるそうです。", "ja", "health"),
    # A threshold of a rule; a class of holders.
    ("The grant covers care level 3 or above only.", "en", "health"),
    ("補助の対象は要介護3以上の方です。", "ja", "health"),
    ("Members holding a disability certificate get a discount.", "en", "disability"),
    ("障害者手帳を持っている人の割引は、どの店でも同じですか。", "ja", "disability"),
    ("Norman wrote that servicemen, many with war injuries, founded the club.", "en", "health"),
    # A language not read; a scam message that arrived and was deleted; a future purchase.
    ("父は日本語の読み書きが苦手なので、ふりがなをお願いします。", "ja", "disability"),
    ("協会名のフィッシングメールが届きましたが、開かずに消しました。", "ja", "crime_victim"),
    ("I got a phishing email in your name and deleted it.", "en", "crime_victim"),
    ("母がまた高い布団を買わされそうで心配です。", "ja", "crime_victim"),
    # A name greeted, a saint, a contraction.
    ("Hi Linda, is the hall wheelchair accessible?", "en", "disability"),
    ("Don't be a victim of poor planning, the poster said.", "en", "crime_victim"),
    # The offence one is arrested or tried for is no crime suffered.
    ("My nephew was arrested in connection with the thefts at the depot.", "en", "crime_victim"),
    ("元職員が詐欺の容疑で逮捕されたと聞きました。", "ja", "crime_victim"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
