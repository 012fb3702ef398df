"""The context rules added for texts the detector had not seen: each class of phrasing has
rows that must be found and rows, using the same words, that must not."""

import pytest

from hogo.detect import scan
from hogo.detect.normalize import fold
from hogo.detect.phrasing import _IF_OPENERS, _IF_SOMEONE_RE, _JA_STEM_IF_RE


def _check(text: str, expected: tuple[str, ...]) -> None:
    assert scan(text).categories == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Fiction: characters in a novel, a screenplay or a film scene are not real people.
        ("I'm writing a screenplay about an ex-con who rebuilds his life.", ()),
        ("In my novel the detective is a recovering alcoholic.", ()),
        ("小説の主人公は前科のある元エンジニアで、出所後に再起する話です。", ()),
        ("映画の撮影で、主人公が車椅子で移動するシーンを撮りたいです。", ()),
        ("I'm an ex-con and rebuilt my life as a machinist.", ("criminal_record",)),
        ("主人が前科のことで悩んでいます。", ("criminal_record",)),
    ],
)
def test_it_ignores_characters_in_fiction(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # News: something that happened to people the writer does not name.
        ("ニュースで、ある市の職員が横領で逮捕されたと知りました。", ()),
        ("ある会社の役員が脱税で逮捕されたと報道されていました。", ()),
        ("Saw in the news that a plant manager was arrested for fraud.", ()),
        ("My brother was arrested last week, so I can't attend.", ("criminal_record",)),
        ("弟が先週逮捕されたため、欠席します。", ("criminal_record",)),
    ],
)
def test_it_ignores_unnamed_people_in_the_news(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Profile headings and notes that leave out "I".
        ("About me: took most of last year off for depression and burnout.", ("health",)),
        ("Grew up in foster care, so there is no family contact to list.", ("social_status",)),
        ("自己紹介：発達障害の診断を受けています。", ("disability",)),
        ("About me: I studied political science, now in logistics.", ()),
        ("プロフィール：趣味は教会音楽の鑑賞です。", ()),
        ("Was the keynote about cancer research?", ()),
    ],
)
def test_it_reads_profiles_and_subjectless_notes_as_the_writer(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hypothetical opener or a question about a form, in the term's own clause.
        ("もし障害者手帳を持っている場合、受験料の減免はありますか。", ()),
        ("申込書に本籍地の記入欄がありますが、法的に必要なのでしょうか。", ()),
        ("If someone on our team needed a wheelchair-accessible room, whom do we ask?", ()),
        ("Is it legal to ask about criminal convictions on the application form?", ()),
        ("障害者手帳を持っているので、減免を申請します。", ("disability",)),
        ("持病の有無：糖尿病", ("health",)),
        ("通院のため、もし可能であれば午後の回にしてください。", ("health",)),
    ],
)
def test_it_lets_hypotheticals_and_form_questions_outweigh_a_glued_predicate(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A term naming a trade or a product, not a condition of a person.
        ("I worked as a parole officer for eight years.", ()),
        ("Background: former ICU nurse, now a product manager.", ()),
        ("Our customer wants CC-Link on their new dialysis water system.", ()),
        ("We make rehabilitation robots and would like to join.", ()),
        ("学生時代は障害者スポーツ大会の運営ボランティアをしていました。", ()),
        ("外科手術用ロボットの制御について相談です。", ()),
        ("I need my parole officer's permission to travel.", ("criminal_record",)),
    ],
)
def test_it_tells_jobs_and_products_from_a_persons_condition(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Same-sex couples: the partner's gender and the writer's, wherever each is said.
        ("me and my boyfriend (im a guy btw) both passed the cert", ("sexual_orientation",)),
        ("Plus-one: my wife, Dana. (I'm Ellen, the registrant.)", ("sexual_orientation",)),
        ("Tom here (he/him). My partner (he) and I would like to join.", ("sexual_orientation",)),
        ("Booking for two: myself (Mark) and my husband David.", ("sexual_orientation",)),
        ("（男性・42歳）彼氏を連れて行っても大丈夫でしょうか。", ("sexual_orientation",)),
        ("妻（私も女性です）と一緒に参加する予定です。", ("sexual_orientation",)),
        ("My husband and I are both engineers at the same firm. - Linda Park", ()),
        ("My wife and I will both attend. (Registrant: Michael Brown.)", ()),
        ("夫と二人で参加します。（申込者：鈴木花子）", ()),
        ("妻と二人で見学会に参加します。", ()),
        ("My partner (he/him) and I will attend the dinner.", ()),
        ("僕たち夫婦で参加します。", ()),
    ],
)
def test_it_finds_same_sex_couples_from_both_genders(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # People described by a role or named in katakana are people.
        (
            "弊社から参加するラビンドラ・シャルマはヒンドゥー教徒なので、牛肉抜きでお願いします。",
            ("religion",),
        ),
        ("弊社技術者の高橋マリアは日系ブラジル人三世です。", ("race_ethnicity",)),
        ("弊社研修生のアフマドさんはマレー系のムスリムです。", ("race_ethnicity", "religion")),
        ("弊社は補聴器を製造しています。", ()),
        ("クリーン・ルームは宗教施設の隣です。", ()),
    ],
)
def test_it_sees_colleagues_named_by_role_or_in_katakana(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pet stays the subject until a person is named after it.
        ("うちの猫が糖尿病で、毎日インスリン注射をしています。", ()),
        ("My dog has cancer and needs surgery next week.", ()),
        ("飼い猫が病気で、私も喘息の発作が出ています。", ("health",)),
        ("I'm allergic to cats, so please no venue with pets.", ("health",)),
    ],
)
def test_it_keeps_pets_apart_from_people(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # Idioms and homographs that reuse the vocabulary.
        "Is that kosher? I mean, can we use the logo on our booth banner?",
        "The firmware update left our PLC deaf to commands from the master station.",
        "Could I sit in on a training day for research?",
        "I'm allergic to long meetings, so a short agenda would be appreciated.",
        "Our party of four will arrive around 10.",
        "Payment is due in 30 days from the invoice date.",
        "I'm expecting your reply by Friday.",
        "I was charged twice for the registration, please refund one.",
        "I'm the candidate for the open controls engineer position.",
        "We integrate Cree LEDs into our machine vision lighting.",
        "The case study on the plant that was a victim of ransomware was great.",
        "この検査工程が品質改善のガンになっていて困っています。",
        "技能検定1級を取得しています。",
        "作業中の怪我を防ぐため、安全柵の基準を教えてください。",
        "会場のWi-Fiに障害があるようです。途中で切断されました。",
        "バイセクシュアルの方向けの交流会はありますか。",
        "I was inside the building when the alarm went off.",
        "My account was disabled after three wrong passwords.",
        "Our DV camera records the line; the ALS module logs the sensor values.",
        "Our ACL rules block the CC-Link port for me.",
        "The union between the two data tables is failing (SQL UNION error).",
        "当社は鉄工協同組合の組合員です。",
        "会員企業の労働組合の委員長あてに案内を送りたいのですが。",
    ],
)
def test_it_ignores_idioms_and_homographs(text: str) -> None:
    _check(text, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Euphemisms and indirect phrasings.
        ("２年ほど「お勤め」をしておりました。", ("criminal_record",)),
        ("Did a PLC course while I was inside and want the certificate.", ("criminal_record",)),
        ("My son was sent to a juvenile training school last year.", ("criminal_record",)),
        ("Our apprentice served 18 months for burglary; he's doing well.", ("criminal_record",)),
        ("自宅に空き巣に入られて、ノートPCを盗まれました。", ("crime_victim",)),
        ("Since my stroke I've had weakness in my right hand.", ("disability", "health")),
        ("右耳が聞こえないので、右側の席を希望します。", ("disability",)),
        ("I'm in recovery and have been sober for 3 years.", ("health",)),
        ("I'm expecting in August, so I'd like the online cohort.", ("health",)),
    ],
)
def test_it_finds_euphemisms_and_indirect_phrasings(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Labour-union office and activity count as political (group manifestation).
        ("As chair of our local union, I'd like to attend the session.", ("political",)),
        ("労働組合の委員長として、本セミナーへの参加を希望します。", ("political",)),
        ("I'm the shop steward for our plant's union.", ("political",)),
        ("About me: ran for state assembly in 2022 (lost narrowly!).", ("political",)),
        ("I helped collect signatures for a referendum on the incinerator.", ("political",)),
        ("Saw in the news that workers at a big plant went on strike.", ()),
        ("I'm volunteering for the robotics day.", ()),
    ],
)
def test_it_counts_union_office_candidacy_and_signatures_as_political(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Broader vocabulary families.
        ("About me: I'm Māori, from Rotorua.", ("race_ethnicity",)),
        ("I'm Cree (Treaty 6 territory) and learning PLCs.", ("race_ethnicity",)),
        ("As a second-generation Vietnamese-American I can translate.", ("race_ethnicity",)),
        ("中国の朝鮮族出身で、三か国語が話せます。", ("race_ethnicity",)),
        ("部下の林は台湾原住民（アミ族）の出身です。", ("race_ethnicity",)),
        ("My father's family were shizoku, descendants of a samurai house.", ("social_status",)),
        ("所属教会の仲間と一緒に活動しています。", ("religion",)),
        ("Our parish group meets on Saturdays, so I'm busy then.", ("religion",)),
        ("I'm Brazilian and live in Hamamatsu.", ()),
        ("私は韓国籍ですが、日本語版の試験を受けられますか。", ()),
    ],
)
def test_it_knows_more_vocabulary_families(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


def test_it_folds_latin_diacritics_one_for_one() -> None:
    """Māori and Maori match the same terms, and offsets stay put (one character for one)."""
    assert fold("Māori Horváth") == "maori horvath"
    text = "I'm Māori."
    [finding] = [f for f in scan(text).findings if f.kind == "category"]
    assert text[finding.start : finding.end] == "Māori"


def test_it_explains_a_couple_finding() -> None:
    text = "I'm a man, and my husband and I would both like to attend."
    [finding] = [f for f in scan(text).findings if f.kind == "category"]
    assert text[finding.start : finding.end] == "my husband"
    assert finding.rule == "sexual_orientation.couple:partner_m+writer_m"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A parent or grandparent from abroad is heritage; from a place in Japan it is not.
        ("父がガーナ出身、母が日本人です。", ("race_ethnicity",)),
        ("祖母が韓国人で、韓国語が少し話せます。", ("race_ethnicity",)),
        ("My mother is Ghanaian and my father is Japanese.", ("race_ethnicity",)),
        ("My parents are from Sri Lanka.", ("race_ethnicity",)),
        ("母は大阪出身です。", ()),
        ("父がカナダに出張中です。", ()),
        ("My mother is from Osaka.", ()),
        ("My dad is in sales.", ()),
    ],
)
def test_it_reads_a_parent_from_abroad_as_heritage(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words around the term that change what it is about.
        ("I'm active in our union's safety committee.", ("political",)),
        ("Gay Street in our city is where the new office is.", ()),
        ("Our booth neighbour was from the Catholic University of Leuven.", ()),
        ("Are same-sex partners eligible for the family membership?", ()),
        ("同性パートナーは家族会員の対象になりますか。", ()),
        ("My honseki is in Kagoshima; which one goes on the form?", ("social_status",)),
        ("前科者の雇用に関する助成金について教えてください。", ()),
        ("盲導犬の育成団体に寄付をしました。", ()),
    ],
)
def test_it_weighs_possessives_streets_institutions_and_eligibility(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hypothetical about "a member" stays hypothetical even when a colleague is named.
        ("If a member is stalked by a former colleague, can you hide their details?", ()),
        ("もし会員が元同僚からストーカー被害を受けた場合、情報を削除できますか。", ()),
        ("I was stalked by a former colleague, so please hide my details.", ("crime_victim",)),
        # Roles in a play; "sit in" a room.
        ("I played the villain, a corrupt cop who goes to prison, in our charity play.", ()),
        ("Could he sit in a separate room during the exam?", ()),
        # Own-side colleagues by katakana given name; classes of people in the plural.
        ("弊社のマリアは日系ブラジル人で、通訳も担当しています。", ("race_ethnicity",)),
        ("What are the evacuation procedures for wheelchair users in the hall?", ()),
        ("I'm a wheelchair user; is the hall step-free?", ("disability",)),
        # Sentences, vandalism, candidacy.
        ("I've just been released after serving a two-year sentence.", ("criminal_record",)),
        ("Someone keyed my car and slashed the tires in the car park.", ("crime_victim",)),
        ("I'm a candidate in next month's municipal election.", ("political",)),
        ("He's running for class president in a mock election.", ()),
    ],
)
def test_it_handles_hypothetical_subjects_plays_and_plural_classes(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "allergic to" needs an allergen after it.
        ("I'm allergic to peanuts and shellfish.", ("health",)),
        ("I'm severely allergic to penicillin.", ("health",)),
        ("Our quality team is allergic to shortcuts.", ()),
        ("I'm allergic to spam email, please stop the promotions.", ()),
        # A machine, a system or a budget as the subject makes the term a figure of speech.
        ("Our PLCs are deaf and dumb after the update.", ()),
        ("The inspection camera is color blind, so we switched models.", ()),
        ("Our budget is anemic this year.", ()),
        ("この工程は癌です。", ()),
        ("このPLCには前科があります。以前も同じ故障を起こしました。", ()),
        ("売上が貧血気味です。", ()),
        ("Did a PLC course while I was inside and want the certificate.", ("criminal_record",)),
        ("My laptop was stolen at the station.", ("crime_victim",)),
        # Other figures of speech.
        ("That bug gave me a heart attack!", ()),
        ("I'll lobby my manager for the training budget.", ()),
        ("I protested when they moved the exam date.", ()),
        ("新人研修で厳しい洗礼を浴びました。", ()),
    ],
)
def test_it_reads_figures_of_speech_as_such(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A share of a group is a statistic, not someone.
        ("In our plant, 3 out of 10 operators are hard of hearing due to noise.", ()),
        ("Our survey found that 8% of members identify as LGBTQ.", ()),
        ("会員の3%が障害者手帳を持っているそうです。", ()),
        ("当社の外国籍社員の半数はムスリムです。", ()),
        ("I have had diabetes for 20 years.", ("health",)),
        ("My son, 8, has autism.", ("disability",)),
    ],
)
def test_it_reads_shares_of_a_group_as_statistics(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Self-descriptions with "as someone with"; losses of a sense; people by role.
        ("As someone with a stutter, I'd appreciate a written Q&A.", ("disability",)),
        ("Our technician lost most of his hearing in an explosion.", ("disability",)),
        ("生まれつき片腕がないため、両手作業は相談させてください。", ("disability",)),
        ("Our apprentice is Romani and sometimes gets stopped at the gate.", ("race_ethnicity",)),
        ("弊社の社長はヒンドゥー教徒なので、牛肉を外してください。", ("religion",)),
        ("My hearing is fine, thanks.", ()),
        ("The plant's blind corners need mirrors.", ()),
        ("Thanks for the halal options at the last dinner.", ()),
        ("Is there support for people with dyslexia?", ()),
    ],
)
def test_it_reads_self_descriptions_roles_and_industrial_homographs(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our team leader is off with stress and won't attend.", ("health",)),
        ("母が緩和ケア病棟に入っているため、出席が不規則になります。", ("health",)),
        ("黒人と白人のミックスで、出身をよく聞かれます。", ("race_ethnicity",)),
        ("I was punched by a stranger on the train last month.", ("crime_victim",)),
        ("労働組合の地域オルグを担当しています。", ("political",)),
        ("I have a hearing loop receiver; does the venue have a loop?", ("disability",)),
    ],
)
def test_it_knows_phrasings_found_in_recall_drills(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # Precision drills: negations across a list, places that exist, signatures on forms.
        "I don't have any disabilities or medical conditions to report.",
        "Our client runs a rehab clinic and needs an automated pharmacy.",
        "工場の近くにお寺があるため、静かな時間帯を設けています。",
        "出席表に間違えて二回署名しました。",
        "妊娠検査薬のパッケージの刷新を検討しています。",
    ],
)
def test_it_stays_quiet_on_precision_drills(text: str) -> None:
    _check(text, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Indirect phrasings from the second recall drill.
        ("I'll be out for a few weeks after my op.", ("health",)),
        ("Doctors found a lump and I'm waiting for the results.", ("health",)),
        ("I've done time and I'm honest about it.", ("criminal_record",)),
        ("I was held up at gunpoint last year.", ("crime_victim",)),
        ("My father was never on my birth certificate.", ("social_status",)),
        ("I have no sight in my left eye.", ("disability",)),
        ("基調講演に手話通訳をお願いしたいです。", ("disability",)),
        ("飲酒運転で免許が取り消されました。", ("criminal_record",)),
        ("地元議員の再選キャンペーンでボランティアをしています。", ("political",)),
        ("出生届に父親の名前がありません。", ("social_status",)),
        ("車椅子利用者の避難経路について教えてください。", ()),
    ],
)
def test_it_knows_indirect_phrasings(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # The second precision drill: the new phrasings in other senses.
        "The bad back-end code slowed our portal; I fixed it last night.",
        "I replaced my op amp with a lower-noise one.",
        "I've done time management training twice already.",
        "I see a weakness in my argument about fieldbus costs.",
        "I was in the hospital to deliver a robot for their pharmacy.",
        "Our quality audit found a lump of solder on the board.",
        "I'm expecting a delivery from you this week.",
    ],
)
def test_it_keeps_new_phrasings_to_their_sense(text: str) -> None:
    _check(text, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The writer counting themselves in the class.
        ("Is extended time available for people with dyslexia like me?", ("disability",)),
        ("Will the venue be OK for someone who uses a wheelchair, like me?", ("disability",)),
        ("私のような発達障害のある方でも受験できますか。", ("disability",)),
        ("Is there support for people with dyslexia?", ()),
        ("発達障害のある方でも受験できますか。", ()),
    ],
)
def test_it_counts_the_writer_in_a_class_like_me(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The writer claims, in the next breath, what was asked about in general.
        ("Is the hall wheelchair accessible? I use one.", ("disability",)),
        ("Any support for candidates with ADHD? I was diagnosed last year.", ("disability",)),
        ("発達障害のある方でも受験できますか。実は私もそうです。", ("disability",)),
        ("Is the hall wheelchair accessible? I need to know for our visitors.", ()),
        ("Do you offer halal meals? Many visitors ask.", ()),
    ],
)
def test_it_follows_the_writer_claiming_a_general_term(
    text: str, expected: tuple[str, ...]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The third recall drill.
        ("Someone cloned my card and spent £2,000.", ("crime_victim",)),
        ("My daughter was abducted briefly last year; she's safe now.", ("crime_victim",)),
        ("I spent 18 months in a young offenders' institution.", ("criminal_record",)),
        ("My boyfriend and I (both guys) would like the couples' rate.", ("sexual_orientation",)),
        ("妻のマリアと私（ソフィア、女性）で参加します。", ("sexual_orientation",)),
        ("パートナー（男性）と参加します。", ()),
        ("その週末は息子のバルミツワーがあります。", ("religion",)),
        ("6歳で里親に預けられました。", ("social_status",)),
        ("地方選挙に無所属で立候補しました。", ("political",)),
        ("幹事に立候補しました。", ()),
    ],
)
def test_it_knows_the_third_drill(text: str, expected: tuple[str, ...]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("opener", sorted(_IF_OPENERS))
def test_it_tries_the_conditional_patterns_only_after_their_openers(opener: str) -> None:
    """``if_it_happens`` skips its two patterns unless the term is followed by one of these
    characters: every match of either opens with one (checked on each BMP character)."""
    tails = ("人がいたら", "方がいれば", "たらどう", "たら、すぐ", "ったらまず", "がいたら")
    for cp in range(0x10000):
        ch = chr(cp)
        if ch in _IF_OPENERS or 0xD800 <= cp < 0xE000:
            continue
        for tail in tails:
            text = ch + tail
            assert _IF_SOMEONE_RE.match(text) is None, text
            assert _JA_STEM_IF_RE.match(text) is None, text
    assert any(
        p.match(opener + tail)
        for p in (_IF_SOMEONE_RE, _JA_STEM_IF_RE)
        for tail in ("人がいたら", "たらどう", "方がいれば", "がいたら", "ったらどう")
    )
