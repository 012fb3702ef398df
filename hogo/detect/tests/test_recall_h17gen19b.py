"""Issue 17, health, disability, criminal record and crime victim by class (branch h17gen19b):
a job advert's ward or court, a clinic's offer, a survey's share, an FAQ opened by "FAQ -" or
"Q. … A.", a work probation, a figure of speech of sickness and a creed of non-violence name
no one; the offence someone served time for is theirs, not a crime suffered; a record, an
illness, a disability or a crime suffered said in a note's or a caller's shorthand is
someone's. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Custody by its old name, a curfew tag, police bail, a security-law stop, an HMP prison.
    ("My uncle was at His Majesty's pleasure in the nineties.", "en", "criminal_record"),
    ("I'm on a tag until March, so evening shifts are out.", "en", "criminal_record"),
    ("Our driver Paul is on police bail pending a decision.", "en", "criminal_record"),
    ("My cousin was held under Schedule 7 coming back from Istanbul.", "en", "criminal_record"),
    ("My brother comes out of HMP Leeds next week.", "en", "criminal_record"),
    ("My dad did nine months for handling stolen goods.", "en", "criminal_record"),
    ("隣の田中さん、警察に連れてかれたって聞いた。", "ja", "criminal_record"),
    # Time served for an offence is the offender's record.
    ("兄は窃盗などで服役していた。", "ja", "criminal_record"),
    # A hate attack, a stranger's theft, windows smashed, a push off a bike, spiritual sales.
    ("My son was beaten in a homophobic attack near the station.", "en", "crime_victim"),
    ("Someone stole my mum's handbag at the market, she says.", "en", "crime_victim"),
    ("Dan's shop had its windows smashed twice this spring.", "en", "crime_victim"),
    ("Two boys pushed her off her scooter on the way home; she's my niece.", "en", "crime_victim"),
    ("Mr Okafor, 63. Mugged outside the bank on Friday.", "en", "crime_victim"),
    ("母は霊感商法で壺を買わされた。", "ja", "crime_victim"),
    ("飲み会の帰りに財布取られたんだよね、俺。", "ja", "crime_victim"),
    # Procedures and drugs said in shorthand; a broken tooth; a cervical cord injury.
    ("Back at work in May after a spinal fusion, my GP says.", "en", "health"),
    ("My daughter had an emergency appendicectomy on Sunday.", "en", "health"),
    ("He's had two operations on his knee since the fall.", "en", "health"),
    ("I've had MS for nine years now.", "en", "health"),
    ("夫は殴られて前歯二本折れた。", "ja", "health"),
    ("父は頸髄損傷で車椅子を使っています。", "ja", "health"),
    ("娘は薬を飲みながら学校に通っています。", "ja", "health"),
    # Support told by its scheme; a chair outdoors; housebound.
    ("I've been housebound for two years with my lungs.", "en", "disability"),
    ("Rita Owens, 70. Uses a chair outdoors since the stroke.", "en", "disability"),
    ("I get PIP for my arthritis and it barely covers the taxis.", "en", "disability"),
]

NEGATIVES = [
    # A job advert: a ward, a court or a prison as a workplace; a post to fill.
    ("Healthcare Assistant - Acute Psychiatric Ward (Band 3). Nights.", "en", "health"),
    ("Mental Health Support Worker - community team, Leeds.", "en", "disability"),
    ("刑事事件中心の法律事務所で事務スタッフを募集しています。", "ja", "criminal_record"),
    ("刑務所で働く刑務官の採用試験の日程が発表されました。", "ja", "criminal_record"),
    ("更生保護を支える保護司のなり手が不足している。", "ja", "criminal_record"),
    ("【受付】心療内科・精神科クリニックの事務。未経験可。", "ja", "health"),
    # A clinic's or a service's offer to anyone; a question of eligibility.
    ("新しい相談窓口では、がんの治療と仕事の両立の相談に応じる。", "ja", "health"),
    ("障害年金は何級から受け取れますか。", "ja", "disability"),
    # A survey's or an official count's share.
    ("県の調査では、糖尿病で通院している人は推計で二十万人。", "ja", "health"),
    ("会員アンケート結果：「持病がある」と回答した人は12%。", "ja", "health"),
    # An FAQ that asks and answers for anyone.
    ("FAQ - Must I disclose a spent conviction? Only for some roles.", "en", "criminal_record"),
    ("Q. 前科があると登録できませんか？ A. 登録できます。", "ja", "criminal_record"),
    # Advice to a reader; a consent clause.
    ("Tip: you don't have to mention health conditions at interview.", "en", "health"),
    ("病歴は本人の同意なく取得しない。", "ja", "health"),
    # A work probation; a figure of speech of sickness or addiction; a creed of non-violence.
    ("I'll ask for a raise after probation ends.", "en", "criminal_record"),
    ("I'm sick to death of this rain.", "en", "health"),
    ("That interview made me sick, honestly.", "en", "health"),
    ("このゲーム、依存症になりそうなくらい面白い。", "ja", "health"),
    ("彼は非暴力を信条にしている。", "ja", "crime_victim"),
    # A GP's practice; a blog post's title; a drama's lead.
    ("My GP surgery is closed on Wednesday afternoons.", "en", "health"),
    ("New blog post: 'Fresh out of prison - now what?' A guide to CVs.", "en", "criminal_record"),
    ("Have you seen that new drama? The lead's an ex-con in Leeds.", "en", "criminal_record"),
    # The offence a person served time for or was convicted of is theirs, not suffered.
    ("取材メモ：元組員の男性、恐喝などで服役二回。", "ja", "crime_victim"),
    ("Declared: conviction 2019, theft by employee, fine paid. - Tom", "en", "crime_victim"),
    # A robbery reported with nobody hurt or named.
    ("深夜、刃物を持った男が店に押し入ったが、けが人はいなかった。", "ja", "crime_victim"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
