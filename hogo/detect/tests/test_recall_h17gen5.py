"""Issue 17, recall by class of phrasing, fifth round (branch h17gen5): classes that blind set 9
missed or flagged wrongly (secret filming said in the passive, a driver who hit someone and drove
off, an account someone else got into, an ethnic group named alone, opposing a party; who pays a
fine, a form field's label), each with hard negatives that reuse its words about nobody. None of
these texts is from a labelled set.
"""

from hogo.detect import scan
from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Secret filming said in the passive.
    ("Our intern was secretly filmed in the staff toilet by a visitor.", "en", "crime_victim"),
    ("My sister got secretly filmed on the train last month.", "en", "crime_victim"),
    ("娘がプールの更衣室で隠し撮りされました。", "ja", "crime_victim"),
    # A driver who hit someone and drove off.
    ("His wife was hit by a car that sped off near the station.", "en", "crime_victim"),
    ("My dad was hit by a driver who fled, and he is still in hospital.", "en", "crime_victim"),
    # An account someone else got into.
    ("Someone got into my email and sent invoices to my clients.", "en", "crime_victim"),
    ("There was unauthorised access to my bank account last week.", "en", "crime_victim"),
    ("先週、会員ページに勝手にログインされていました。", "ja", "crime_victim"),
    # An ethnic group named alone of a person.
    ("My neighbour is Tamil and invited us to Pongal.", "en", "race_ethnicity"),
    ("We welcomed a Tamil co-worker to the packing team.", "en", "race_ethnicity"),
    ("新しい同僚のラジャさんはタミル系です。", "ja", "race_ethnicity"),
    # Opposing a party said of oneself.
    ("Leave me out of the group photo: I'm an opponent of the ruling party.", "en", "political"),
    ("Just so you know, my uncle is a loud opponent of her party.", "en", "political"),
    # Support for a party the earlier lists lacked, said of a person.
    ("Our treasurer told me she supports the Communist Party.", "en", "political"),
    ("My brother-in-law supports Sanseito, so avoid politics at dinner.", "en", "political"),
    # Slurs or abuse shouted at someone named by their origin.
    (
        "A passenger shouted slurs at our Korean driver, Mr. Lee, at the depot.",
        "en",
        "race_ethnicity",
    ),
    ("Someone hurled insults at a Nepali cook, Ms. Rai, outside the shop.", "en", "race_ethnicity"),
    # A same-sex couple where the writer names themself with a surname ("Mark Fujimoto here").
    ("Paul Okada here - my husband Ben and I need one room.", "en", "sexual_orientation"),
    ("Hello! Laura Mills here. My wife will drive us both.", "en", "sexual_orientation"),
    # A person's orientation or record beside the words of the programme and webinar negatives.
    ("As a queer man I co-chair our LGBTQ inclusion working group.", "en", "sexual_orientation"),
    ("うちの部長は前科があるらしく、確認してよいか迷っています。", "ja", "criminal_record"),
    # A same-sex married couple said casually; outed at work.
    ("私たち男同士の夫婦ですが、ペア割は使えますか？", "ja", "sexual_orientation"),
    ("My colleague Dan was outed at work last spring and quit.", "en", "sexual_orientation"),
    # Out as gay, still found beside the verbs of the negatives below.
    ("I'm gay and only out at work since spring.", "en", "sexual_orientation"),
    ("As a bi woman I'm not out to my parents.", "en", "sexual_orientation"),
]

NEGATIVES = [
    ("The film was secretly filmed in Tehran over three years.", "en", "crime_victim"),
    ("Unauthorized access to the server room is prohibited.", "en", "crime_victim"),
    ("Someone got into my seat at the concert, so I moved.", "en", "crime_victim"),
    ("The menu is printed in Tamil and English.", "en", "race_ethnicity"),
    ("We need a Tamil translation of the consent form.", "en", "race_ethnicity"),
    ("The lecture covers an opponent of the ruling party in the 1960s.", "en", "political"),
    # Who pays a fine: a question about nobody's record.
    ("社用車の駐車違反で罰金を払うのは会社ですか、運転者ですか？", "ja", "criminal_record"),
    ("スピード違反の罰金は誰が払うべきでしょうか。", "ja", "criminal_record"),
    ("業務中の違反で罰金を負担するのは誰になりますか？", "ja", "criminal_record"),
    # A form's field label.
    ("参加申込書に「配慮が必要な事項」を書く欄を設けました。", "ja", "disability"),
    ("配慮が必要な事項の欄は空欄でも構いません。", "ja", "disability"),
    ("Webフォームの配慮が必要な事項欄を必須から任意に変えました。", "ja", "disability"),
    ("Which unions support the Communist Party?", "en", "political"),
    ("The poll asks whether voters support the Democratic Party.", "en", "political"),
    (
        "The training covers what to do if a guest shouts slurs at a Chinese visitor.",
        "en",
        "race_ethnicity",
    ),
    ("Paul Okada here - my wife Ana and I need one room.", "en", "sexual_orientation"),
    ("Hello! Laura Mills here. My husband will drive us both.", "en", "sexual_orientation"),
    # An organisation's LGBTQ+ programme; whether a record may be asked about.
    ("Our LGBT+ ally training runs twice a year for all managers.", "en", "sexual_orientation"),
    ("来月のLGBTQ研修は全管理職が対象です。", "ja", "sexual_orientation"),
    ("セミナー「面接で犯罪歴を尋ねてもよいか」の資料を共有します。", "ja", "criminal_record"),
    ("男同士の夫婦を描いた映画が話題です。", "ja", "sexual_orientation"),
    ("The informant was outed by a colleague to the newspaper.", "en", "sexual_orientation"),
    # 'out' of a verb: fainting, exhaustion, reaching out, results not published.
    ("My husband passed out at work and the scan showed a growth.", "en", "sexual_orientation"),
    ("My wife is completely burnt out at work this month.", "en", "sexual_orientation"),
    ("I reached out to my parents for a loan.", "en", "sexual_orientation"),
    ("My partner and I checked: the exam results are not out yet.", "en", "sexual_orientation"),
    ("My son blacked out at work and hit his head.", "en", "sexual_orientation"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)


def test_a_fine_paid_and_a_need_stated_are_still_found() -> None:
    assert "criminal_record" in scan("先月スピード違反で罰金を払った。", lang="ja").categories
    assert "disability" in scan("私は車椅子なので配慮が必要です。", lang="ja").categories
