"""Each special-care category: texts that reveal it about a person are found, and the hard
negatives (topics, questions about the policy, negations, hypotheticals, homographs) are not."""

import pytest

from hogo.detect import scan

POSITIVES = [
    # health
    ("health", "en", "I'm on dialysis three times a week, so mornings are hard for me."),
    ("health", "en", "My father was hospitalized after a stroke last month."),
    ("health", "en", "I have a severe peanut allergy, please keep nuts away from my plate."),
    ("health", "en", "I'm 6 months pregnant and would like an aisle seat."),
    ("health", "en", "I've been on antidepressants since the spring."),
    ("health", "ja", "人工透析を受けているため、火曜日は参加できません。"),
    ("health", "ja", "母が乳がんの手術を受けるので、付き添いで欠席します。"),
    ("health", "ja", "小麦アレルギーがあるので、昼食に配慮をお願いします。"),
    ("health", "ja", "妊娠中なので、長時間の立ち仕事は控えています。"),
    ("health", "ja", "うつ病で通院しています。"),
    # disability
    ("disability", "en", "I use a wheelchair, so please tell me where the lift is."),
    ("disability", "en", "My daughter is deaf and will need a sign language interpreter."),
    ("disability", "en", "I'm autistic and find loud rooms overwhelming."),
    ("disability", "en", "I wear hearing aids and prefer to sit near the speaker."),
    ("disability", "ja", "車椅子を使っているので、段差のない会場だと助かります。"),
    ("disability", "ja", "身体障害者手帳の2級を持っています。"),
    ("disability", "ja", "息子に発達障害があり、静かな部屋を希望します。"),
    ("disability", "ja", "盲導犬と一緒に伺います。"),
    # religion
    ("religion", "en", "Halal meal please."),
    ("religion", "en", "I don't eat pork for religious reasons."),
    ("religion", "en", "I'm Jewish and keep kosher."),
    ("religion", "en", "As a practicing Muslim I need a place to pray at noon."),
    ("religion", "ja", "ハラール対応の食事をお願いします。"),
    ("religion", "ja", "宗教上の理由で牛肉は食べられません。"),
    ("religion", "ja", "私はクリスチャンなので、日曜日は教会の礼拝に出ています。"),
    ("religion", "ja", "エホバの証人のため、輸血はお断りしています。"),
    # race_ethnicity
    ("race_ethnicity", "en", "I'm half Japanese and half Brazilian."),
    ("race_ethnicity", "en", "As a Black woman in tech, I'd like to join the mentoring program."),
    ("race_ethnicity", "en", "I'm a Zainichi Korean and use a Japanese alias at work."),
    ("race_ethnicity", "ja", "在日韓国人三世です。"),
    ("race_ethnicity", "ja", "アイヌ民族の出身です。"),
    ("race_ethnicity", "ja", "日系ブラジル人として、通訳のボランティアができます。"),
    # social_status
    ("social_status", "en", "My family comes from a buraku district."),
    ("social_status", "en", "I grew up in an orphanage."),
    ("social_status", "en", "My registered domicile (honseki) is in Kochi."),
    ("social_status", "ja", "被差別部落の出身です。"),
    ("social_status", "ja", "本籍地は福岡県です。"),
    ("social_status", "ja", "生活保護を受けているので、会費の減免を希望します。"),
    # criminal_record
    ("criminal_record", "en", "I have a criminal record for theft from 2014."),
    ("criminal_record", "en", "I'm currently on probation."),
    ("criminal_record", "en", "My brother served time in prison and is looking for work."),
    ("criminal_record", "ja", "執行猶予中のため、役員には就けません。"),
    ("criminal_record", "ja", "前科があります。"),
    ("criminal_record", "ja", "以前、服役していました。"),
    # crime_victim
    ("crime_victim", "en", "I was the victim of a stalker, please hide my address."),
    ("crime_victim", "en", "My house was burgled last week."),
    ("crime_victim", "en", "I was scammed out of my savings by a fake bank call."),
    ("crime_victim", "ja", "ストーカー被害に遭ったため、名簿に載せないでください。"),
    ("crime_victim", "ja", "警察に被害届を出しています。"),
    ("crime_victim", "ja", "元夫からDVを受けていました。"),
    # sexual_orientation
    ("sexual_orientation", "en", "I'm gay and would like to list my partner as next of kin."),
    ("sexual_orientation", "en", "I'm bisexual and happy to join the diversity panel."),
    ("sexual_orientation", "en", "My same-sex partner will attend with me."),
    ("sexual_orientation", "ja", "私はレズビアンです。"),
    ("sexual_orientation", "ja", "同性パートナーと暮らしています。"),
    ("sexual_orientation", "ja", "トランスジェンダーなので、通称名で登録したいです。"),
    # political
    ("political", "en", "I'm a member of the Communist Party."),
    ("political", "en", "I took part in the anti-nuclear demonstration on Sunday."),
    ("political", "en", "I signed the petition against the new dam."),
    ("political", "ja", "私は共産党の党員です。"),
    ("political", "ja", "国会前のデモに参加しました。"),
    ("political", "ja", "ダム建設に反対する署名活動をしています。"),
]

