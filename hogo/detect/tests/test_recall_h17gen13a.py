"""Issue 17, recall by class of phrasing, thirteenth round (branch h17gen13a): classes that blind
sets 15 and 16 (seen after they were scored) missed or flagged wrongly in race or ethnicity,
political opinion, sexual orientation, social status and religion, each with hard negatives
that reuse its words about nobody, a likeness, a word or a case asked about. None of these
texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A childhood in an institution told as a verb and its place; a foundling; given up.
    ("I grew up in a children's home in Bristol and left at sixteen.", "en", "social_status"),
    (
        "My uncle was raised at Barnardo's after the war and never knew his father.",
        "en",
        "social_status",
    ),
    (
        "She was born in a mother and baby home in 1962 and is now tracing her birth family.",
        "en",
        "social_status",
    ),
    (
        "Our treasurer told me he was a foundling, left at a church door in Hull.",
        "en",
        "social_status",
    ),
    (
        "My mother gave me up when I was two, and I was placed in an orphanage.",
        "en",
        "social_status",
    ),
    ("祖母は未婚のまま母を産み、母は『父なし子』と呼ばれて育ったそうです。", "ja", "social_status"),
    ("会員の村井さんは、父親に認知してもらえなかったと話していました。", "ja", "social_status"),
    # An elected seat by the body, a candidacy as an independent, a council race by its body.
    ("Our former secretary was elected to the county council in May.", "en", "political"),
    (
        "Our treasurer Priya is running for the borough council and has asked for a week off.",
        "en",
        "political",
    ),
    (
        "My neighbour on the committee is standing as an independent in the by-election.",
        "en",
        "political",
    ),
    (
        "Dr. Okafor now sits in parliament for the opposition, so she has resigned as chair.",
        "en",
        "political",
    ),
    ("父は若い頃、安保闘争に加わっていたと聞いています。", "ja", "political"),
    # Faith by office or practice: an elder of a church, a Loyal order, a fast kept.
    ("My grandfather was an elder at the kirk in Paisley for forty years.", "en", "religion"),
    ("He has marched with the Orange Order every July since he was a boy.", "en", "religion"),
    ("Mr. Haddad fasted through Ramadan while we were on the trade mission.", "en", "religion"),
    ("当社の経理の方が創価学会の信者で、日曜は会合に出られます。", "ja", "religion"),
    # A partner of the same sex by a spouse word after 同性の; a threat to out someone.
    (
        "同期の三浦さんには同性の連れ合いがいて、一緒に家を買ったそうです。",
        "ja",
        "sexual_orientation",
    ),
    (
        "会員の森さんが元恋人に『ゲイだと職場にばらす』と脅されたそうです。",
        "ja",
        "sexual_orientation",
    ),
    ("Her ex threatened to out her at work unless she paid him.", "en", "sexual_orientation"),
    ("Mr. Lindqvist brought his new husband to the gala dinner.", "en", "sexual_orientation"),
    # A parent who came from abroad; parents of two origins with their articles; a people.
    (
        "My mother came to Canada from Jamaica in 1961 and I was born in Toronto.",
        "en",
        "race_ethnicity",
    ),
    ("She was born to a Filipino father and a Japanese mother in Kobe.", "en", "race_ethnicity"),
    ("孫のお嫁さんはチェロキー族の出だそうです。", "ja", "race_ethnicity"),
    (
        "Question from a fellow Ainu member: is there a grant for craft workshops?",
        "en",
        "race_ethnicity",
    ),
    # dev37: taken into care; a faith taken refuge in; a campaign urging a government body.
    ("My younger brother was taken into care when he was five.", "en", "social_status"),
    ("母は父と結婚しないまま、私を未婚で産みました。", "ja", "social_status"),
    ("社会人になってからキリスト教に帰依し、毎週教会に通っています。", "ja", "religion"),
    ("ゼミの仲間と市への要請行動に参加し、保育所の増設を求めました。", "ja", "political"),
    ("My father is Hmong from Laos and my mother grew up in Osaka.", "en", "race_ethnicity"),
]

NEGATIVES = [
    # A fan's 信者, a likeness of a faith or a caste system.
    ("うちの部長はあのバンドの信者で、ツアーは全部行っています。", "ja", "religion"),
    ("最近は推しが宗教みたいなもので、毎月グッズにお金を使っています。", "ja", "religion"),
    ("この部署は身分制度みたいなもので、新人は意見が言えません。", "ja", "social_status"),
    (
        "Promotion in that firm works like a caste system, by school and not by merit.",
        "en",
        "social_status",
    ),
    # A word talked about; a term related to a topic.
    ("『マイノリティ』って言葉、人種と関係あるのか調べてみました。", "ja", "race_ethnicity"),
    ("研修でジェンダーの用語を一通り教わりました。", "ja", "sexual_orientation"),
    # A question of which party; a case asked about; a quoted theme.
    ("面接で『どの政党を支持するか』と聞くのは違法ですか。", "ja", "political"),
    ("従業員が宗教上の理由で飲み会を断る場合、どう対応すべきでしょうか。", "ja", "religion"),
    ("『信仰を理由に休日出勤を断る社員への対応』について講演がありました。", "ja", "religion"),
    # A rite watched on a tour.
    ("視察先の寺でミサを見学しました。", "ja", "religion"),
    # A benefit or a panel that covers a class.
    ("The new dental plan covers same-sex partners from January.", "en", "sexual_orientation"),
    # A relative's spouse is not the speaker's.
    ("鈴木さんが『息子の嫁さんが料理上手で』と話していました。", "ja", "sexual_orientation"),
    # Where a parent came to, with no origin abroad; an institution without a childhood.
    ("My father came to London from Leeds in 1970 to find work.", "en", "race_ethnicity"),
    ("My mother is in a care home now and the staff are lovely.", "en", "social_status"),
    ("We send a cheque to Barnardo's every Christmas.", "en", "social_status"),
    (
        "If someone is running for the borough council, can they keep their committee seat?",
        "en",
        "political",
    ),
    # dev37: a study's topic; a school election; a rebirth or a god as a likeness; an award's name.
    ("My dissertation examines how Buddhist temples financed rural schools.", "en", "religion"),
    ("中学では生徒会長選挙に立候補して、落選しました。", "ja", "political"),
    ("Moving to Sapporo felt like being born again.", "en", "religion"),
    ("締め切り前に助けてくれた先輩は、まさに神様みたいな人です。", "ja", "religion"),
    ("「LGBTアライ賞」の応募書類はどこで受け取れますか。", "ja", "sexual_orientation"),
    ("I spent my summer volunteering at the city welfare office.", "en", "social_status"),
]

test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
