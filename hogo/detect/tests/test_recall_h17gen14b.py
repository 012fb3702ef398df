"""Issue 17, precision by class of phrasing, fourteenth round (branch h17gen14b): classes behind
the flagged negatives of blind sets 17 and 18 and dev37 in health, disability, a criminal
record and a crime suffered. A job or volunteer role in a prison, a psychiatric ward, a court's
files or a special school (a relative's too: 刑務官 beside 受刑者); a sport or charity event for a
group; a facility usable by a wheelchair; a scheme for victims; a question how two grades or
rules relate; "blind" in a tasting or said of oneself in jest; "as a newborn" as a time of life;
a wish to keep health data private; a witness or a juror at a trial; crime heard of in an area
or on the rise; the writer's hypothetical pregnancy; the theft or fraud one is accused of (a
record, not a crime suffered); a test told positive in Japanese. None of these texts is from a
labelled set. Recall: summoned by prosecutors, police asking to interview someone, held
awaiting charges (a witness excepted).
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    ("PCR検査で陽性が出たため、今週の練習は休みます。", "ja", "health"),
    ("息子が抗原検査で陽性と判定されました。", "ja", "health"),
    ("My brother was arrested for theft at his old job last year.", "en", "criminal_record"),
    ("She is on trial for fraud and has asked for time off.", "en", "criminal_record"),
    ("My uncle was accused of stealing from the till and lost his job.", "en", "criminal_record"),
    ("兄は受刑者として今も刑務所にいます。", "ja", "criminal_record"),
    ("I have been a patient on a psychiatric ward twice.", "en", "health"),
    ("娘は特別支援学校に通っています。", "ja", "disability"),
    ("I need a sign-language interpreter for the AGM, please.", "en", "disability"),
    ("母は車いすで生活しています。", "ja", "disability"),
    ("兄の裁判が来月から始まります。", "ja", "criminal_record"),
    ("My son plays wheelchair rugby for the county.", "en", "disability"),
    ("同僚の小野さんが検察から呼び出しを受けたそうです。", "ja", "criminal_record"),
    ("The police want to interview Mr. Reyes about a break-in.", "en", "criminal_record"),
    ("My cousin is in detention awaiting charges after a brawl.", "en", "criminal_record"),
    ("犯罪被害者等給付金を申請中で、手続きのため休みます。", "ja", "crime_victim"),
    ("Are assistance dogs allowed on the tour? I use one.", "en", "disability"),
]

NEGATIVES = [
    ("My uncle is a nurse in a psychiatric ward in Osaka.", "en", "health"),
    ("叔母は精神科病院で働いており、その話から看護を志しました。", "ja", "health"),
    ("祖父は看守として長く勤め、受刑者の更生について話してくれました。", "ja", "criminal_record"),
    ("I volunteer as a volunteer probation officer in my town.", "en", "criminal_record"),
    ("父は保護司として地域の相談に乗っています。", "ja", "criminal_record"),
    ("I help file criminal case files at a law firm part-time.", "en", "criminal_record"),
    ("姉は特別支援学校の先生をしています。", "ja", "disability"),
    ("My sister is a special needs teacher in Kobe.", "en", "disability"),
    ("I'm a sign language interpreter and can help on the day.", "en", "disability"),
    ("手話通訳士として当日お手伝いできます。", "ja", "disability"),
    ("We watched a wheelchair rugby match at the stadium.", "en", "disability"),
    ("I coach wheelchair tennis at the club on Sundays.", "en", "disability"),
    ("車いすテニスの観戦ツアーを企画してください。", "ja", "disability"),
    ("盲導犬協会の募金箱を受付に置きました。", "ja", "disability"),
    ("車椅子でも使える会議室を一つ用意してほしいです。", "ja", "disability"),
    ("犯罪被害者等給付金の制度を説明する資料はありますか。", "ja", "crime_victim"),
    (
        "What is the difference between a grade 2 and a grade 3 disability certificate?",
        "en",
        "disability",
    ),
    ("身体障害者手帳と療育手帳の違いを教えてください。", "ja", "disability"),
    ("Is there a blind tasting at the cheese fair?", "en", "disability"),
    ("Am I blind? I can't see the link to the form anywhere.", "en", "disability"),
    ("He was found at a church as a newborn and grew up in Nara.", "en", "health"),
    ("I'd rather not disclose my health status on the sign-up form.", "en", "health"),
    ("健康診断書の提出期限はいつですか。", "ja", "health"),
    ("部下が事故の目撃者として裁判所に呼ばれました。", "ja", "criminal_record"),
    ("来週、裁判を傍聴する授業があります。", "ja", "criminal_record"),
    ("There were pickpockets at the station during the festival, I read.", "en", "crime_victim"),
    ("高齢者を狙った詐欺が増えているので、勉強会を開きたいです。", "ja", "crime_victim"),
    ("If I get pregnant during the course, can I pause it?", "en", "health"),
    ("もし妊娠した場合、奨学金はどうなりますか。", "ja", "health"),
    ("商店街でドラマのロケがあるそうです。", "ja", "health"),
    ("My father was arrested for fraud last year.", "en", "crime_victim"),
    ("The police want to interview Ms. Grant as a witness to the crash.", "en", "criminal_record"),
    ("事故の目撃者として、検察から呼び出しがありました。", "ja", "criminal_record"),
]

test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