NEGATIVES = [
    ("en", "Does your association collect information about members' religion?"),
    ("en", "Is the venue wheelchair accessible?"),
    ("en", "We will demo the new game controller at booth 12."),
    ("en", "The pedal depression on the new forklift feels lighter."),
    ("en", "I'd like to attend the seminar on cancer research."),
    ("en", "No allergies."),
    ("en", "I don't have any disabilities."),
    ("en", "I have no criminal record."),
    ("en", "I'm a Korean national living in Kobe."),
    ("en", "If a guest uses a wheelchair, is there a lift?"),
    ("en", "Our company makes hearing aids."),
    ("en", "The documentary about the Great Depression was excellent."),
    ("en", "The keynote covers LGBTQ-inclusive hiring."),
    ("en", "Please send the invoice to accounting."),
    ("en", "The probation period for new hires is three months."),
    ("en", 'I noticed the word "wheelchair" is misspelled on your page.'),
    ("ja", "貴会は会員の宗教に関する情報を収集していますか。"),
    ("ja", "会場は車椅子で入れますか。"),
    ("ja", "サーバー障害でログインできませんでした。"),
    ("ja", "教会通りのカフェで打ち合わせをしましょう。"),
    ("ja", "がんばって準備します。"),
    ("ja", "アレルギーは特にありません。"),
    ("ja", "前科はありません。"),
    ("ja", "韓国籍で、神戸に住んでいます。"),
    ("ja", "がん研究の講演を聴きたいです。"),
    ("ja", "弊社は補聴器を製造しています。"),
    ("ja", "新しいコントローラーのデモ機を展示します。"),
    ("ja", "台風の被害で倉庫が壊れました。"),
    ("ja", "参加者に車椅子の方がいる場合、エレベーターはありますか。"),
    ("ja", "ハーフマラソンに出るので日曜は休みます。"),
    ("ja", "請求書は経理部宛にお送りください。"),
    ("ja", "ゲイリーさんの発表が楽しみです。"),
    ("ja", "部落という言葉の意味を調べています。"),
    ("ja", "刑務所の見学ツアーに参加したいです。"),
    ("ja", "看護師として病院に勤務しています。"),
    ("ja", "当日は暑いので熱中症に気をつけてください。"),
    ("ja", "障害者雇用の助成金について相談したいです。"),
    ("en", "I'm a dentist; can I join as a supporting member?"),
    ("en", "I'm tired of getting so many newsletters."),
    ("en", "I'd like to present our pregnancy app at the startup pitch."),
]


@pytest.mark.parametrize(("label", "lang", "text"), POSITIVES)
def test_it_finds_a_category_revealed_about_a_person(label: str, lang: str, text: str) -> None:
    result = scan(text)
    assert label in result.categories
    assert result.lang == lang


@pytest.mark.parametrize(("lang", "text"), NEGATIVES)
def test_it_finds_nothing_in_topics_questions_negations_and_homographs(
    lang: str, text: str
) -> None:
    result = scan(text)
    assert result.categories == ()
    assert result.lang == lang


def test_it_explains_each_category_finding() -> None:
    """A finding names its category, the lexicon line and the context that made it count."""
    text = "I have epilepsy."
    finding = next(f for f in scan(text).findings if f.kind == "category")
    assert text[finding.start : finding.end] == "epilepsy"
    assert finding.rule.startswith("health.strong:health.tsv:")
    assert finding.rule.endswith("+self")
    assert 0 < finding.score <= 1


def test_it_reports_each_category_once_sorted() -> None:
    result = scan("I'm Muslim and diabetic; my son uses a wheelchair and has asthma.")
    assert result.categories == ("disability", "health", "religion")


def test_it_keeps_the_offender_and_the_victim_apart() -> None:
    """ "theft" next to a conviction is the offence, not a theft suffered."""
    assert scan("I have a conviction for theft.").categories == ("criminal_record",)


@pytest.mark.parametrize(
    "text",
    ["ＡＤＨＤの診断を受けています。", "ｸﾘｽﾁｬﾝです。", "I'M ON DIALYSIS."],
)
def test_it_matches_full_width_half_width_and_upper_case(text: str) -> None:
    assert scan(text).categories != ()


def test_it_accepts_a_forced_language() -> None:
    assert scan("Kosher meal please.", lang="en").lang == "en"
    assert scan("Kosher meal please.", lang="ja").categories == ("religion",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medical conditions: diabetes.", ("health",)),
        ("Dietary requirements: halal", ("religion",)),
        ("備考：糖尿病のため食事制限があります", ("health",)),
        ("Medical conditions we should know about: no.", ()),
        ("持病の有無：無", ()),
        ("Allergies: N/A", ()),
        ("Please list any allergies.", ()),
        ("アレルギーがあればお知らせください。", ()),
    ],
)
def test_it_reads_form_fields_as_answers_about_the_person(
    text: str, expected: tuple[str, ...]
) -> None:
    """A term after a field label and a colon is the person's answer; a "no" answer or the
    field's own question is not a finding."""
    assert scan(text).categories == expected


@pytest.mark.parametrize(
    "text",
    [
        "My cat is sick, so I may leave early.",
        "飼い猫が病気なので早めに失礼します。",
        "Please tell me whether criminal background checks are required.",
        "Our company sells wheelchairs.",
    ],
)
def test_it_ignores_terms_about_pets_products_and_procedures(text: str) -> None:
    assert scan(text).categories == ()
