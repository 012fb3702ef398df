"""Issue 17, recall on unseen text (branch h17recall): the classes blind set 4 and the check sets
dev9 and dev10 missed, each with hard negatives that reuse their words in other senses (news,
products, job ads, buildings, general statements). None of these texts is from a labelled set.
"""

import pytest

from hogo.detect import scan
from hogo.detect.lexicon import load_entries
from hogo.detect.typos import typo_entries

ORIENTATION_POSITIVES = [
    # Japanese couples: the writer's gender from a name written with a space between surname
    # and given name (forms write names so), in a frame or signed at the end without a dash.
    ("申込者：石川 真理子。嫁の沙織と一緒に参加します。", "ja"),
    ("〔申込者：松田 浩〕主人の雅人も同伴します。", "ja"),
    ("夫の誠と伺います。よろしくお願いします。　藤井 拓也", "ja"),
    ("彼女の恵美と参加します！　― 西村 直子", "ja"),
    ("私、小山 大輔は、夫の健二と暮らしています。", "ja"),
    ("参加者：原田 翔太、同伴者：パートナーの森 達也（同棲中）", "ja"),
    # Weddings of two women or two men, the family court's change of sex.
    ("男同士で結婚して3年になります。", "ja"),
    ("性別の取扱い変更の審判が確定し、戸籍も女性になりました。", "ja"),
    # English: a partner named after the word in a couple, a sender line, casual couples.
    ("From Anna Berg: my partner Sofia and I have been together ten years.", "en"),
    ("bf and i need one room pls. – Jake", "en"),
    ("Two brides, one cake: our wedding is in May and we'd like the garden room.", "en"),
    ("The court approved changing my registered sex, please update the roster.", "en"),
    # Two names after a couple word (ご夫妻), both of one gender.
    ("山本様ご夫妻（山本 大輔様・山本 健太様）のお席をお願いします。", "ja"),
    ("主人（拓也）と参加します。私も男性です。", "ja"),
    ("Me (Karen) and my wife Lucy will help at the stall.", "en"),
    ("My brother's husband will collect me after the dinner.", "en"),
    ("嫁さん（ゆい）と参加しまーす　三浦 あやか", "ja"),
    ("パートナーの健太（男性）と暮らしています。私は男です。", "ja"),
    ("Gay and married to a man, in case it matters.", "en"),
    ("Had top surgery in May, so no swimming for a while.", "en"),
    ("戸籍上は女ですが、男性として働いています。", "ja"),
    # Spaced kana (written for learners): the transition's key phrases.
    ("せいべつ を へんこう しました。 めいぼ を なおして ください。", "ja"),
    # Chat-like: two mothers, trans said plainly, a girlfriend married by a woman.
    ("we're both moms now, our baby came in may", "en"),
    ("trans and proud, see you saturday", "en"),
    ("トランスです、よろしくお願いします", "ja"),
    ("彼女と入籍しました！（私も女です）", "ja"),
]

ORIENTATION_NEGATIVES = [
    "主人の健一と参加します。（申込者：山口 恵子）",  # opposite genders
    "彼女の資料は明日届きます。― 高田 結子",  # 彼女の is "her", no name follows
    "取引先のパートナーの山本 誠さんが来社します。",  # a business partner, no couple word
    "男同士で結婚式の余興を担当します。",  # two men performing at someone's wedding
    "レインボーブリッジの見える会場を予約しました。",  # katakana glued on: a place name
    "外国籍の社員の通称名の扱いについて、規程を確認しています。",  # an alias, no transition
    "Rainbow Logistics, our partner firm, will sponsor the break.",
    "Same-sex couples are welcome at every event we run.",
    "山本様ご夫妻（山本 大輔様・山本 恵子様）のお席をお願いします。",
    "性別変更届の書式が変わりました。",
]

STATUS_POSITIVES = [
    ("ナマポ生活なので参加費の分割をお願いします。", "ja"),
    ("せいかつほご受けてるので会費が払えません。", "ja"),
    ("ネカフェ暮らしが続いていて、郵便物は受け取れません。", "ja"),
    ("結婚のときに身元を調べられるような地区の出です。", "ja"),
    ("We were homeless most of last year.", "en"),
    ("im on wellfare at the moment, is there a reduced fee?", "en"),
    ("My uncle inherited the title when my grandfather died.", "en"),
    ("Sleeping in my car until the new flat is ready, so email only.", "en"),
    ("Her grandfather was made a life peer in 1990.", "en"),
    ("住む場所がなくて、知人の家を転々としています。", "ja"),
    ("去年の冬は路上で寝泊まりしていました。", "ja"),
]

