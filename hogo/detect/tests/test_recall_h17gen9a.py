"""Issue 17, recall by class of phrasing, ninth round (branch h17gen9a): classes that blind set
11 (now open) missed or flagged wrongly in political opinion, sexual orientation, religion,
social status and race or ethnicity, each with hard negatives that reuse its words about nobody,
an organisation or a topic. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A party's convention attended by someone.
    ("I attended the party convention in Osaka as a delegate.", "en", "political"),
    ("父は毎年、党大会に代議員として出ています。", "ja", "political"),
    ("党大会に出席しました。", "ja", "political"),
    # Elected to a union's executive.
    ("My sister was elected to the union executive last spring.", "en", "political"),
    ("Got elected to the union's executive committee this year.", "en", "political"),
    ("今年から組合の執行部に入りました。", "ja", "political"),
    ("私は春に組合の役員に選ばれました。", "ja", "political"),
    # A strike joined.
    ("Joined the spring wage offensive rally with my co-workers.", "en", "political"),
    ("My husband joined the strike at the depot.", "en", "political"),
    ("I was on the picket line all week.", "en", "political"),
    ("去年、春闘のストに参加しました。", "ja", "political"),
    ("組合でストをしました。", "ja", "political"),
    ("メーデーの行進に参加しました。", "ja", "political"),
    ("父は組合の交渉委員をしています。", "ja", "political"),
    ("兄はストライキに参加して、処分を受けました。", "ja", "political"),
    # An elected seat held while doing something else.
    ("村議会議員をしながら農業をしています。", "ja", "political"),
    ("叔父は市議会議員をやっていて、週末は忙しいです。", "ja", "political"),
    ("My aunt is serving as a councillor in Nara while teaching.", "en", "political"),
    # Campaign help at a candidate's office, street speeches.
    ("Volunteered at the Komeito candidate's office during the election.", "en", "political"),
    ("I helped with leaflets for the council candidate last year.", "en", "political"),
    ("Helped out at the mayoral candidate's office in May.", "en", "political"),
    ("I gave street speeches for the LDP every weekend in June.", "en", "political"),
    ("去年は父の選挙事務所を手伝いました。", "ja", "political"),
    ("友人の街頭演説の手伝いをしました。", "ja", "political"),
    # A vote or campaign work as a note without "I".
    ("Voted Ishin last time, probably again.", "en", "political"),
    ("Campaigned for the Greens in the last election.", "en", "political"),
    ("Canvassed for our local MP over the summer.", "en", "political"),
    # A petition collected, with the particle dropped.
    ("駅前で最低賃金の署名集めしてます。", "ja", "political"),
    ("母は保育園存続の署名集めてるよ。", "ja", "political"),
    # What a protest is against is no topic of it.
    ("大学時代、授業料値上げ反対の座り込みに参加しました。", "ja", "political"),
    ("基地建設反対の座り込みに兄も行っています。", "ja", "political"),
    # A choir of one's church practising; heir to a temple.
    ("can't come tonight, church choir practice", "en", "religion"),
    ("Sorry, choir practice at my church on Thursdays.", "en", "religion"),
    ("今夜は聖歌隊の練習があるので早退します。", "ja", "religion"),
    ("私は曹洞宗の寺の跡取りです。", "ja", "religion"),
    ("兄が寺を継いでいます。", "ja", "religion"),
    ("I'm heir to the family temple in Kyoto.", "en", "religion"),
    # Racist abuse: told to go home, with a slur.
    ("A passer-by yelled at my son to 'go back where you came from'.", "en", "race_ethnicity"),
    ("A customer told our intern Ana to 'go home, gaijin'.", "en", "race_ethnicity"),
    ("同僚のマリアさんが客に「外人は帰れ」と言われました。", "ja", "race_ethnicity"),
    ("息子が学校で『ガイジンは帰れ』と言われた。", "ja", "race_ethnicity"),
    # Descent before a person word that begins with a topic word (研修 of 研修生).
    ("日系ペルー人の研修生です。", "ja", "race_ethnicity"),
    ("弊社の研修生は日系ブラジル人の研修生で、とても真面目です。", "ja", "race_ethnicity"),
    # A preservation society is no data policy.
    ("私はアイヌで、刺繍の保存会に入っています。", "ja", "race_ethnicity"),
    # Both parents by nationality, with "'s" or "is".
    ("Mum's Korean, dad's Japanese, so I speak both.", "en", "race_ethnicity"),
    ("My dad is Brazilian and my mum is Japanese.", "en", "race_ethnicity"),
    # Off the street into a shelter; a childhood in an institution.
    ("Got off the streets last year and I'm staying in a shelter in Ueno.", "en", "social_status"),
    ("My brother is staying in a shelter until he finds a room.", "en", "social_status"),
    ("She grew up in an institution after her parents died.", "en", "social_status"),
    # A third person's same-sex partner by the possessive pronoun; a partner's gender in
    # apposition beside the bracketed gender of the one the note is about.
    ("Our intern Yui says her wife will pick her up at six.", "en", "sexual_orientation"),
    ("Member note: Mr. Hara and his husband moved to Kobe.", "en", "sexual_orientation"),
    ("My colleague Ken brought his boyfriend to the party.", "en", "sexual_orientation"),
    (
        "Trainee B (female) lives with her live-in girlfriend near the plant.",
        "en",
        "sexual_orientation",
    ),
    ("研修生Ｂさん（男性）より。パートナーの男性と同居しています。", "ja", "sexual_orientation"),
    ("会員（女性・35歳）：パートナーの女性と一緒に参加したいです。", "ja", "sexual_orientation"),
    # A relative of one gender with a boyfriend or girlfriend.
    ("弟に彼氏ができたらしく、母が喜んでいます。", "ja", "sexual_orientation"),
    ("うちの娘、彼女ができたって報告してくれました。", "ja", "sexual_orientation"),
    ("姪の彼女と三人で来場予定です。", "ja", "sexual_orientation"),
    # dev33: a union election stood in, a union rally spoken at, a party's campaign helped,
    # the Liberation League's campaign.
    ("My brother is running in the union election this autumn.", "en", "political"),
    ("昨日の組合集会で発言したら、上司に呼ばれました。", "ja", "political"),
    ("I help with the Komeito campaign on Sundays.", "en", "political"),
    ("My aunt is active in the Buraku Liberation League.", "en", "political"),
    # A hereditary shrine family: faith and lineage.
    ("実家は代々続く社家です。", "ja", "religion"),
    ("実家は代々続く社家です。", "ja", "social_status"),
    ("My husband's family are hereditary priests at a shrine in Nara.", "en", "religion"),
    # Parents who never married; no home since a date.
    ("My father never married my mum, so his name isn't on my papers.", "en", "social_status"),
    ("父は母と結婚しないまま亡くなりました。", "ja", "social_status"),
    ("去年の秋から家がなく、友人宅を転々としています。", "ja", "social_status"),
    ("My brother hasn't had a home since the divorce.", "en", "social_status"),
    # Descent as blood; Ashanti; mixed with a comma; both parents with "is".
    ("祖母はアイヌの血を引いています。", "ja", "race_ethnicity"),
    ("私には琉球の血が流れています。", "ja", "race_ethnicity"),
    ("Our new driver is Ashanti and speaks Twi.", "en", "race_ethnicity"),
    ("She's mixed, Korean and Nigerian.", "en", "race_ethnicity"),
    ("My mother is Japanese and father is Peruvian.", "en", "race_ethnicity"),
    # The writer a woman said with わたし or で, a partner by 交際相手; the court's change of sex.
    ("わたしも女で、交際相手の女性と住んでいます。", "ja", "sexual_orientation"),
    ("私は女で、交際相手の女性と来月入籍の予定です。", "ja", "sexual_orientation"),
    ("兄は去年、性別の取扱いを変更しました。", "ja", "sexual_orientation"),
    ("トランスで月に一度ホルモン注射を受けています。", "ja", "sexual_orientation"),
    ("トランスで改名の手続きを進めています。", "ja", "sexual_orientation"),
    # A conversion told to someone with a quoting と.
    ("同僚の佐藤さんがイスラム教に改宗したと部下に話していました。", "ja", "religion"),
    # "is an openly gay <job>": one person who holds the job.
    ("Our guest Ms. Kato is an openly lesbian ward councillor.", "en", "sexual_orientation"),
    ("My uncle was an openly gay schoolteacher in Sendai.", "en", "sexual_orientation"),
    # X-gender in English.
    ("I identify as x-gender, please use my name only.", "en", "sexual_orientation"),
    ("Profile: xgender, 30s, Osaka.", "en", "sexual_orientation"),
]

NEGATIVES = [
    # A party's convention as an event.
    ("The station will be crowded during the party convention.", "en", "political"),
    ("Hotels near the venue are full because of the party convention.", "en", "political"),
    ("党大会の日程と重なるため、会場を変更しました。", "ja", "political"),
    # A union acting as an organisation; a union's executive as a body.
    ("労働組合として協賛金を出したいとのことです。", "ja", "political"),
    ("As a union, we would like to sponsor a booth.", "en", "political"),
    ("The union executive has approved the venue.", "en", "political"),
    # Strikes as news, a strike in sport, a spring sale.
    ("The spring offensive talks ended without a deal, the paper says.", "en", "political"),
    ("Rail services may be cut if the strike goes ahead.", "en", "political"),
    # Help and volunteering that is no campaign.
    ("I helped with the spring sales campaign at the store.", "en", "political"),
    ("Volunteered at the food bank every Saturday.", "en", "political"),
    ("Helped with the move and the new office layout.", "en", "political"),
    ("Helped out at the bakery during the festival.", "en", "political"),
    ("テストをしました。", "ja", "political"),
    ("メーデーの行進で道路が混むので、集合時間を早めます。", "ja", "political"),
    ("Collecting stamps for the rally prize is fun.", "en", "political"),
    # Petitions as a topic.
    ("署名集めのコツを教えてください。", "ja", "political"),
    ("Voted the best booth of the fair.", "en", "political"),
    # A protest's aim with no one in it.
    ("値上げ反対の座り込みについての記事を読みました。", "ja", "political"),
    # Choirs and temples as venues or topics.
    ("Is the church choir practice room free on Friday?", "en", "religion"),
    ("寺の跡継ぎ問題についての講演会です。", "ja", "religion"),
    ("The temple's heir problem is a common topic in rural Japan.", "en", "religion"),
    # Slurs as words discussed, "go home" at the end of a shift.
    (
        "The training covers phrases like 'go home, gaijin' that count as harassment.",
        "en",
        "race_ethnicity",
    ),
    ("I told the apprentices to 'go home' early because of the typhoon.", "en", "race_ethnicity"),
    ("「外人は帰れ」という言葉の問題について考える研修です。", "ja", "race_ethnicity"),
    # Descent as a class of people; a preservation society about nothing personal.
    ("日系ブラジル人の研修生向けの資料はありますか。", "ja", "race_ethnicity"),
    ("古式舞踊の保存会の連絡先を教えてください。", "ja", "race_ethnicity"),
    ("アイヌ民族の文化の保存について調べています。", "ja", "race_ethnicity"),
    # Parents from a place in Japan.
    ("Mum's from Osaka, dad's from Sendai.", "en", "race_ethnicity"),
    ("Dad's Japanese, mum's Japanese, nothing unusual.", "en", "race_ethnicity"),
    # Shelters and institutions that house no one in the text.
    ("The city opened a new shelter for stray cats.", "en", "social_status"),
    (
        "Children who grew up in an institution face barriers, the report says.",
        "en",
        "social_status",
    ),
    ("Where is the typhoon shelter nearest the venue?", "en", "social_status"),
    # A spouse of either gender asked for; a business partner; partners of the other gender.
    ("Each member may ask her wife or husband to sign the form.", "en", "sexual_orientation"),
    ("取引先パートナーの女性が明日来社します。担当（女性）", "ja", "sexual_orientation"),
    ("ビジネスパートナーの男性と面談します。（男性・40歳）", "ja", "sexual_orientation"),
    ("パートナーの女性と参加します。（男性・40歳）", "ja", "sexual_orientation"),
    ("She went shopping with her girlfriends after work.", "en", "sexual_orientation"),
    # 彼女 as "her" after a relative; a relative with a partner of the other gender.
    ("娘の彼女に対する態度が気になります。", "ja", "sexual_orientation"),
    ("娘は彼女と同じ高校に通っています。", "ja", "sexual_orientation"),
    ("姉に彼氏ができました。", "ja", "sexual_orientation"),
    # A book about a term, introduced in a newsletter.
    ("会報で紹介していた部落差別の本を探しています。", "ja", "social_status"),
    ("以前読んだ在日コリアンの本の題名を教えてください。", "ja", "race_ethnicity"),
    # dev33's negatives: a union election as an event; a party's campaign as news; a
    # church-run school; a library's buraku history; Jewish by descent, not religious; a film
    # about a trans athlete; 交際相手 of the other gender.
    ("The union election results will be posted on Friday.", "en", "political"),
    ("The LDP campaign promised lower fuel taxes, the paper says.", "en", "political"),
    ("We are a church-run kindergarten; can our staff join?", "en", "religion"),
    ("図書室に部落史の本はありますか。", "ja", "social_status"),
    ("We haven't had a home game since May.", "en", "social_status"),
    ("実家から家具がなくなりました。", "ja", "social_status"),
    ("My colleague is Jewish by descent but not religious at all.", "en", "religion"),
    ("上映会の映画はゲイの高校生の話ですが、子どもも見られますか。", "ja", "sexual_orientation"),
    ("私は女で、交際相手の男性と参加します。", "ja", "sexual_orientation"),
    ("Mixed, Japanese and English menus are available.", "en", "race_ethnicity"),
    ("変圧器のトランスで電圧を下げています。", "ja", "sexual_orientation"),
    ("電源トランスで出力を調整し、性別欄は空欄です。", "ja", "sexual_orientation"),
    # "an openly gay" group, network or festival is no person.
    ("We are launching an openly gay support group at the plant.", "en", "sexual_orientation"),
    ("The plan is an openly gay film festival in May.", "en", "sexual_orientation"),
    # X as a letter or a size.
    ("Size X, gender-neutral fit, please.", "en", "sexual_orientation"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
