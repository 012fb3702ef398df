"""Issue 17, recall by class of phrasing, twelfth round (branch h17gen12a): classes that blind
set 14 (seen after it was scored) missed or flagged wrongly in race or ethnicity, political
opinion, sexual orientation, social status and religion, each with hard negatives that reuse its
words about nobody, an organisation, an event or a topic. None of these texts is from a labelled
set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # What someone is said to be, quoted after a copula.
    (
        "The caller said our new hire is 'from a buraku' and we should let him go.",
        "en",
        "social_status",
    ),
    # The term before の人 or の方 as what a person before it is, told as hearsay.
    ("会長の話では、社員の婚約者が部落出身の人らしい。", "ja", "social_status"),
    # A priest's office held beside a job.
    (
        "Our site manager is a Tenrikyo minister on weekends, also a priest at the local shrine.",
        "en",
        "religion",
    ),
    ("うちの工場長は実家の寺の住職も務めているので、お盆は休みます。", "ja", "religion"),
    ("総務の課長は神社の神主もしていて、秋祭りの時期は忙しい。", "ja", "religion"),
    # Workers on a line are people, not the production line.
    ("One of his line workers is a devout Catholic and asks for Sunday off.", "en", "religion"),
    # A run for a local office; a residents' group against a local project; an executive.
    (
        "Our driver ran in the council election last spring and wants his old shifts back.",
        "en",
        "political",
    ),
    (
        "Worker leads a citizens' group against the new dam and spoke on local TV.",
        "en",
        "political",
    ),
    ("弊社の専務が、来年の町長選に出馬を表明しました。", "ja", "political"),
    (
        "工場の近くのごみ処理場建設に反対する住民の会の代表を、うちの班長がしている。",
        "ja",
        "political",
    ),
    # A party glued to its own post or material.
    (
        "His wife is the JCP branch secretary and uses our copier for party leaflets.",
        "en",
        "political",
    ),
    ("Our welder posts Sanseito campaign posters on his truck.", "en", "political"),
    ("社長の奥さんが公明党の支部長をしていて、会社のファクスを使っている。", "ja", "political"),
    # A registered sex or gender changed, said of someone; a desk's inquiry heading.
    (
        "Inquiry: a worker changed his sex on the register last month. Payslips show the old name.",
        "en",
        "sexual_orientation",
    ),
    (
        "うちの社員が昨年、戸籍の性別を変更した。社内の書類はどうすればいいか。",
        "ja",
        "sexual_orientation",
    ),
    (
        "The new hire changed her gender last year and asks us to update the badge.",
        "en",
        "sexual_orientation",
    ),
    # A descent word with a business named elsewhere in the sentence, not glued to it.
    (
        "マレー系でイスラム教徒の夫が、会社の忘年会でお酒を断ったら笑われました。",
        "ja",
        "race_ethnicity",
    ),
    ("取引先の会社の担当者は中国系で、旧正月は休みだそうです。", "ja", "race_ethnicity"),
    # Ryukyuan faith practice kept by a family.
    ("祖母の代から、旧暦の一日と十五日にはウガンをしています。", "ja", "religion"),
    ("母はユタに相談してから、引っ越しの日を決めました。", "ja", "religion"),
    # A note's subject named by a word and a role, whatever topic the sentence has.
    (
        "Kurdish employee's car was scratched in the company car park overnight.",
        "en",
        "race_ethnicity",
    ),
    # dev36: a record's person by role and initial or by role and surname apart (Employee R.
    # Sato:, 社員 中井：), whatever topic the note has.
    ("Employee R. Sato: Sunday mass at the cathedral, shift swap approved.", "en", "religion"),
    (
        "社員 中井：参院選で与党候補の陣営に寄付したことが報道され、取引先から電話あり。",
        "ja",
        "political",
    ),
    ("社員 劉：旧正月ではなく、ディワリの時期に休みを取りたいとのこと。", "ja", "religion"),
    # Faith practice by name: a mountain ascetic, a Zen trainee.
    ("夫は修験道の山伏で、秋の峰入りで一週間家を空けます。", "ja", "religion"),
    ("応募者は大学卒業後、三年間雲水として禅寺で修行していたそうです。", "ja", "religion"),
    # A referendum campaign helped; a parent who never married the other; late acknowledgement.
    ("休暇申請：住民投票の運動を手伝うため3日間(山内)。", "ja", "political"),
    ("My mum never married my dad, so the form's father field is blank.", "en", "social_status"),
    ("My father never acknowledged me, so my surname is my mother's.", "en", "social_status"),
    # Couples: a titled holder with an initial, a relative's named partner, a sibling's partner.
    (
        "Note: Ms. A. Kimura's wife, Laura, to be added to the family allowance.",
        "en",
        "sexual_orientation",
    ),
    (
        "My son's partner Daniel was hurt at work; they've been together nine years.",
        "en",
        "sexual_orientation",
    ),
    ("うちの弟は男性と10年同居していて、その人が入院しました。", "ja", "sexual_orientation"),
    ("来月、娘の結婚相手は女性で、式は海外で挙げます。", "ja", "sexual_orientation"),
    (
        "今はパートナーの男性と暮らしているので、緊急連絡先は彼にしたいです。(男性社員 田中)",
        "ja",
        "sexual_orientation",
    ),
    # Testimony or a speech for a cause; a radical student group.
    (
        "My uncle testified at the Diet hearing on the fishing rights bill last month.",
        "en",
        "political",
    ),
    ("父は国連で演説したこともある活動家です。", "ja", "political"),
    ("Our new hire was in a radical student group at university.", "en", "political"),
]

NEGATIVES = [
    # dev36: fields one must not ask; hormone treatment for menopause; a benefit extended to a
    # class; a training's case study; a culture experience; a leave a rule provides; a saying.
    ("社員研修の資料：本籍や家族の職業は面接で聞かないこと、と明記。", "ja", "social_status"),
    (
        "更年期でホルモン治療を受けている社員への配慮について、産業医に相談した。",
        "ja",
        "sexual_orientation",
    ),
    (
        "来期から同性パートナーも家族手当の対象にする案を検討しています。",
        "ja",
        "sexual_orientation",
    ),
    (
        "Training case study: a manager asks a new hire about her religion at lunch.",
        "en",
        "religion",
    ),
    ("町内会主催のアイヌ文化体験に、社員10名が参加しました。", "ja", "race_ethnicity"),
    ("就業規則の改定案：宗教行事のための特別休暇を新設。", "ja", "religion"),
    ("店長の口癖は「お客様は神様」です。", "ja", "religion"),
    # A family court's civil business; a sibling with a person of the other sex or at work.
    (
        "社員 堀田：家庭裁判所で名の変更が認められたので、社員証の氏名を変えたい。",
        "ja",
        "criminal_record",
    ),
    ("兄は男性と話すのが苦手で、営業は向いていないと言っています。", "ja", "sexual_orientation"),
    ("兄の相手は女性で、来月結婚します。", "ja", "sexual_orientation"),
    ("Mr. J. Rivera's wife, Anna, will collect his badge.", "en", "sexual_orientation"),
    (
        "今は夫と暮らしているので、緊急連絡先は夫にしたいです。(女性社員 田中)",
        "ja",
        "sexual_orientation",
    ),
    ("Disabled employee is entitled to extra leave under the company rules.", "en", "disability"),
    # A descent word glued to the business it names; a kana run that is no faith word.
    ("中華系のスーパーで、部長の奥さんが働いているそうです。", "ja", "race_ethnicity"),
    ("韓国系企業に勤める夫が、転勤になりました。", "ja", "race_ethnicity"),
    ("弊社の取引先は台湾系の会社が多いです。", "ja", "race_ethnicity"),
    ("もうがんばれないので、今日は早退します。", "ja", "religion"),
    ("沖縄の御嶽を巡るツアーのパンフレットを置いてもいいですか。", "ja", "religion"),
    # A rule or clause that bans a topic.
    (
        "Our model rules have a clause banning political campaigning on company premises.",
        "en",
        "political",
    ),
    ("Does a ban on religious symbols at work break any law?", "en", "religion"),
    # A shrine's, temple's or church's festival or fair as an event.
    (
        "The parish shrine festival closes Route 9 all Saturday, so deliveries will be late.",
        "en",
        "religion",
    ),
    ("Our temple fair brings in so many visitors that the car park is full.", "en", "religion"),
    ("来週は神社の例大祭で駅前が混むので、納品を一日ずらします。", "ja", "religion"),
    ("お寺の縁日の日は工場前に屋台が出るので、トラックの出入りに注意。", "ja", "religion"),
    # A field asked about at an interview.
    ("採用面接で信仰を尋ねるのは問題になりますか。", "ja", "religion"),
    ("応募者に支持政党を聞いてはいけないと研修で習いました。", "ja", "political"),
    # 家の出 inside another word.
    ("家の出入りの多い時期なので、郵便物は事務所に届けてください。", "ja", "social_status"),
    # An organisation acting as such toward an event.
    ("組合として平和行進に参加するので、横断幕の作り方を教えてほしい。", "ja", "political"),
    ("協会として人権パレードに協賛するかどうか、理事会で話し合う。", "ja", "sexual_orientation"),
    # If someone of the kind joins.
    ("外国籍の社員が入ってきたら、在留カードの確認はどうするのか。", "ja", "race_ethnicity"),
    ("ゲイの社員が入社したら、福利厚生はどう変わるのか知りたい。", "ja", "sexual_orientation"),
    # A named case or its ruling; a subject that came up in talk.
    ("ハンセン病訴訟の判決について調べている学生から問い合わせ。", "ja", "health"),
    ("部落地名リスト事件の判決文を研修の資料にしたい。", "ja", "social_status"),
    ("戸籍の話が出たので、相続の手続きを調べました。", "ja", "social_status"),
    # A party's finance or a list, no one's post; a word asked about in quotes.
    ("Do you have the LDP campaign finance figures for last year?", "en", "political"),
    ("What is 'buraku'? My intern saw it in a textbook.", "en", "social_status"),
    ("The word was 'burakumin', and the trainer explained it.", "en", "social_status"),
    # A race that is no election.
    ("She ran in the company relay race and won.", "en", "political"),
    ("He ran in the Tokyo marathon last year.", "en", "political"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
