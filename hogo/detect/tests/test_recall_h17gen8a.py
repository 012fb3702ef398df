"""Issue 17, recall by class of phrasing, eighth round (branch h17gen8a): classes that dev31
and dev32 missed or flagged wrongly in political opinion, sexual orientation, religion, social
status and race or ethnicity, each with hard negatives that reuse its words about nobody, an
organisation or a topic. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # An elected seat held or sought, said as a job.
    ("町議をしておりますので、平日の午後は出られません。", "ja", "political"),
    ("父は県議（無所属）を二期務めました。", "ja", "political"),
    ("叔母は村議も務めています。", "ja", "political"),
    ("来月の市長選への立候補を決めました。", "ja", "political"),
    ("兄は参院選への立候補を表明しました。", "ja", "political"),
    ("She announced her candidacy for the ward assembly in May.", "en", "political"),
    ("My uncle sits on the village assembly and runs a farm.", "en", "political"),
    (
        "Member note: Ishikawa is a city assembly member; please use his office address.",
        "en",
        "political",
    ),
    ("Profile: I serve as a city councillor in Toyama.", "en", "political"),
    # A strike of one's union; marching in a Pride.
    ("去年、組合のストに参加して減給されました。", "ja", "political"),
    ("We marched in Pride in Sapporo with my girlfriend.", "en", "political"),
    # The label that opens a post is no topic of it.
    ("フォーラム：先週キリスト教に改宗しました。", "ja", "religion"),
    ("フォーラム：子どもの頃、児童養護施設で育ちました。", "ja", "social_status"),
    ("forum: signed the petition against the dam and brought it to city hall", "en", "political"),
    # A cleric named by title: "Rev." ends no sentence, 牧師 after a surname is a name.
    ("Rev. Kimura, pastor at St. Luke's, asked for a quiet room.", "en", "religion"),
    ("聖ヨハネ教会の細川神父から、欠席の連絡がありました。", "ja", "religion"),
    ("Caller Fr. Okada, parish priest in Kobe, asked about parking.", "en", "religion"),
    # A choir of a church sung in, a nun or monk by the copula, a conversion to Buddhism.
    ("I sing in the choir at St. Mary's every Sunday.", "en", "religion"),
    ("母は毎週、教会で聖歌隊に入って歌っています。", "ja", "religion"),
    ("叔母は尼僧です。", "ja", "religion"),
    ("兄は仏教に改宗したそうです。", "ja", "religion"),
    # Public assistance in romaji, no fixed address, a father who did not even recognise the
    # child, an origin told to others (って), a certificate in an application.
    ("my mum has been on seikatsu hogo for years", "en", "social_status"),
    ("Desk: the member has no fixed address at the moment.", "en", "social_status"),
    ("He has been sleeping in an internet cafe since spring.", "en", "social_status"),
    ("息子は父親に認知もされていないままです。", "ja", "social_status"),
    ("部下が、同和地区の出身だって同僚の人に広められたそうです。", "ja", "social_status"),
    ("Her application includes a certificate of public assistance.", "en", "social_status"),
    # Bi said of oneself, mid-transition, living as the other sex, gender dysphoria.
    ("I'm bi and proud of it.", "en", "sexual_orientation"),
    ("Profile: bi and out to my whole team.", "en", "sexual_orientation"),
    ("My daughter is mid-transition and uses her new name.", "en", "sexual_orientation"),
    ("A colleague is legally female but lives as a man.", "en", "sexual_orientation"),
    ("私は性別移行中で、通称名を使っています。", "ja", "sexual_orientation"),
    ("She was diagnosed with gender dysphoria last year.", "en", "sexual_orientation"),
    # A partner with a bracketed gender and the writer's own; a member's bracketed sign-off.
    ("My partner (female) is coming too; I'm a woman as well.", "en", "sexual_orientation"),
    ("パートナー（女性）と参加します。私も女性です。", "ja", "sexual_orientation"),
    ("同伴者：妻の真理です。（高橋恵子、会員番号118）", "ja", "sexual_orientation"),
    # An opening "as a" after at most a header's label is the writer.
    ("Feedback: As a lesbian in logistics, this issue spoke to me.", "en", "sexual_orientation"),
    ("As a gay man in retail, thanks for the column.", "en", "sexual_orientation"),
    # A katakana role before an own-side colleague's surname.
    ("弊社エンジニアの佐藤はトランスジェンダーです。", "ja", "sexual_orientation"),
    # A parent's origin: a quarter with the relative in brackets, both parents by nationality,
    # a nationality in brackets, a family line from a country.
    ("half Korean (my mum) and proud of it", "en", "race_ethnicity"),
    ("Quick intro: Irish dad, Japanese mum, two cats.", "en", "race_ethnicity"),
    ("His father is Catholic (Filipino) and his mother is from Osaka.", "en", "race_ethnicity"),
    ("祖父は中国の商人の家系だと聞いています。", "ja", "race_ethnicity"),
]

NEGATIVES = [
    # Elected seats as a topic or as a list; a board election of an association.
    ("市議を務めた人物の伝記を読みました。", "ja", "political"),
    ("How many assembly members sit on the town assembly?", "en", "political"),
    ("理事選への立候補の締切は金曜です。", "ja", "political"),
    ("The newsletter covered how candidacy rules work for the assembly.", "en", "political"),
    ("組合のストのニュースを見て、物流が止まるか心配です。", "ja", "political"),
    # A post's label does not make a topic the writer's.
    ("フォーラム：ラマダンとシフト管理の記事、参考になりました。", "ja", "religion"),
    ("forum: any good articles about gay rights history?", "en", "sexual_orientation"),
    # A question about what a venue offers, opening hours in a season, temples as sights.
    ("Does the Osaka hall have a prayer room?", "en", "religion"),
    ("会場に祈祷室はありますか。", "ja", "religion"),
    ("ラマダンの期間も開館時間は同じですか？", "ja", "religion"),
    ("About me: I enjoy visiting temples and shrines on weekends.", "en", "religion"),
    ("趣味は寺社巡りです。", "ja", "religion"),
    ("教会の主任牧師に相談するよう案内しました。", "ja", "religion"),
    ("The vicar in the sitcom is played by a famous comedian.", "en", "religion"),
    # An organisation acting as such; a company whose name holds the term.
    ("東京レインボープライドに協賛企業として参加します。", "ja", "sexual_orientation"),
    ("協会として政治的立場は取りません。", "ja", "political"),
    ("【電話】プライド・フーズ様より納品日の確認。", "ja", "sexual_orientation"),
    ("取引先：レインボー・テック株式会社", "ja", "sexual_orientation"),
    ("彼はプライドが高いので、褒め方に気をつけています。", "ja", "sexual_orientation"),
    # What a training sets out to end; recipients as a class; a system as a topic; a form.
    ("出身地による差別をなくすための研修を企画しています。", "ja", "social_status"),
    ("生活保護受給者に会費の減免はありますか。", "ja", "social_status"),
    ("How do I get a certificate of public assistance?", "en", "social_status"),
    ("同性パートナーシップ制度について社内で勉強会をします。", "ja", "sexual_orientation"),
    ("Caller asked whether the lineage section of the form is required.", "en", "social_status"),
    # Partners with a bracketed gender that differs from the writer's; a man's sign-off.
    ("My partner (female) is coming too; I'm a man.", "en", "sexual_orientation"),
    ("同伴者：妻の真理です。（高橋健一、会員番号118）", "ja", "sexual_orientation"),
    # Parents of one nationality, a faith in brackets, a family line in Japan.
    ("Japanese mum, Japanese dad, raised in Kobe.", "en", "race_ethnicity"),
    ("My mother is Catholic (devout) and my father is not.", "en", "race_ethnicity"),
    ("祖父は京都の商家の家系だと聞いています。", "ja", "race_ethnicity"),
    ("The Korean mom blog I read has good recipes.", "en", "race_ethnicity"),
    # An organisation that exists somewhere; an "as a" that opens no sentence of the writer.
    ("隣の工場にも労組の支部があるそうです。", "ja", "political"),
    ("As an ally, the lesbian caucus in manufacturing impressed me.", "en", "sexual_orientation"),
    # "bi" and transition words about nothing personal.
    ("The bi-weekly report is attached.", "en", "sexual_orientation"),
    ("The plant is mid-transition to the new ERP.", "en", "sexual_orientation"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
