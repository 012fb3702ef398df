"""Issue 17, political, race and orientation recall and precision by class (branch h17gen18a):
a customer desk's record names its customer as the subject; money given to a campaign or a
candidate with words between; an office or a party role held; a march or protest joined or
organised; peoples named as what someone is; a same-sex partner by the word for a date. A
calendar, a scheme, a glossary, an FAQ under a named heading, devotion to a thing and a rule's
topic are no one's. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A desk's customer as the subject.
    ("Customer said he is a Jehovah's Witness and declined the blood test.", "en", "religion"),
    ("窓口メモ：お客様はイスラム教に改宗したばかりで、利息のない口座を希望。", "ja", "religion"),
    ("ご契約者は市議会議員で、後援会の口座を別に作りたいとのこと。", "ja", "political"),
    ("窓口メモ：ネパール出身のシェルパ族のお客様、送金について相談。", "ja", "race_ethnicity"),
    ("お客様からの電話：原発再稼働に反対する座り込みに参加していたとのこと。", "ja", "political"),
    # Money given to a campaign, a party or a candidate, with words between.
    ("My aunt donated to the Remain campaign twice.", "en", "political"),
    ("Customer gave money to the Green Party before the by-election.", "en", "political"),
    ("Our foreman chipped in to a candidate's crowdfunder last spring.", "en", "political"),
    # An office or a party role held; a march or protest joined or organised.
    ("Her father sits on the county Republican committee.", "en", "political"),
    ("Tom will be a polling agent for the Conservatives on Thursday.", "en", "political"),
    ("My sister was arrested at the march outside parliament.", "en", "political"),
    ("Mr Obi is organising a protest outside the embassy next week.", "en", "political"),
    ("Customer is off to the independence march on Saturday.", "en", "political"),
    ("同僚の森さんは区長選で選対ボランティアをしています。", "ja", "political"),
    ("叔父は同性婚の違憲訴訟の原告として活動しています。", "ja", "political"),
    ("父は学生時代、過激派セクトに入っていたそうです。", "ja", "political"),
    # Peoples named as what someone is.
    ("My grandmother is from a Lahu hill tribe village near Chiang Rai.", "en", "race_ethnicity"),
    ("Her family are Hawiye and left Somalia in the nineties.", "en", "race_ethnicity"),
    ("My neighbour is Bosniak and fasts during Ramadan.", "en", "race_ethnicity"),
    ("うちの祖母はタタール人で、カザンの出身です。", "ja", "race_ethnicity"),
    # A same-sex partner by the word for a date; a gender felt, told of oneself.
    ("Aさん（高2）、同性の交際相手とのことで悩んでいると話す。", "ja", "sexual_orientation"),
    ("うちら婦婦（ふうふ）なんで、家族割いけます？", "ja", "sexual_orientation"),
    ("Bさん、自分は女子だと感じていると担任に相談。", "ja", "sexual_orientation"),
    # A couple whose genders follow from a pronoun, a title or a kin word.
    ("Note: she has been seeing a woman from her choir since spring.", "en", "sexual_orientation"),
    ("Turns out Mr Hale has a boyfriend who teaches art.", "en", "sexual_orientation"),
    ("Claire added her ex-girlfriend as a contact by mistake.", "en", "sexual_orientation"),
    (
        "Enrolment: Paula is adding her domestic partner, Diane, to the plan.",
        "en",
        "sexual_orientation",
    ),
    ("弟が彼氏を実家に連れてきた。", "ja", "sexual_orientation"),
    ("姉の奥さんが料理上手なんです。", "ja", "sexual_orientation"),
    # A movement's body worked for; caste by a community's name or a quoted class.
    ("Customer is treasurer of a Tamil rights association in Croydon.", "en", "political"),
    ("私の叔母は人権運動の団体で長く活動しています。", "ja", "political"),
    ("Her family are from a Valmiki background.", "en", "social_status"),
    (
        "He told me he's from a 'lower caste' and was kept out of the canteen.",
        "en",
        "social_status",
    ),
    ("My colleague is Yazidi and keeps the Yazidi New Year.", "en", "religion"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # A calendar, a scheme, a coverage rule or a glossary names no one.
    ("Holiday calendar: Vesak and Hanukkah added as floating holiday options.", "en", "religion"),
    ("Sports day will be avoided during Passover where we can.", "en", "religion"),
    (
        "Gender-affirming surgery is covered under the new dental and medical plan.",
        "en",
        "sexual_orientation",
    ),
    (
        "Glossary: 'BAME' refers to people of Black, Asian and minority ethnic backgrounds.",
        "en",
        "race_ethnicity",
    ),
    (
        "当行は同性パートナーを住宅ローンの対象とする制度を導入しました。",
        "ja",
        "sexual_orientation",
    ),
    ("同性パートナー登録件数は昨年の2倍です。", "ja", "sexual_orientation"),
    ("本社ビルに礼拝室を設置しました。", "ja", "religion"),
    # An FAQ under a named heading asks for anyone.
    (
        "Benefits FAQ: can I add my same-sex spouse? Yes, any spouse qualifies.",
        "en",
        "sexual_orientation",
    ),
    ("新入社員向けQ&A：選挙ボランティアの経験は書いてよいですか？→構いません。", "ja", "political"),
    # Devotion to a thing told as a faith; a rule's topic; a remark protested.
    ("For my brother, fantasy football is basically a religion.", "en", "religion"),
    ("部長のコーヒーへの信仰がすごい。もはや宗教。", "ja", "religion"),
    ("私はこのブランドの信者なだけです笑", "ja", "religion"),
    ("社員は、性的指向・性自認に関する差別的な発言をしてはならない。", "ja", "sexual_orientation"),
    ("彼は上司の発言に強く抗議した。", "ja", "political"),
    ("弊社は政治献金も行っておりません。", "ja", "political"),
    # A temple a family was barred from is caste, not faith; a book's author; an arts council.
    ("My grandfather was not allowed into the temple because of his caste.", "en", "religion"),
    ("住職が書いた本を図書館で借りました。", "ja", "religion"),
    (
        "Mugs designed with a First Nations arts council are now in the shop.",
        "en",
        "race_ethnicity",
    ),
    # Money or a march that is no campaign's.
    ("My aunt donated to the hospital appeal twice.", "en", "political"),
    ("We are marching with the school band in the parade.", "en", "political"),
    ("Volunteers for the Labour hustings hall setup meet at six.", "en", "political"),
    # Notices that address every customer; a couple of the opposite sex; an idiom.
    ("お客様は宗教や国籍を問わずご利用いただけます。", "ja", "religion"),
    ("He asked if she has a boyfriend yet.", "en", "sexual_orientation"),
    ("He's seeing a man about the van tomorrow.", "en", "sexual_orientation"),
    ("姉の嫁ぎ先は京都です。", "ja", "sexual_orientation"),
    ("兄の嫁が来ました。", "ja", "sexual_orientation"),
]

test_it_finds_each_class, test_it_leaves_each_hard_negative = table_tests(POSITIVES, NEGATIVES)