STATUS_NEGATIVES = [
    "旧華族の洋館を見学するツアーです。",
    "子爵という爵位は明治期に定められました。",
    "養子縁組の手続きについての一般的な質問です。",
    "ネットカフェの法人会員プランの案内です。",
    "The welfare office is closed on Monday.",
    "The shelter kitchen needs volunteers.",
    "Earl will bring the sound system.",
    "Life Peer is the name of the new pale ale.",
]

HEALTH_POSITIVES = [
    ("お腹に赤ちゃんがいるので、立食は遠慮します。", "ja"),
    ("ｻﾝｷｭｳ明けまでお休みします。", "ja"),
    ("来月からｻﾝｾﾞﾝ休暇です。", "ja"),
    ("腰を痛めて以来、長く座れません。", "ja"),
    ("ﾄｳｾｷは週3なので平日夜は無理です。", "ja"),
    ("睡眠薬がないと眠れない日が続いています。", "ja"),
    ("preggo with our first, no wine for me thanks", "en"),
    ("HIV+ and doing fine, just letting the organisers know.", "en"),
    ("My knee never fully recovered after the fall, I'll skip the hike.", "en"),
    ("Post-partum and exhausted, replies will be slow.", "en"),
    ("We're having our baby in May, so I'll skip the trip.", "en"),
    ("sober since 2020, no bar venues for me please", "en"),
    ("I've got MS and some days are harder.", "en"),
    ("そううつびょうの薬を飲んでいます。", "ja"),
    ("アル中だったことがあります。", "ja"),
    ("I'm on lithium, so no wine for me.", "en"),
    ("I had my knee replaced in May.", "en"),
    ("Two years clean from heroin this week.", "en"),
    ("覚醒剤をやめて3年になります。", "ja"),
]

HEALTH_NEGATIVES = [
    "The clinic offers flu shots to the public on Fridays.",
    "The concussion protocol for the youth league was updated.",
    "Our startup sells glucose monitors for diabetics.",
    "妊娠・出産に関する社内制度の説明会です。",
    "透析装置の保守契約の見積もりです。",
    "MS Teams link for Friday is below.",
    "Lithium batteries go in the red bin.",
    "妊娠中の方向けの席を用意しています。",
    "妊娠中の方は受付でお申し出ください。",
    "The colonoscopy prep leaflet has a typo.",
    "胃カメラの予約システムの改修案件です。",
    "My brother's wife will collect me after the dinner.",
]

RELIGION_POSITIVES = [
    ("im a jehovahs witness so no birthday party for me", "en"),
    ("As a JW I skip the holiday party, hope that's ok.", "en"),
    ("He is a counselor in the bishopric of his LDS ward.", "en"),
    ("Omar prays five times a day, so a quiet room at noon would help.", "en"),
    ("金曜の昼はモスクに行くので会議は午後にしてください。", "ja"),
    ("gonna be at mass sunday, join after", "en"),
    ("日曜朝はミサ行くので午後から合流します", "ja"),
]

RELIGION_NEGATIVES = [
    "Is the office closed on Good Friday?",
    "The deacon bench by the door needs paint.",
    "The Mormon Tabernacle Choir album is on the playlist.",
    "お弁当はベジタリアン対応でお願いします。",
    "Sunday school rooms can be booked at the front desk.",
    "The Quaker meeting house is our backup venue.",
]

VICTIM_POSITIVES = [
    ("got phished last week and they cleaned out my account", "en"),
    ("My mother lost her savings to a romance scammer.", "en"),
    ("My ex was violent and I now live at a different address.", "en"),
    ("My bike was nicked from the station yesterday.", "en"),
    ("i got catfished and lost money, pls dont judge", "en"),
    ("I got jumped on the way home last night.", "en"),
    ("A neighbour keeps sending me threats.", "en"),
    ("駅前でｵﾔｼﾞ狩りにあいました。", "ja"),
]

VICTIM_NEGATIVES = [
    "Beware of phishing e-mails asking for passwords.",
    "Catfish is on the menu at the riverside place.",
    "父は昔、暴力団担当の刑事でした。",  # 暴力 inside 暴力団 is no violence suffered
]

