"""Issue 17, precision in an organisation's own texts and recall in personal writing, by class
of phrasing (branch h17gen18c): a rule on what members shall not do, a form with options, a
trivia question, a historic strike, a book column, a welfare note's heading, a market at a shrine
and a prayer asked for name no one's faith or politics; a party joined or canvassed for, a
teller, an election stood in, a march come home from, caste named in Igbo, a mistress's child,
hidden Christians by descent, a shahada taken and an adult adoption between partners are
someone's. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A party joined, canvassed or told for; an election stood in; a march come home from.
    ("My cousin joined the SNP after the referendum.", "en", "political"),
    ("Last week I knocked doors for our Green candidate in the rain.", "en", "political"),
    ("My grandad worked as a teller for the Tories at every election.", "en", "political"),
    ("Our treasurer Ruth Okafor stood as their candidate in Paisley in 2019.", "en", "political"),
    ("Dev came home from the protest with a sore throat and a grin.", "en", "political"),
    ("兄は去年、町議選ではなく市議選に出ました。", "ja", "political"),
    ("叔母は若いころ選挙に出たことがあるらしい。", "ja", "political"),
    ("母は地元で憲法改正反対の署名を集めています。", "ja", "political"),
    # Caste named in Igbo; a mistress's child.
    ("My grandmother's people were osu, and her suitors' families knew it.", "en", "social_status"),
    ("祖母は妾の子として肩身の狭い思いをしたそうだ。", "ja", "social_status"),
    # A faith taken or kept in the family line.
    ("My flatmate took his shahada at the mosque on Friday.", "en", "religion"),
    ("うちは隠れキリシタンの家で、祖父が古い祈りを覚えていた。", "ja", "religion"),
    ("私の家は代々、寺の家系です。", "ja", "religion"),
    # A same-sex ex-partner; an adult adoption between partners.
    ("兄は同性の元恋人といまも仲がいい。", "ja", "sexual_orientation"),
    ("叔母はパートナーの女性と養子縁組をして、同じ姓になった。", "ja", "sexual_orientation"),
    # A people named as what someone is.
    (
        "My stepfather is Ijaw and still fishes the creeks when he visits home.",
        "en",
        "race_ethnicity",
    ),
    (
        "Our neighbour Faridah is Malay and cooks for the whole street at Raya.",
        "en",
        "race_ethnicity",
    ),
]

NEGATIVES = [
    # An organisation's rule: what members shall not do, what the body will not do.
    ("会則第5条：会員は、本会の名義で政治活動をしてはならない。", "ja", "political"),
    ("本会は会員に選挙運動への参加を求めることはしません。", "ja", "political"),
    ("Members shall not use the society's name for political activity.", "en", "political"),
    (
        "Under standing order 12 a delegate may leave the hall for religious observance.",
        "en",
        "religion",
    ),
    # A form with options to tick.
    ("登録フォーム【宗教上の理由による食事制限】□ハラール　□コーシャ　□なし", "ja", "religion"),
    ("Booking form - meals, tick any that apply: halal, kosher, vegan", "en", "religion"),
    ("参加申込書：食事の希望（該当するものに○）ハラール・コーシャ・菜食", "ja", "religion"),
    # A trivia question about a historical office-holder; a historic strike.
    (
        "Quiz night: which prime minister was the first Catholic to hold the office?",
        "en",
        "religion",
    ),
    ("The exhibition shows photographs from the 1926 General Strike.", "en", "political"),
    # A law's name; politics and religion as a topic of talk.
    ("政治資金規正法の改正案について解説する記事を読んだ。", "ja", "political"),
    ("祖母は「宗教と政治の話は親戚の前でするな」が口癖だった。", "ja", "political"),
    ("At our table, politics and religion are banned subjects at Christmas.", "en", "political"),
    # A book column: the novel's characters.
    ("今月の一冊：被差別部落出身の青年を描いた名作を紹介します。", "ja", "social_status"),
    # A welfare note's heading names no one's welfare.
    ("Welfare note: Gordon Reilly broke his ankle at the allotment.", "en", "social_status"),
    # Raised by nuns, a fan's 信者, a request to pray, a festival as a time of year.
    ("I went to a boarding school and was taught by nuns until I was eleven.", "en", "religion"),
    ("新曲がよすぎて信者になりそう。", "ja", "religion"),
    ("Please keep my uncle in your prayers, his surgery is tomorrow.", "en", "religion"),
    ("My sister-in-law rings to complain every Diwali without fail.", "en", "religion"),
    ("You don't need to be religious to love the choir's carols.", "en", "religion"),
    # A market at a temple; a film night; a heritage open day.
    ("お寺の境内の手作り市で、器をひとつ買いました。", "ja", "religion"),
    ("Queer film night at the library on Friday, free entry.", "en", "sexual_orientation"),
    ("We took the kids round the castle on the heritage open day.", "en", "race_ethnicity"),
    # Homographs: a university, a bank teller, golf greens, a language.
    ("The best team in the league this year is OSU.", "en", "social_status"),
    ("She works as a teller for the Bank of Ireland.", "en", "political"),
    ("My brother joined the greens committee at his golf club.", "en", "political"),
    ("Her first language is Malay, so she translates for us.", "en", "race_ethnicity"),
    # The branch secretary as the one who answered.
    (
        "I asked about parking and the branch secretary told me to use the back lot.",
        "en",
        "political",
    ),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
