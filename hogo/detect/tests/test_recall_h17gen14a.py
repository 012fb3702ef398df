"""Issue 17, precision by class, fourteenth round (branch h17gen14a): classes that blind sets 17
and 18 and dev37 (seen) flagged wrongly or missed in race or ethnicity, political opinion,
sexual orientation, social status and religion: events, objects and styles named by a category
word, an organisation's neutrality or faith, a likeness to a politician, a worker at a
children's home, a name field's verbal noun; and the misses (posting for a party, standing as a
candidate, a political identity, street petitions, a faith worn by the one named). None of
these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    (
        "Mia has been posting in support of a political party from her work phone.",
        "en",
        "political",
    ),
    (
        "Daisuke is standing as a candidate in the city council election next spring.",
        "en",
        "political",
    ),
    ("Honestly, I'm a socialist and the new pay policy bothers me.", "en", "political"),
    ("駅前で原発ゼロを求める街頭署名を毎週やっています。", "ja", "political"),
    ("同性婚の法制化を求める運動を友人たちとしています。", "ja", "political"),
    ("県議の後援会事務所を手伝っているので、週末は出られません。", "ja", "political"),
    ("共産党のボランティアでビラ配りをしています。", "ja", "political"),
    ("I wear a 'Free Tibet' badge on my bag every day.", "en", "political"),
    ("Noor in accounts wears a headscarf, so the new helmets do not fit her.", "en", "religion"),
    ("My colleague converted to Hinduism after her marriage.", "en", "religion"),
    ("土曜はお寺の仲間と一緒に清掃奉仕をしています。", "ja", "religion"),
    ("Our new intern is Sami and grew up near Kautokeino.", "en", "race_ethnicity"),
    ("I was raised in care homes from the age of six.", "en", "social_status"),
    ("同僚が4月から男性として働くことになりました。", "ja", "sexual_orientation"),
]

NEGATIVES = [
    # An event, a cuisine, a dance, an object named by a category word.
    ("Will the Pride parade on Sunday block the car park entrance?", "en", "sexual_orientation"),
    ("Is the ethnic food stall at the fair cash only?", "en", "race_ethnicity"),
    ("エスニック料理の屋台は何時まで出ていますか。", "ja", "race_ethnicity"),
    ("The Sami culture exhibition moves to the city hall next week.", "en", "race_ethnicity"),
    ("アイヌ文化の展示は3階でやっています。", "ja", "race_ethnicity"),
    ("We danced the Gay Gordons at my cousin's wedding.", "en", "sexual_orientation"),
    ("Could we hand out rainbow lanyards at the welcome desk?", "en", "sexual_orientation"),
    ("体育館の前に選挙ポスターの掲示板が立っています。", "ja", "political"),
    # An organisation's neutrality or faith; an individual's faith as a general.
    ("Our club keeps political neutrality, so no party leaflets please.", "en", "political"),
    ("当会は政治的中立を守っています。", "ja", "political"),
    ("Someone told me you were a Christian organisation, is that right?", "en", "religion"),
    ("会社が個人の信仰を聞く必要はないと思います。", "ja", "religion"),
    # A likeness to a politician; a kind of member asked about.
    ("部長は政治家みたいにはぐらかすのが上手い。", "ja", "political"),
    ("My manager talks like a politician in every meeting.", "en", "political"),
    ("政党に所属している会員も講座に参加できますか。", "ja", "political"),
    # A worker at a children's home; a name field's verbal noun.
    ("My sister works at a children's home in Leeds as a cook.", "en", "social_status"),
    ("児童養護施設で働いているので、夜勤がある週は参加できません。", "ja", "social_status"),
    ("性別を変更した場合、名前は変更してもらえますか。", "ja", "sexual_orientation"),
]

test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