OTHER_POSITIVES = [
    # Arrests and prison in kana and half-width, the kanji slip 逮補, a role before a name.
    ("兄がﾀｲﾎされたので今週は休みます。", "criminal_record", "ja"),
    ("部長の中島さんが逮補されたそうです。", "criminal_record", "ja"),
    ("若い頃にけいむしょに入っていました。", "criminal_record", "ja"),
    ("弊社の元役員・田村が書類送検されました。", "criminal_record", "ja"),
    ("The police took me in for questioning last night.", "criminal_record", "en"),
    ("I have a parole hearing next month.", "criminal_record", "en"),
    # Politics: a banner carried, party membership however named, marching with a union.
    ("平和マーチで横断幕を持って歩きました。", "political", "ja"),
    ("I'm a registered member of the Harbour Party.", "political", "en"),
    ("i march with the nurses union every may day", "political", "en"),
    ("was at the protst downtown, sorry i missed the call", "political", "en"),
    # Short key words misspelt, certificates romanized, Andean peoples.
    ("i have autsim and need a quiet room", "disability", "en"),
    ("My son has a shintai techo.", "disability", "en"),
    ("I get a PIP award for mobility.", "disability", "en"),
    ("My brother got six years for armed robbery.", "criminal_record", "en"),
    ("毎週、駅前で抗議のスタンディングをしています。", "political", "ja"),
    ("ｼﾝｼｮｳ者手帳3級です。", "disability", "ja"),
    ("手帳（身体2級）あり、階段は使えません。", "disability", "ja"),
    ("Our treasurer is under police investigation for fraud.", "criminal_record", "en"),
    ("i got pulled in by the cops for questioning, all fine now", "criminal_record", "en"),
    ("元夫にGPSで居場所を追跡されていました。", "crime_victim", "ja"),
    ("地元は昔から差別を受けてきた地域です。", "social_status", "ja"),
    ("Lady Anne, the Duke's daughter, will present the prizes.", "social_status", "en"),
    ("My great-grandfather was a baron.", "social_status", "en"),
    ("She was made a dame last year.", "social_status", "en"),
    ("Second baby on the way, so I'll step back in spring.", "health", "en"),
    ("I tore my ligament skiing, so no hike for me.", "health", "en"),
    ("Mr. Abe's wife is expecting, so he'll miss the trip.", "health", "en"),
    ("会員の山田様の奥様がご懐妊とのことです。", "health", "ja"),
    ("Client lives in temporary accommodation since the eviction.", "social_status", "en"),
    ("反対運動のデモ行進の運営を手伝いました。", "political", "ja"),  # running a march
    ("I'm a baronetess, though I never use it.", "social_status", "en"),
    ("We adopted our daughter in 2020.", "social_status", "en"),
    ("家を追い出されて、今は友人の家にいます。", "social_status", "ja"),
    ("we live off benefits rn so cheapest option pls", "social_status", "en"),
    ("did 3 yrs inside, turned my life around", "criminal_record", "en"),
    ("耳聞こえないのでLINEでお願いします", "disability", "ja"),
    ("I was in care from 6 to 16.", "social_status", "en"),
    ("i stood for parish council last year", "political", "en"),
    ("My ex shared private photos of me online.", "crime_victim", "en"),
    ("知らない人に私の名前でローンを組まれました。", "crime_victim", "ja"),
    ("遺伝子検査で保因者と分かりました。", "health", "ja"),
    ("県議会議員（無所属）をしています。", "political", "ja"),
    ("週末は候補者のチラシを配っています。", "political", "ja"),
    ("祖父は勲章をもらった元校長です。", "social_status", "ja"),
    ("取引先の担当者にセクハラされました。", "crime_victim", "ja"),
    ("あに が たいほ された ので、 やすみ ます。", "criminal_record", "ja"),
    ("ネットで誹謗中傷を受け、弁護士に相談中です。", "crime_victim", "ja"),
    ("I'm of Quechua origin, happy to help with the exhibition.", "race_ethnicity", "en"),
    ("ﾊﾝｻﾞｲ歴がありますが応募できますか。私のことです。", "criminal_record", "ja"),
    # Six- and seven-letter key words with a letter dropped, doubled or swapped.
    ("my dad is in prisn again", "criminal_record", "en"),
    ("i have astma, no smoke near me pls", "health", "en"),
    ("my son was mugegd last week", "crime_victim", "en"),
    ("選挙では候補者の事務所で電話かけをしていました。", "political", "ja"),
    ("戸籍の名前を変え、今は女性として暮らしています。", "sexual_orientation", "ja"),
]

