"""Issue 17, recall by class of phrasing (branch h17gen): the classes blind set 5 and the
independent check sets dev21 and dev22 missed, each class with hard negatives that reuse its
words about nobody, a policy, news in general, a product, a hypothetical or a negation. None of
these texts is from a labelled set.
"""

import pytest

from hogo.detect import scan

# (text, language, category)
POSITIVES = [
    # A third person (or the writer) and a criminal-procedure verb, casual police contact.
    (
        "Our former treasurer Ms. Park was indicted on fraud charges last week.",
        "en",
        "criminal_record",
    ),
    ("Kenji from accounting got arrested on Saturday, keep it quiet.", "en", "criminal_record"),
    ("Our driver Tom has a record, burglary, long ago.", "en", "criminal_record"),
    ("the cops grilled my coworker for hours, he was booked and released", "en", "criminal_record"),
    ("I was cited for possession of cannabis at 20, does it matter here?", "en", "criminal_record"),
    ("Mr. Hale has been charged with embezzlement from the club fund.", "en", "criminal_record"),
    ("元理事長が詐欺容疑で書類送検されたそうです。", "ja", "criminal_record"),
    ("先月、警察署に呼ばれて指紋を取られました。", "ja", "criminal_record"),
    ("うちの店長、大麻所持でパクられたらしい", "ja", "criminal_record"),
    # A campaign role for a candidate.
    ("I'm volunteering for Senator Ruiz's re-election, so Tuesdays are out.", "en", "political"),
    ("knocking on doors for our Green Party candidate every weekend", "en", "political"),
    ("My dad is treasurer of the mayor's koenkai.", "en", "political"),
    ("市議の後援会の事務局やってるので平日の夜は難しいです", "ja", "political"),
    ("母が選挙事務所で電話番をしています。", "ja", "political"),
    ("同僚の山田さんが次の市長選に出馬するらしい。", "ja", "political"),
    ("先月入党しました。", "ja", "political"),
    # Honours, peerage by ordinal, feudal and noble descent.
    (
        "She is the daughter of the 7th Duke of Arden and prefers no titles on the badge.",
        "en",
        "social_status",
    ),
    ("Our chair, Sir Ian Todd CBE, will present the awards.", "en", "social_status"),
    (
        "Mr. Hosokawa comes from a daimyo family and would rather it not be mentioned.",
        "en",
        "social_status",
    ),
    ("田中様は旧藩主の家の末裔にあたられます。", "ja", "social_status"),
    # Buraku origin described indirectly.
    (
        "my mum grew up in one of those neighbourhoods in Kyoto and her in-laws never let it go",
        "en",
        "social_status",
    ),
    ("私の地元は、いわゆるそういう地域で、結婚のとき反対されました。", "ja", "social_status"),
    ("実家は昔『部落』と呼ばれていた地区にあります。", "ja", "social_status"),
    # A quoted name someone takes.
    ("祖母は自分のことを『琉球人』と名乗っていました。", "ja", "race_ethnicity"),
    # A certificate by its short name and grade, kana and half-width.
    ("ﾃﾁｮｳ2級です。優先席を使えますか", "ja", "disability"),
    ("精神の手帳3級を持っています。", "ja", "disability"),
    ("I hold a mental health welfare handbook, grade 2.", "en", "disability"),
    # The sex on documents changed, spelled out; a kana term with being found out.
    ("My legal gender was changed to female last spring.", "en", "sexual_orientation"),
    ("どうせいあいしゃってばれて居づらくなった", "ja", "sexual_orientation"),
    # Images shared without consent, phishing in half-width.
    ("someone posted intimate photos of me in a group chat", "en", "crime_victim"),
    ("ﾌｨｯｼﾝｸﾞﾒｰﾙに引っかかって、カードを不正利用されました。", "ja", "crime_victim"),
    # Mixed heritage said casually; a third person's parents from two countries.
    ("im hapa so people ask where im from lol", "en", "race_ethnicity"),
    ("Lena's mum is Ghanaian and her dad's German.", "en", "race_ethnicity"),
    # dev22 and dev21's classes (after their first runs), new wordings of each.
    ("Ms. K. is a suspect in the theft inquiry at her old firm.", "en", "criminal_record"),
    ("I've been summoned for questioning by police on Friday.", "en", "criminal_record"),
    ("Arrested at the climate protest, released the same night.", "en", "criminal_record"),
    ("he's out on licence and signs in at the police station weekly", "en", "criminal_record"),
    ("My uncle has a 2015 robbery conviction; is he barred from joining?", "en", "criminal_record"),
    ("わたし の あに は けいさつ に つかまりました。", "ja", "criminal_record"),
    ("Our member Ms. Osei is contesting the council election next spring.", "en", "political"),
    ("my gran is in the supporters' club for our local MP", "en", "political"),
    ("父は選挙カーでウグイス嬢の手配をしていました。", "ja", "political"),
    ("増税反対のデモ、夫と行ってきました。", "ja", "political"),
    ("My late father was the 5th Earl Ashdown.", "en", "social_status"),
    ("his family comes from a hisabetsu area near Osaka", "en", "social_status"),
    ("母の実家は昔から「ああいう所」と呼ばれてきた地区です。", "ja", "social_status"),
    ("叔母は旧宮家の血筋の方です。", "ja", "social_status"),
    ("私と夫（ふたりとも男です）で申し込みます。", "ja", "sexual_orientation"),
    ("Mrs. and Mrs. Okafor will both attend the dinner.", "en", "sexual_orientation"),
    ("娘が女性のパートナーと暮らしています。", "ja", "sexual_orientation"),
    ("our new coach is bi, she told us herself", "en", "sexual_orientation"),
    ("わたし は ぜんそく が あります。くすり を のんで います。", "ja", "health"),
    ("Mum is on dialisys three days a week.", "en", "health"),
    ("兄は事故で前歯が折れました。", "ja", "health"),
    ("Staff note: employee reported being groped on the night bus.", "en", "crime_victim"),
    ("祖母がキャッシュカードを持っていかれました。", "ja", "crime_victim"),
    ("someone took out a loan in my name last year", "en", "crime_victim"),
    ("らまだん中なので、お昼は食べません。", "ja", "religion"),
    ("会員の金さんは中国朝鮮族の方です。", "ja", "race_ethnicity"),
    ("My aunt goes to the Kingdom Hall twice a week.", "en", "religion"),
    ("Attendee: Baroness Hale (life peer).", "en", "social_status"),
    ("彼女と一緒に住んでます（私も女です）", "ja", "sexual_orientation"),
    ("the candidate I canvass for lost lol", "en", "political"),
    ("にんしん8週目です", "ja", "health"),
    ("my purse was nicked on the train", "en", "crime_victim"),
    ("耳がきこえません、メールでお願いします", "ja", "disability"),
    ("ネットで誹謗中傷されてます", "ja", "crime_victim"),
    ("遺伝子検査でBRCA陽性でした", "ja", "health"),
    ("im on mat leave til march", "en", "health"),
    ("my knee never recovered after the ski crash, still limp", "en", "health"),
    ("ｼﾝｼｮｳ2級です", "ja", "disability"),
    ("my ex keeps threatening me, police know", "en", "crime_victim"),
    ("ｾｲｶﾂﾎｺﾞもらってる", "ja", "social_status"),
    ("彼氏と同棲中の男です", "ja", "sexual_orientation"),
    ("She's the granddaughter of a duke.", "en", "social_status"),
    ("ｼｮｳｶﾞｲｼｬ手帳あります", "ja", "disability"),
    ("弟の夫の実家は北海道です。", "ja", "sexual_orientation"),
    (
        "Our volunteer Dave was arrested on suspicion of fraud and remanded in custody.",
        "en",
        "criminal_record",
    ),
    ("My cousin stood trial last year for burglary.", "en", "criminal_record"),
    ("叔父は選挙運動員として毎日駅前に立っています。", "ja", "political"),
    ("Grandfather received the Padma Shri in 1998.", "en", "social_status"),
    ("祖父が紫綬褒章を受章しました。", "ja", "social_status"),
    (
        "Hi all, me and Ryan got married in May; please add my spouse to the file. — Tom",
        "en",
        "sexual_orientation",
    ),
    ("帰り道で知らない人に突き飛ばされました。", "ja", "crime_victim"),
    ("嫁の真由美とあたし（里奈）で行きます。", "ja", "sexual_orientation"),
]

