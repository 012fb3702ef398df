"""Issue 17, precision and political recall by class of phrasing (branch h17gen15a): a fan's
pilgrimage, temple cooking, "on benefits" as a notice's topic and a show's title are no
person's faith, welfare or orientation; a seat said as "on the assembly", one's own council
campaign, a gift to a party's candidate, a named sit-in or street standing, an office in a
party's branch and a rally spoken at are political. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A seat held, said as "on the assembly".
    ("My brother's on the town assembly and rarely has weekends off.", "en", "political"),
    ("Her aunt is on the prefectural assembly now.", "en", "political"),
    # One's own council or mayoral campaign.
    ("I hung banners for my council campaign outside the station.", "en", "political"),
    ("My dad is printing leaflets for his mayoral campaign.", "en", "political"),
    # A gift to a party's candidate.
    ("I donated to the candidate in our ward last spring.", "en", "political"),
    ("My husband gave money to the Conservative candidate again.", "en", "political"),
    # A sit-in or street standing named by its cause; a rally spoken at.
    ("My sister joined an anti-base protest in Okinawa.", "en", "political"),
    ("I spoke at a rally against the new dam last month.", "en", "political"),
    ("土曜は駅前で原発再稼働に反対する街頭スタンディングに立ちます。", "ja", "political"),
    ("私は毎月、市民集会で話をしています。", "ja", "political"),
    ("父は集会で登壇して、増税反対を訴えました。", "ja", "political"),
    # An office in a party's district branch, said without a pronoun.
    ("実は共産党の地区役員をしていて、夜は会議が多いです。", "ja", "political"),
    ("夫は自民党の支部役員なので、週末は不在です。", "ja", "political"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # A fan's trip to a film or anime location.
    ("アニメの聖地巡礼で来た人向けの地図はありますか？", "ja", "religion"),
    ("Is there a map for the anime pilgrimage spots in the arcade?", "en", "religion"),
    # Temple cooking as a cuisine on a menu.
    ("Does the new cafe serve Buddhist temple cuisine for lunch?", "en", "religion"),
    ("商店街のお店で、お寺の精進料理を出しているところはありますか。", "ja", "religion"),
    # "On benefits" as the topic of a notice.
    ("The newsletter has a short section on benefits for new members.", "en", "social_status"),
    ("The roster change has no impact on benefits for part-timers.", "en", "social_status"),
    # A show's title.
    ("Are you showing Queer Eye at the summer screening night?", "en", "sexual_orientation"),
    ("クィア・アイの上映会は予約が必要ですか。", "ja", "sexual_orientation"),
    # A campaign or assembly as an organisation's matter, no person's stance.
    ("The flower shop's spring campaign starts on Monday.", "en", "political"),
    ("組合の集会室を予約したいです。", "ja", "political"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
