"""Issue 17, recall by class of phrasing, tenth round (branch h17gen10a): classes that blind set
12 (now open) missed or flagged wrongly in political opinion, sexual orientation, social status
and race or ethnicity, each with hard negatives that reuse its words about nobody, an
organisation or a topic. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A Japanese party named in English as one's membership, branch or support group.
    ("My uncle has been an Ishin member for ten years.", "en", "political"),
    ("Note: she is a member of Ishin and helps at their office.", "en", "political"),
    ("I chair the SDP branch in our ward.", "en", "political"),
    ("My father is a JCP member and sells the party paper.", "en", "political"),
    ("My wife joined the LDP party support group last year.", "en", "political"),
    # A speech given, or volunteering, for a candidate.
    ("I gave a speech for the candidate in the mayoral election.", "en", "political"),
    ("妹は市長選で候補者のボランティアをしています。", "ja", "political"),
    ("週末は公明の候補のボランティアに行っています。", "ja", "political"),
    # A seat held, said in short.
    ("父は県議で、週末は地元にいます。", "ja", "political"),
    ("叔母は区議なので、選挙の年は忙しいです。", "ja", "political"),
    # Descent from an overseas Chinese family; foreign roots; asked where one is really from.
    ("My mother is overseas Chinese, from Penang.", "en", "race_ethnicity"),
    ("Our new hire says his grandparents were overseas Chinese.", "en", "race_ethnicity"),
    ("I have foreign roots and get stopped by police for ID checks.", "en", "race_ethnicity"),
    ("He keeps asking me where I'm really from, every week.", "en", "race_ethnicity"),
    ("同僚に本当はどこの国の人かと何度も聞かれます。", "ja", "race_ethnicity"),
    # The same question in quotes, asked of someone; a note's relative named by role.
    ('My coworkers always ask me "where are you really from".', "en", "race_ethnicity"),
    ("She is asked 'where are you really from' at every client visit.", "en", "race_ethnicity"),
    ("同僚に「本当はどこの国の人？」と何度も聞かれます。", "ja", "race_ethnicity"),
    ("Colleagues keep asking me where I'm 'really' from.", "en", "race_ethnicity"),
    (
        "notes: client's grandmother was Korean; asks about leave for the funeral.",
        "en",
        "race_ethnicity",
    ),
    ("Intake: applicant's father is Brazilian.", "en", "race_ethnicity"),
    # Jokes and remarks about someone's race.
    ("My manager makes remarks about my race in meetings.", "en", "race_ethnicity"),
    ("Customers make comments about my race at the counter.", "en", "race_ethnicity"),
    ("研修生の彼が人種のことでからかわれています。", "ja", "race_ethnicity"),
    # Nights on the street or in internet cafes told as one's past; an infant home.
    ("My brother slept rough for a year before he found work.", "en", "social_status"),
    ("I lived on the streets after I lost my job.", "en", "social_status"),
    ("She lived in net cafes for two years in her twenties.", "en", "social_status"),
    ("I was placed in an infant home as a baby.", "en", "social_status"),
    ("失業してから、父は一年ほど路上で暮らしていました。", "ja", "social_status"),
    ("私は去年まで路上で寝ていました。", "ja", "social_status"),
]

NEGATIVES = [
    # Parties and candidates as news or a topic; a council as the body.
    (
        "The Ishin member count in the Diet rose after the election, the paper says.",
        "en",
        "political",
    ),
    ("An SDP branch office opened near the station.", "en", "political"),
    ("The candidate gave a speech for the press on Friday.", "en", "political"),
    ("Volunteers for the candidate debate are asked to come at six.", "en", "political"),
    ("I gave a speech for the candidate orientation day at our plant.", "en", "political"),
    ("候補者のボランティア募集の記事を読みました。", "ja", "political"),
    ("私は採用候補者のボランティア経験を確認しています。", "ja", "political"),
    ("この条例は市議会で可決されました。", "ja", "political"),
    ("予算案は県議会で審議中です。", "ja", "political"),
    ("来賓は市議です。", "ja", "political"),
    ("委員の半数は区議で、残りは公募の市民です。", "ja", "political"),
    # Overseas Chinese and foreign roots as a topic; "really from" about a parcel.
    ("The museum has an exhibit on overseas Chinese history.", "en", "race_ethnicity"),
    ("The seminar covers workers with foreign roots in general.", "en", "race_ethnicity"),
    ('The training video explains why "where are you really from" hurts.', "en", "race_ethnicity"),
    ('The survey asked "where are you really from" in question 3.', "en", "race_ethnicity"),
    ("The member's mother tongue is Thai.", "en", "race_ethnicity"),
    ("The essay asks 'where are you really from' of every reader.", "en", "race_ethnicity"),
    ("notes: caller's father was Japanese, retired from the city office.", "en", "race_ethnicity"),
    ("Jokes about race are banned by the new code, the handbook says.", "en", "race_ethnicity"),
    ("He told me about his race in the Osaka marathon.", "en", "race_ethnicity"),
    # Streets and internet cafes as places; an infant home as an institution.
    ("The report counts people sleeping on the streets in winter.", "en", "social_status"),
    ("Our team slept at the internet cafe near the venue once, for fun.", "en", "social_status"),
    ("The infant home in our ward needs volunteers.", "en", "social_status"),
    ("路上で寝ている人を見かけたら連絡してください。", "ja", "social_status"),
    # Companies introducing a same-sex partner system.
    ("同性パートナー制度を導入した企業の事例を知りたいです。", "ja", "sexual_orientation"),
    ("同性パートナーシップ制度を導入する自治体が増えています。", "ja", "sexual_orientation"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