# (text, language, category that must not be found)
NEGATIVES = [
    ("The company has a record year behind it.", "en", "criminal_record"),
    (
        "Our shop set a record for sales in May; the cops came to buy coffee.",
        "en",
        "criminal_record",
    ),
    ("The bill on drug possession was debated in parliament.", "en", "criminal_record"),
    ("A man was indicted in Osaka, the news said.", "en", "criminal_record"),
    ("容疑者として逮捕された人のニュースを見ました。", "ja", "criminal_record"),
    ("I'm volunteering for the summer party's clean-up crew.", "en", "political"),
    ("We volunteer with the food bank on weekends.", "en", "political"),
    (
        "Candidate interviews: could I volunteer for the panel? Not political, just HR.",
        "en",
        "political",
    ),
    ("講演会の会場を予約しました。", "ja", "political"),
    ("競馬の出馬表を印刷しておいてください。", "ja", "political"),
    ("The Earl Grey tea was lovely, thank you.", "en", "social_status"),
    ("The exhibition on the Tokugawa shogunate opens Monday.", "en", "social_status"),
    ("Dear Sir or Madam, please find the invoice attached.", "en", "social_status"),
    ("そういう地域の雪の多さは知りませんでした。", "ja", "social_status"),
    ("『部落』という言葉の歴史についての講演です。", "ja", "social_status"),
    ("手帳の3級の欄は何を書けばいいですか", "ja", "disability"),
    ("Our chemo-resistant gloves are back in stock.", "en", "health"),
    ("Please order two pregnancy test kits for the first-aid room.", "en", "health"),
    ("I wear hearing aids in both ears; please text.", "en", "health"),
    ("The same-sex marriage bill was debated today.", "en", "sexual_orientation"),
    ("Change the form's default from Male to Female?", "en", "sexual_orientation"),
    ("フィッシングメールに注意してください。", "ja", "crime_victim"),
    ("Our wedding will be a shrine ceremony in Nikko.", "en", "religion"),
    ("労働組合との団体交渉の議事録を送ります。", "ja", "political"),
    ("子どもは二人とも男です。", "ja", "sexual_orientation"),
    ("The film where the hero is arrested twice is on tonight.", "en", "criminal_record"),
    ("このゲーム、警察に捕まると最初からやり直しです。", "ja", "criminal_record"),
    ("犯人はまだ捕まっていないそうです。", "ja", "criminal_record"),
    ("模擬裁判で被告人の役をやります。", "ja", "criminal_record"),
    ("He's running for class president in a mock election.", "en", "political"),
    ("The old tanneries are now a museum district.", "en", "social_status"),
    ("私は特に持病や障害はありません。", "ja", "health"),
    ("妊婦さん向けの優先席を用意しました。", "ja", "health"),
    ("私は特に支持政党はないです。", "ja", "political"),
    (
        "Support for her transition to the new team lead role is planned.",
        "en",
        "sexual_orientation",
    ),
    ("Ms. Walker will chair the meeting.", "en", "disability"),
    ("ハラール対応のお弁当屋さんのリストです。", "ja", "religion"),
    ("夫の健太とわたし（由香）で参加します。", "ja", "sexual_orientation"),
    ("Margaret and I went to her niece's wedding last week. - Dorothy", "en", "sexual_orientation"),
    ("Margaret and I were married in 1980. - Tom", "en", "sexual_orientation"),
    ("I can volunteer for the candidate interviews next week.", "en", "political"),
    ("My sister grew up in one of those neighborhoods with big lawns.", "en", "social_status"),
    ("I was on the ballot for the photo contest.", "en", "political"),
    ("息子の夫婦喧嘩の相談です。", "ja", "sexual_orientation"),
    ("女性から男性への告白イベントを企画中です。", "ja", "sexual_orientation"),
    ("大名家の庭園を見学しました。", "ja", "social_status"),
    ("国会前のデモで電車が遅れました。", "ja", "political"),
    ("手帳は1級から6級まであります。", "ja", "disability"),
    ("I think I'm bi-lingual now lol", "en", "sexual_orientation"),
    ("He is the son of a lord mayor.", "en", "social_status"),
    ("Speaker: Dr. Lee on diabetes research.", "en", "health"),
    ("彼女と一緒に住んでいます。（私は男です）", "ja", "sexual_orientation"),
    ("妊娠8週の方への配慮について", "ja", "health"),
    ("The nicked paint on the door needs fixing.", "en", "crime_victim"),
    ("Mr. Ito and Mr. Ito (father and son) will attend.", "en", "sexual_orientation"),
    ("耳が聞こえないふりをする子どもへの対応について", "ja", "disability"),
    ("騒音で耳が聞こえにくい会場でした。", "ja", "disability"),
    ("中傷されるのを防ぐ方法の講座です。", "ja", "crime_victim"),
    ("The BRCA gene research seminar is on Friday.", "en", "health"),
    ("Our stock never recovered after the crash.", "en", "health"),
    ("遺伝子検査の結果の読み方講座を開きます。", "ja", "health"),
    ("She played the daughter of a duke in the film.", "en", "social_status"),
    (
        "Our former treasurer Mr. Lowe has been charged with organising the gala.",
        "en",
        "criminal_record",
    ),
    ("私のデザインがパクられました。", "ja", "criminal_record"),
    ("選挙事務所の近くのカフェで会いましょう。", "ja", "political"),
    ("手帳は2級まで対象です。", "ja", "disability"),
    ("I was fingerprinted for my visa application.", "en", "criminal_record"),
    ("I was interviewed by police as a witness to the accident.", "en", "criminal_record"),
    ("The family court approved my change of address.", "en", "sexual_orientation"),
    ("そういう地域の行事には参加したことがありません。", "ja", "social_status"),
    ("Results are listed in order of merit, then by surname.", "en", "social_status"),
    ("週末は駅前の店の応援に入っています。", "ja", "political"),
    (
        "The bank froze the account on suspicion of fraud by an unknown party.",
        "en",
        "criminal_record",
    ),
    ("The Kingdom Hall on Elm Street has a car park we could rent.", "en", "religion"),
]


@pytest.mark.parametrize(("text", "lang", "category"), POSITIVES)
def test_each_class_is_found(text: str, lang: str, category: str) -> None:
    assert category in scan(text, lang=lang).categories


@pytest.mark.parametrize(("text", "lang", "category"), NEGATIVES)
def test_hard_negatives_of_each_class_are_not(text: str, lang: str, category: str) -> None:
    assert category not in scan(text, lang=lang).categories