OTHER_NEGATIVES = [
    "左翼手の交代で試合が長引きました。",
    "息子は少年野球で左翼を守っています。",
    "手話通訳者の派遣会社を探しています。",
    "選挙ポスターの掲示場所の一覧です。",
    "The parole board meeting minutes are attached.",
    "The deaf school's open day is on Saturday.",
    "I march with the school band every summer.",
    "We are hiring a sign language interpreter for the conference.",
    "Blue Badge parking is on level 1.",
    "インスリンの価格改定のお知らせです。",
    "同性パートナーシップ制度の導入を提案する会議です。",
    "The door-knocking survey for the bus route is due Friday.",
    "ビラ配りのアルバイト募集（チラシ配布）",
    "座り込みで作業するので、マットを用意してください。",
    "障害者手帳の申請窓口が移転しました。",
    "The fire is under police investigation.",
    "筆談ボードを受付に置いています。",
    "I love stollen at Christmas.",
    "The prisn van drove past the office.",  # a misspelling is weak: no person, no finding
    "The union rep meeting is on Tuesday.",
    "Kidney transplant outcomes improved, says a new study.",
    "If a member is gay, what should the form say?",  # still a hypothetical
    "Identity theft insurance is included in your plan.",
    "なりすまし詐欺の補償プランがあります。",
    "車いすの貸し出しがあります。",
    "せいべつ らん に まるを つけて ください。",  # the form's sex field, no change
    "Hearing aid batteries are in the supply room.",
    "補聴器の電池は備品室にあります。",
    "一時保護施設の運営事業者の登録期限は6月です。",
    "Temporary accommodation providers must register by June.",
    "covid pneumonia cases are down, the news says",
    "帝王切開の件数は病院の年報に載っています。",
    "生活保護の制度が変わるそうです。",
    "彼女と結婚したいと兄が言っています。",  # the brother's girlfriend, the writer unknown
    "偏頭痛に効くお茶がセール中",
    "ミサイルのニュース見た？",
    "mass email going out friday, check spam",
]


@pytest.mark.parametrize(("text", "lang"), ORIENTATION_POSITIVES)
def test_orientation_classes_are_found(text: str, lang: str) -> None:
    result = scan(text)
    assert result.lang == lang
    assert "sexual_orientation" in result.categories


@pytest.mark.parametrize(("text", "lang"), STATUS_POSITIVES)
def test_social_status_classes_are_found(text: str, lang: str) -> None:
    result = scan(text)
    assert result.lang == lang
    assert "social_status" in result.categories


@pytest.mark.parametrize(("text", "lang"), HEALTH_POSITIVES)
def test_health_classes_are_found(text: str, lang: str) -> None:
    result = scan(text)
    assert result.lang == lang
    assert "health" in result.categories


@pytest.mark.parametrize(("text", "lang"), RELIGION_POSITIVES)
def test_religion_classes_are_found(text: str, lang: str) -> None:
    result = scan(text)
    assert result.lang == lang
    assert "religion" in result.categories


@pytest.mark.parametrize(("text", "lang"), VICTIM_POSITIVES)
def test_crime_victim_classes_are_found(text: str, lang: str) -> None:
    result = scan(text)
    assert result.lang == lang
    assert "crime_victim" in result.categories


@pytest.mark.parametrize(("text", "category", "lang"), OTHER_POSITIVES)
def test_kana_typo_and_membership_classes_are_found(text: str, category: str, lang: str) -> None:
    result = scan(text)
    assert result.lang == lang
    assert category in result.categories


@pytest.mark.parametrize(
    "text",
    ORIENTATION_NEGATIVES
    + STATUS_NEGATIVES
    + HEALTH_NEGATIVES
    + RELIGION_NEGATIVES
    + VICTIM_NEGATIVES
    + OTHER_NEGATIVES,
)
def test_the_same_words_in_other_senses_are_no_finding(text: str) -> None:
    assert scan(text).categories == ()


def test_the_register_beside_the_life_one_lives_is_orientation_not_status() -> None:
    categories = scan("戸籍上は男ですが、女性として暮らしています。").categories
    assert categories == ("sexual_orientation",)


def test_a_register_changed_for_a_transition_is_not_social_status() -> None:
    text = "After surgery I changed the sex on my koseki, please update my record."
    assert "sexual_orientation" in scan(text).categories
    assert "social_status" not in scan(text).categories
    assert "social_status" in scan("My koseki shows my father's domicile.").categories


def test_the_offender_register_is_no_change_of_sex() -> None:
    categories = scan("I'm a registered sex offender and must tell the organizers.").categories
    assert categories == ("criminal_record",)


def test_short_terms_get_plain_edits_checked_against_common_words() -> None:
    made = {e.term: e for e in typo_entries(load_entries())}
    assert made["prisn"].kind == "criminal_record"
    assert made["prisn"].strength == "weak"
    assert "prisun" not in made  # sound-alike vowels only for eight letters and more
    assert "stollen" not in made  # a word (the cake), one edit from "stolen"
    assert "decent" not in made  # a word, one edit from "descent"
