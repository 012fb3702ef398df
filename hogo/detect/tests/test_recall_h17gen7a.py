"""Issue 17, recall by class of phrasing, seventh round (branch h17gen7a): classes behind blind
set 10's misses in a crime suffered, a criminal record, health and disability (cash handed to a
caller or a stranger, money lost to a fake investment, a drink spiked said in Japanese), each
with hard negatives that reuse its words about nobody or about a topic. None of these texts is
from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Cash handed to a caller or a stranger; money lost to a fake investment; an account emptied.
    ("祖父が息子を名乗る電話を信じて、お金を渡してしまいました。", "ja", "crime_victim"),
    ("母は駅前で見知らぬ人に現金を渡しました。", "ja", "crime_victim"),
    (
        "Grandpa believed the caller and handed cash to a stranger at his door.",
        "en",
        "crime_victim",
    ),
    (
        "My uncle put his savings into a fake investment scheme a client sold him.",
        "en",
        "crime_victim",
    ),
    ("Her savings account was emptied after she clicked a link in a text.", "en", "crime_victim"),
    ("叔母は偽の投資話で300万円を失いました。", "ja", "crime_victim"),
    # A drink spiked, said in Japanese.
    ("歓迎会で飲み物に何か入れられて、記憶がありません。", "ja", "crime_victim"),
    ("姉が合コンで薬を盛られたそうです。", "ja", "crime_victim"),
    # Charged with a driving offence, or the person as the object of "charged"; a prison
    # sentence finished; interviewed as a suspect, with "in the" before the matter.
    ("My cousin was charged with drink driving after the party.", "en", "criminal_record"),
    (
        "The police charged him with careless driving last month, says his wife.",
        "en",
        "criminal_record",
    ),
    (
        "Mentee note: finished a prison sentence in March, looking for office work.",
        "en",
        "criminal_record",
    ),
    (
        "Detectives interviewed her as a suspect in the warehouse fire, my colleague says.",
        "en",
        "criminal_record",
    ),
    ("police interviewed me as a suspect in the office break-in", "en", "criminal_record"),
    ("弊社のブース担当者が飲酒運転で書類送検されました。", "ja", "criminal_record"),
    ("口論の末、兄はその場で現行犯逮捕されました。", "ja", "criminal_record"),
    # A mentee and an exhibitor's booth staff by role.
    ("メンティーは双極性障害で通院中です。", "ja", "health"),
    # A back or a knee hurt written in kana; not eating normally yet.
    ("引っ越しで腰をいためて、しばらく座って受講したいです。", "ja", "health"),
    ("母は階段で膝をいためたので、送迎をお願いできますか。", "ja", "health"),
    ("田中さんは手術の後、まだ普通に食事ができていません。", "ja", "health"),
    ("My brother still can't eat normally after the operation.", "en", "health"),
    ("Mr. Ono isn't eating normally since his stroke, his wife says.", "en", "health"),
    # Spat on with no agent named; knocked down by a snatcher or a mugger.
    ("Interpreter's note: her son was spat on and kicked near the venue.", "en", "crime_victim"),
    ("My sister got spat on at the bus stop last week.", "en", "crime_victim"),
    ("dad was pushed over by a mugger on his way home from the fair", "en", "crime_victim"),
    ("祖母が駅前でひったくりに突き飛ばされ、手首を骨折しました。", "ja", "crime_victim"),
    ("通訳より：奥様が駅でつばを吐きかけられたそうです。", "ja", "crime_victim"),
    # Two people in an incident told apart: each is someone in particular.
    (
        "Two guests argued at the bar; one was punched, the other was arrested.",
        "en",
        "crime_victim",
    ),
    ("Two drivers collided: one needed stitches, the other was charged.", "en", "health"),
    ("駐車場で客同士の口論。一人は殴られ、もう一人は警察に連行。", "ja", "crime_victim"),
    ("一人は転んで縫うけが、もう一人は無事でした。", "ja", "health"),
    # More offences one is charged with; a bank card handed over.
    ("My neighbour's son was charged with arson in May.", "en", "criminal_record"),
    (
        "Her ex was charged with stalking last year, so she asks for no name badge.",
        "en",
        "criminal_record",
    ),
    ("父が銀行員を名乗る男にキャッシュカードを渡してしまいました。", "ja", "crime_victim"),
    (
        "Grandma handed her bank card to a stranger who said he was from the police.",
        "en",
        "crime_victim",
    ),
]


NEGATIVES = [
    (
        "知らない人に現金を渡してしまう高齢者が多いと聞き、講習会を企画しました。",
        "ja",
        "crime_victim",
    ),
    (
        "The seminar will show how a fake investment scheme is pitched at trade shows.",
        "en",
        "crime_victim",
    ),
    ("Never hand cash to a stranger who says he is from the bank.", "en", "crime_victim"),
    ("飲み物に何か入れられたら困るので、グラスから目を離さないでください。", "ja", "crime_victim"),
    ("If the account was emptied by mistake, the bank refunds it.", "en", "crime_victim"),
    (
        "My mentee finished a sentence for me when I got stuck in the pitch.",
        "en",
        "criminal_record",
    ),
    ("I hadn't finished my sentence when he cut in.", "en", "criminal_record"),
    (
        "A mentee can ask about being interviewed as a suspect in a mock trial exercise.",
        "en",
        "criminal_record",
    ),
    ("ニュースによると、男がその場で現行犯逮捕されたそうです。", "ja", "criminal_record"),
    ("Which offences count when someone is charged with obstruction?", "en", "criminal_record"),
    ("メンティーは就職活動中で、面接の練習を希望。", "ja", "health"),
    ("会場内では普通に食事ができないので、休憩室をご利用ください。", "ja", "health"),
    ("Is the hall okay if a visitor isn't eating normally during a fast?", "en", "health"),
    ("腰をいためない荷物の持ち上げ方の講習です。", "ja", "health"),
    # Wheelchairs made or sold by a company; a schedule's consideration; refugees in a list of
    # those an NGO supports.
    ("当社は軽量の車いすを製造しています。展示ブースを希望します。", "ja", "disability"),
    ("弊社は車椅子を販売しており、試乗コーナーを設けたいです。", "ja", "disability"),
    ("研修生の面談メモ：出張が多いため、日程に配慮が必要。", "ja", "disability"),
    ("研修生は難民や避難民を支援する団体に就職したいそうです。", "ja", "social_status"),
    ("The film shows a man who was spat on by a crowd.", "en", "crime_victim"),
    ("How to avoid being robbed by a pickpocket at the expo", "en", "crime_victim"),
    ("ひったくりに倒されないよう、バッグは車道と反対側に持ちましょう。", "ja", "crime_victim"),
    ("Two sessions on diabetes: one was full, the other was cancelled.", "en", "health"),
    ("もう一人は糖尿病の講演を担当します。", "ja", "health"),
    (
        "The course covers what happens when someone is charged with stalking.",
        "en",
        "criminal_record",
    ),
    (
        "キャッシュカードを渡してしまいそうになったら、すぐに家族に相談しましょう。",
        "ja",
        "crime_victim",
    ),
    ("お金を振り込んでしまいそうになったら、家族に電話しましょう。", "ja", "crime_victim"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
