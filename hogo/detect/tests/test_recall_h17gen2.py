"""Issue 17, recall by class of phrasing, second round (branch h17gen2): the classes blind set 6
missed, each with hard negatives that reuse its words about nobody, an organisation, a topic or
a thing. None of these texts is from a labelled set.
"""

import pytest

from hogo.detect import scan

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
    ("My health is fine, thanks for asking.", "en", "health"),
    ("The film shows prosecutors searched the mayor's office.", "en", "criminal_record"),
    ("Bantu languages are spoken across much of Africa.", "en", "race_ethnicity"),
]


@pytest.mark.parametrize(("text", "lang", "category"), POSITIVES)
def test_each_class_is_found(text: str, lang: str, category: str) -> None:
    assert category in scan(text, lang=lang).categories


@pytest.mark.parametrize(("text", "lang", "category"), NEGATIVES)
def test_hard_negatives_of_each_class_are_not(text: str, lang: str, category: str) -> None:
    assert category not in scan(text, lang=lang).categories
