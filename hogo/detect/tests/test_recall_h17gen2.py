"""Issue 17, recall by class of phrasing, second round (branch h17gen2): the classes blind set 6
missed, each with hard negatives that reuse its words about nobody, an organisation, a topic or
a thing. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Support for a political camp or a named politician, declared of a person.
    ("取引先の林さんは保守派支持を公言しています。", "ja", "political"),
    ("同僚の陳さん、民主派を支持しているので渡航を控えたいそうです。", "ja", "political"),
    ("My brother-in-law is a proud Trump supporter, fair warning.", "en", "political"),
    ("Ms. Lowe is a Corbyn supporter and says so often.", "en", "political"),
    # A movement, march or demo joined, with a particle or a companion in between, or casually.
    ("父は若い頃、反戦運動にも参加していました。", "ja", "political"),
    ("週末、原発再稼働に反対するデモに友人と行きました。", "ja", "political"),
    ("ｼﾞｪﾝﾀﾞｰ平等を求めるﾏｰﾁに参加してきた！", "ja", "political"),
    ("明日デモ行ってくるから連絡つかないかも", "ja", "political"),
    ("私は学生運動で大学を退学になりました。", "ja", "political"),
    # Lineage of a named house, honours by title, caste in katakana, origin said indirectly.
    ("部長の真田さんは真田家の末裔なんですよ。", "ja", "social_status"),
    ("新会員の毛利さん、毛利家の子孫だそうです", "ja", "social_status"),
    ("会員のスミス氏はナイトの称号をお持ちです。", "ja", "social_status"),
    ("同僚のｼｬﾙﾏさん、ﾊﾞﾗﾓﾝ階級の出身なんだって", "ja", "social_status"),
    ("祖父の代まで皮革業を営んできた地区の出身です。", "ja", "social_status"),
    ("上司が私の出身を「あの地区」だと言いふらしています。", "ja", "social_status"),
    ("Our guest Mr. Kujo is from a court noble family.", "en", "social_status"),
    ("My family were samurai retainers of the Hosokawa clan.", "en", "social_status"),
    ("the new guy's family is old nobility apparently", "en", "social_status"),
    ("Our member Mr. Adeyemi is a hereditary chief back home.", "en", "social_status"),
    (
        "I grew up in a neighbourhood that historically faced discrimination and I'd rather "
        "not name it.",
        "en",
        "social_status",
    ),
    # Faith written in kana.
    ("わたしはきりすときょうとなので日曜は休みます", "ja", "religion"),
    ("夫がいすらむきょうとなので豚肉はNGです", "ja", "religion"),
    # The mental-health certificate by its short name.
    ("私は精神保健福祉手帳を持っています。", "ja", "disability"),
    ("うちの弟は手帳もちで、作業所に通っています", "ja", "disability"),
    # Fraud calls in kana.
    ("祖母がｻｷﾞの電話にだまされて50万円振り込みました", "ja", "crime_victim"),
    # Buraku origin in kana and by euphemism, the liberation league, dowa programme areas.
    ("同僚の川村さん、ぶらくの出だって陰口を言われてる", "ja", "social_status"),
    ("父は部落解放同盟の支部長をしています。", "ja", "social_status"),
    ("私の実家は同和対策事業の対象だった地域にあります。", "ja", "social_status"),
    ("祖母の家は隣保館のある地域で、私もそこで育ちました。", "ja", "social_status"),
    ("会員の西条様は旧公家のご出身です。", "ja", "social_status"),
    # Election help in kana, standing protests, recall campaigns, petitions started, placards.
    ("母はせんきょのおてつだいで毎晩いないです", "ja", "political"),
    ("私、毎週金曜は国会前のスタンディングに行ってます。", "ja", "political"),
    ("兄が市長のリコール運動の受任者になりました。", "ja", "political"),
    ("同僚の本田さんが増税反対を求める署名の発起人です。", "ja", "political"),
    # Hiragana orientation words, living as another gender, a same-sex partner in brackets.
    ("うちの姉、れずびあんなんだ", "ja", "sexual_orientation"),
    ("息子が女の子として生きたいと打ち明けてくれました。", "ja", "sexual_orientation"),
    ("参加者：私とパートナー（同性）の2名です。", "ja", "sexual_orientation"),
    # The 障碍 spelling; injuries by their time to heal; dialysis misspelt; pregnancy test in kana.
    ("私は障碍者雇用枠で採用されました。", "ja", "disability"),
    ("弟が階段から落ちて全治3週間だそうです。", "ja", "health"),
    ("母の透折の日は休ませてください。", "ja", "health"),
    ("「にんしんけんさで陽性だった」と本人から連絡。", "ja", "health"),
    # Defamation online, being hit in kana; an offence of the arrested.
    ("私はネットで誹謗中傷を書かれて困っています。", "ja", "crime_victim"),
    ("弟がクラスの子になぐられた", "ja", "crime_victim"),
    ("会員の森さんが痴漢の疑いで逮捕されました。", "ja", "criminal_record"),
    ("「けいさつによばれた」と本人が話していた。", "ja", "criminal_record"),
    # English: candidacy and agents, campaigns against a cause, solidarity marches.
    ("My aunt stood as an independent candidate for the county council.", "en", "political"),
    ("Member works as election agent for the Green candidate.", "en", "political"),
    ("Our volunteer Dee is active in the anti-fracking campaign.", "en", "political"),
    ("I joined a Kurdish solidarity march on Sunday.", "en", "political"),
    # English: outcast districts, a peer's child by possessive, royalty, titled families.
    ("My grandmother's family were from an outcaste community near Osaka.", "en", "social_status"),
    ("Our new trustee is an earl's daughter.", "en", "social_status"),
    ("My cousin is minor royalty, believe it or not.", "en", "social_status"),
    # English: voluntary questioning, pleas, slang, hate graffiti, hormones, two fathers.
    ("My brother was taken in for voluntary questioning last night.", "en", "criminal_record"),
    ("Our driver Sam pleaded guilty to careless driving.", "en", "criminal_record"),
    ("my mate got done for speeding again", "en", "criminal_record"),
    ("Someone sprayed hate graffiti on my front door.", "en", "crime_victim"),
    ("My son is on testosterone through the clinic.", "en", "health"),
    ("Leo's both fathers will come to the parents' evening.", "en", "sexual_orientation"),
    # A burn in kana, with its particle or verb (not the Kansai 「〜やけど」).
    ("子どもがやけどして通院中です", "ja", "health"),
    # A third-person couple named with 様 (the name run took 様, a kanji, and lost its gender),
    # with その or は、 between the holder and the partner word.
    ("会員の森田綾香様と、奥様の森田美穂様のご来場です。", "ja", "sexual_orientation"),
    ("恵理子さんと、その妻の真帆さんが参加します。", "ja", "sexual_orientation"),
    ("会員の吉田大輔さんは、夫の吉田翔太さんと同居しています。", "ja", "sexual_orientation"),
    # Two given names of one gender wed (English).
    ("did you hear Emma and Sophie got married in June?", "en", "sexual_orientation"),
    ("Paul and James tied the knot last weekend, so cute", "en", "sexual_orientation"),
    # A negation after a cause is of another thing (「ラマダン中なので弁当は不要」).
    ("断食月(ﾗﾏﾀﾞﾝ)中なので、懇親会の食事はいりません。", "ja", "religion"),
    ("妻が妊娠中のため、飲み会の参加は不要です。", "ja", "health"),
    # Orientation in hiragana.
    ("うちの兄、げいなんだよね。家族はみんな知ってる", "ja", "sexual_orientation"),
    # The sex on a family register changed, said of a third person.
    ("My colleague Aiko had the sex on her koseki changed last year.", "en", "sexual_orientation"),
    # A search of someone's home by prosecutors or police.
    ("Prosecutors searched Mr. Ito's office and home on Monday.", "en", "criminal_record"),
    ("先週、兄が家宅捜索された。", "ja", "criminal_record"),
    # A people named with the country.
    ("My neighbour Halima is Somali Bantu.", "en", "race_ethnicity"),
]

NEGATIVES = [
    ("保守派と民主派の対立についての講演会を開催します。", "ja", "political"),
    ("Trump supporters and critics alike are welcome to the debate night.", "en", "political"),
    ("運動会にも参加します。", "ja", "political"),
    ("私でも行けるイベントですか？", "ja", "political"),
    ("学生運動の歴史展を見に行きました。", "ja", "political"),
    ("We marched the new hires through the safety drill.", "en", "political"),
    ("平家の末裔という伝説が残る村を旅しました。", "ja", "social_status"),
    ("ナイトの称号を持つ騎士が主人公の小説です。", "ja", "social_status"),
    ("皮革業の歴史についての講座です。", "ja", "social_status"),
    ("Ticket prices for the court noble costume exhibit rise in May.", "en", "social_status"),
    ("The museum has a room on samurai retainers and their armour.", "en", "social_status"),
    ("The novel follows a hereditary chief in 18th-century Ghana.", "en", "social_status"),
    ("きりすときょうの歴史について調べています。", "ja", "religion"),
    ("精神保健福祉手帳の制度についてのセミナーを開きます。", "ja", "disability"),
    ("手帳もちの方向けの割引はありますか？", "ja", "disability"),
    ("さぎの電話に注意しましょう、という回覧が来ました。", "ja", "crime_victim"),
    ("相談窓口を新設しました。", "ja", "crime_victim"),
    ("持病は特にないので、配慮は不要です。", "ja", "health"),
    ("ラマダンはありませんので、ご安心ください。", "ja", "religion"),
    ("部落問題の歴史についての講座を開きます。", "ja", "social_status"),
    ("同和対策事業の対象地域の変遷に関する論文を読みました。", "ja", "social_status"),
    ("せんきょの仕組みを子ども向けに説明する本です。", "ja", "political"),
    ("製品のリコール運動はしていません、回収のお知らせです。", "ja", "political"),
    ("私、完全に甘党なので差し入れはケーキがうれしいです", "ja", "political"),
    ("台風の被害で倉庫の屋根が壊れました。", "ja", "crime_victim"),
    ("犯罪被害者支援センターの相談窓口は平日のみです。", "ja", "crime_victim"),
    ("保護司会の総会のため会議室は使えません。", "ja", "criminal_record"),
    ("The election agent role is explained in chapter 3 of the handbook.", "en", "political"),
    ("We need a quote for a wheelchair ramp at the side door.", "en", "disability"),
    ("Does the policy cover leave for adoptive parents?", "en", "social_status"),
    ("Victim Support is recruiting volunteers this spring.", "en", "crime_victim"),
    ("ちょっと遅れるんやけど、ええ？", "ja", "health"),
    ("課長の署名、くずしすぎて読めんのやけど笑", "ja", "health"),
    ("会員の森田綾香様と、ご主人の森田誠様のご来場です。", "ja", "sexual_orientation"),
    ("高橋誠さんは、奥様の由紀さんと参加されます。", "ja", "sexual_orientation"),
    (
        "会員の高橋誠さんは、取引先のパートナーの中野さんと打ち合わせです。",
        "ja",
        "sexual_orientation",
    ),
    ("Mark and Sophie got married last summer.", "en", "sexual_orientation"),
    ("Paul and James are engaged in a long dispute over the fence.", "en", "sexual_orientation"),
    ("My health is fine, thanks for asking.", "en", "health"),
    ("The film shows prosecutors searched the mayor's office.", "en", "criminal_record"),
    ("Bantu languages are spoken across much of Africa.", "en", "race_ethnicity"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
