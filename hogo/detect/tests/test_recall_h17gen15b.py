"""Issue 17, precision and recall by class of phrasing, fifteenth round (branch h17gen15b): a
sick-leave benefit, payment or its form named beside another fact about a person is a scheme,
not an illness; the offender named by what they did to me (the man who stole my wallet); tyres
slashed told as ongoing. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Being on sick leave still tells an illness.
    ("I'm on sick leave with pneumonia until the 20th.", "en", "health"),
    ("My husband has been on sick leave since his heart attack.", "en", "health"),
    ("うつ病で先月から病気休暇を取っています。", "ja", "health"),
    # The offender named by what they did to me or mine.
    ("The man who stole my phone on the train was caught on camera.", "en", "crime_victim"),
    ("The teenager who broke into my shed got a caution.", "en", "crime_victim"),
    ("The lad who mugged me last month has been charged.", "en", "crime_victim"),
    ("私の自転車を盗んだ犯人が捕まって、ほっとしました。", "ja", "crime_victim"),
    ("母のバッグを盗んだ犯人が見つかったと警察から連絡がありました。", "ja", "crime_victim"),
    # Groping suffered, and stalking told as one's own case, stay crimes suffered.
    ("通勤電車で痴漢にあって、駅員に相談しました。", "ja", "crime_victim"),
    ("元彼にストーカーされていて、警察に相談しています。", "ja", "crime_victim"),
    # Tyres slashed, told as ongoing.
    ("Somebody keeps slashing my car tyres at night.", "en", "crime_victim"),
]

NEGATIVES = [
    # A sick-leave benefit, payment, policy or its form named: a scheme, no illness.
    ("Where do I send the sick-leave form once it is signed?", "en", "health"),
    (
        "My daughter moved out, so please pay my sick leave payment to my own account.",
        "en",
        "health",
    ),
    ("Can my sick leave application be filed by post? I moved house last week.", "en", "health"),
    ("The union wants the sick leave policy to cover part-time staff too.", "en", "health"),
    (
        "He was held overnight by police; does that day count as sick leave? I said no.",
        "en",
        "health",
    ),
    ("病気休暇の申請書は人事課の窓口でもらえます。", "ja", "health"),
    ("引っ越したので、傷病手当金の振込先を変えたいです。", "ja", "health"),
    # The groping a person is arrested for is their record, not a crime they suffered.
    ("【連絡】田村さんが痴漢の疑いで逮捕され、今週は休むとご家族から電話。", "ja", "crime_victim"),
    # Stalking counted as statistics.
    ("市の発表で、ストーカーの相談件数が去年より増えたそうです。", "ja", "crime_victim"),
    # A theft or offender in the news, no one of mine.
    ("ニュースによると、宝石を盗んだ犯人が捕まって起訴されたそうです。", "ja", "crime_victim"),
    (
        "The film is about a detective who hunts the thief who stole the crown jewels.",
        "en",
        "crime_victim",
    ),
]

test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
