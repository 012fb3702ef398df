"""Issue 17, political and race recall and precision by class (branch h17gen17a): campaigning
told by its task, a party stood for, a camp someone belongs to, a people of the Philippines or
India, caste told by a family's bonded work, a foundling, a conversion told from the faith
left, a case note's client as the subject; a stock, a scheme, a lesson, a craft and a prayer
request named by a category word are no one's. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Campaigning told by its task, or a party stood for; the client of a case note as subject.
    ("My uncle phone-banked for the mayor's re-election every evening.", "en", "political"),
    ("Client ran for Labour in the by-election and lost narrowly.", "en", "political"),
    ("Client volunteers as a doorknocker for the Greens on Sundays.", "en", "political"),
    ("My cousin is a die-hard DDS, so we avoid politics at dinner.", "en", "political"),
    ("母は知事選で野党候補の支援に回っていました。", "ja", "political"),
    ("兄は大学で気候デモを主催していたらしい。", "ja", "political"),
    # A people of the Philippines or India named as what someone is.
    ("My lolo is Kapampangan and cooks for the whole barangay.", "en", "race_ethnicity"),
    ("Our colleague Devi comes from a Santhali family in Jharkhand.", "en", "race_ethnicity"),
    ("彼の祖母はフィリピンのイゴロットの出身です。", "ja", "race_ethnicity"),
    # Caste told by the work a family was bound to; a foundling.
    ("Her family were bonded labourers on a sugar estate for years.", "en", "social_status"),
    ("My neighbour comes from a devadasi family and is shunned for it.", "en", "social_status"),
    ("私は棄児として保護され、施設で育ちました。", "ja", "social_status"),
    # A conversion told from the faith left; a community named.
    ("My brother converted from Hinduism last spring and the family is split.", "en", "religion"),
    ("Our tenant Yusuf is Ahmadi and asked where the nearest mosque is.", "en", "religion"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # A stock or a scheme's form, with nobody's data.
    ("Pantry count: 20 kosher packs and 6 halal parcels on the top shelf.", "en", "religion"),
    ("The housing benefit form now has an online version.", "en", "social_status"),
    ("Care leavers may apply for the bursary before June.", "en", "social_status"),
    ("生活保護の申請方法を案内するチラシを作りました。", "ja", "social_status"),
    ("パートナーシップ宣誓制度の申請方法は区のサイトにあります。", "ja", "sexual_orientation"),
    # A survey or a thing named by a campaigning word.
    ("The door-knocking survey on bin collections closes on Friday.", "en", "political"),
    # A population, a craft or a lesson named by a category word.
    ("The county's Gypsy and Traveller sites are listed in the plan.", "en", "race_ethnicity"),
    ("アイヌ文様のコースター作り教室が来月あります。", "ja", "race_ethnicity"),
    ("部落の歴史について学ぶ講座が公民館で開かれます。", "ja", "social_status"),
    # A prayer asked for someone, and a given name one letter from a community.
    ("Please pray for Mina, her surgery is tomorrow morning.", "en", "religion"),
    ("Our new hire Ahmad starts on the night shift on Monday.", "en", "religion"),
    # A hate march by others, and a gift to a church in a text about faith.
    ("駅前でヘイトデモがあり、通行人が怒鳴られていました。", "ja", "political"),
    ("母は入信してから、毎年の献金を欠かしません。", "ja", "political"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
