"""Issue 17, recall by class of phrasing, third round (branch h17gen3a): the classes blind set 7
and dev25 missed in sexual orientation, social status, political opinion, race and religion,
each with hard negatives that reuse its words about nobody, an organisation, a topic or a thing.
None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A specific person's vote or party support is political opinion (信条).
    ("I vote Labour and always have.", "en", "political"),
    ("My dad always votes Tory, no matter what.", "en", "political"),
    ("My aunt voted for the Greens last time.", "en", "political"),
    ("Ms. Hill supports the Lib Dems and says so at every meeting.", "en", "political"),
    ("I support Ishin, for what it's worth.", "en", "political"),
    ("前の選挙、実は立憲に入れたんだよね", "ja", "political"),
    ("うちの親父は昔から自民しか入れへん", "ja", "political"),
    ("兄は維新を応援していて、集会にも顔を出しています。", "ja", "political"),
    ("祖母は毎回公明に投票しています。", "ja", "political"),
    ("私は共産党に一票を投じました。", "ja", "political"),
    # Running for an assembly, election help for a named candidate, rallies, sit-ins, recalls.
    ("Our secretary ran for the ward assembly last spring and lost.", "en", "political"),
    ("My cousin joined an anti-nuclear movement at university.", "en", "political"),
    ("Mr. Oda joins the Henoko sit-in whenever he can.", "en", "political"),
    ("Ms. Park is an authorised collector for the mayor recall petition.", "en", "political"),
    ("同僚の岡さんは田中候補の県議選のボランティアをしています。", "ja", "political"),
    ("会員の森様が、原発再稼働に反対する集会を主催されました。", "ja", "political"),
    ("兄が市長リコール署名の受任者になりました。", "ja", "political"),
    ("父は党の青年部で活動していました。", "ja", "political"),
    ("went to the climate solidarity marhc yesterday, so tired", "en", "political"),
    # Couples implied by two names and a household, a booking, a joint entry, or two grooms.
    (
        "Please book Mr. Ken Ota and Mr. Leo Hart into one double bed room.",
        "en",
        "sexual_orientation",
    ),
    ("List our household as Ms. Mia Rossi and Ms. Emi Sato, please.", "en", "sexual_orientation"),
    ("Mrs. Ann Lee and Ms. Joy Tan asked for the couples' discount.", "en", "sexual_orientation"),
    ("Mr. Ito and his partner Mr. Ben Cole want a joint membership.", "en", "sexual_orientation"),
    ("The grooms, Sam and Yuto, chose our hall for the reception.", "en", "sexual_orientation"),
    (
        "Note: she is in a relationship with a woman and asked us to keep it quiet.",
        "en",
        "sexual_orientation",
    ),
    ("He has been dating another man for two years.", "en", "sexual_orientation"),
    ("I put 'my wife' on the form, and yes, I'm a woman.", "en", "sexual_orientation"),
    (
        "中村拓也さんと小林健太さん（同居のパートナー）から会員登録がありました。",
        "ja",
        "sexual_orientation",
    ),
    (
        "佐々木直樹さんと松本浩さんが、家族会員での登録を希望されています。",
        "ja",
        "sexual_orientation",
    ),
    ("誠さんと旦那さんの隆さん、今度の旅行に来るって", "ja", "sexual_orientation"),
    ("会員紹介：山本美穂さん。妻の沙織さんとカフェを経営。", "ja", "sexual_orientation"),
    (
        "パートナーの美咲と同性婚の署名を集めています。（会員・井上智子）",
        "ja",
        "sexual_orientation",
    ),
    ("俺の彼氏も連れてっていい？", "ja", "sexual_orientation"),
    ("Our liaison Ms. Aoki was previously registered as Mr. Aoki.", "en", "sexual_orientation"),
    (
        "Ren and Kai are registering their partnership oath at city hall.",
        "en",
        "sexual_orientation",
    ),
    # Lineage by retainer or lord's house, honours, buraku origin by trade or by lists, titles.
    ("会計の村井さん、薩摩藩士の子孫なんだって", "ja", "social_status"),
    ("講師の前田様は旧加賀藩主前田家のご子孫です。", "ja", "social_status"),
    ("顧問の岡先生は文化功労者に選ばれています。", "ja", "social_status"),
    ("同期の子、昔皮革をやってた地区の出身らしい", "ja", "social_status"),
    ("Our chair Mr. Abe is descended from a Meiji-era baron.", "en", "social_status"),
    ("Our guest Mr. Ikeda is a descendant of the lords of Tosa.", "en", "social_status"),
    (
        "My uncle was turned down after they checked one of those lists of place names.",
        "en",
        "social_status",
    ),
    ("Baron von Hagen will attend; please address him without the title.", "en", "social_status"),
    ("His aunt worried he came from 'a certain district' in Kyoto.", "en", "social_status"),
    (
        "My grandfather headed the Buraku Liberation League branch in our town.",
        "en",
        "social_status",
    ),
    (
        "Applicant J. Mori's registered domicile is in a district people talk about.",
        "en",
        "social_status",
    ),
    ("曾祖父の欄に「士族」ってあった", "ja", "social_status"),
    # Descent in a field, peoples by name, ethnic Jewishness, heritage by hyphen, tsumei.
    ("Applicant: Argentine of Mapuche descent.", "en", "race_ethnicity"),
    ("I'm ethnically Jewish but I don't practise.", "en", "race_ethnicity"),
    ("Ms. Soto is Peruvian-Japanese and grew up in Gunma.", "en", "race_ethnicity"),
    ("Please print my tsumei on the badge, not my real name.", "en", "race_ethnicity"),
    ("私はベトナムのムオン族です。", "ja", "race_ethnicity"),
    ("母は中国残留孤児の二世です。", "ja", "race_ethnicity"),
    ("Our designer Ms. Le is French-Vietnamese.", "en", "race_ethnicity"),
    ("同僚のアナさんはカザフ系です。", "ja", "race_ethnicity"),
    # Baptism in kana said as done.
    ("先月せんれいを受けました！", "ja", "religion"),
    # dev26's classes: a Japanese party voted for in English, organising, study groups, 総連.
    ("My flatmate always votes Reiwa.", "en", "political"),
    ("My brother is an organizer for the opposition in Dhaka.", "en", "political"),
    ("Our intern Ms. Dolma is active in the Free Tibet campaign.", "en", "political"),
    ("Ms. Rao organizes anti-caste rallies every spring.", "en", "political"),
    ("友達に誘われて、維新の党の勉強会に入会しました。", "ja", "political"),
    ("叔父は若い頃、総連の青年組織で活動していました。", "ja", "political"),
    ("I'm running for the ward council as an independent.", "en", "political"),
    # Couples: romaji names, "X from Y here", くん with 彼氏, さん、奥さんの.
    ("Staff note: Mr. Ono lives with his partner Kenta and their dog.", "en", "sexual_orientation"),
    ("Hi, Daisuke from Acme here - may I bring my husband Kevin?", "en", "sexual_orientation"),
    ("営業の田中くん、彼氏と一緒に住んでるらしい", "ja", "sexual_orientation"),
    ("会員の恵美さん、奥さんの沙織さんと参加です", "ja", "sexual_orientation"),
    ("I'm ace, so dating apps are not for me.", "en", "sexual_orientation"),
    # Lineage: outcaste status in kana, yangban, royal blood, a noble house, a count grandfather.
    ("祖母は、うちは昔えた身分だったと言っていた", "ja", "social_status"),
    ("取引先の金さんは両班の家系だそうです。", "ja", "social_status"),
    ("会員の山本様はタイの王族の血筋だそうです。", "ja", "social_status"),
    ("伊達家の末裔っていう会員さんが来ます", "ja", "social_status"),
    ("Mr. Kujo comes from an old kazoku line.", "en", "social_status"),
    ("Ms. Saionji's great-grandfather was a count.", "en", "social_status"),
    # The Nichiren chant, Aum.
    ("毎朝お題目あげてから出勤してます", "ja", "religion"),
]

NEGATIVES = [
    # The election, the polling station, going to vote without a choice; votes on other things.
    ("The election is on Sunday; the hall is a polling station.", "en", "political"),
    ("I went to vote this morning before work.", "en", "political"),
    ("I voted for the new bylaws at the AGM.", "en", "political"),
    ("We need vote reform in the club's rules.", "en", "political"),
    ("選挙は日曜日です。投票所は公民館です。", "ja", "political"),
    ("今朝、投票に行ってきました。", "ja", "political"),
    ("資料はもうとうに入れてあります。", "ja", "political"),
    # Canvassing with no person, a letter's salutation, how-to questions, articles of association.
    ("Canvassing starts at 9 from the community hall.", "en", "political"),
    ("We canvassed members for their views on the new logo.", "en", "political"),
    ("後援会の皆様へ　総会のご案内です。", "ja", "political"),
    ("デモ行進の許可申請はどこに出せばいいですか。", "ja", "political"),
    ("定款上、政治活動や宗教活動を目的とする団体は入会できません。", "ja", "political"),
    ("The assembly ran for three hours.", "en", "political"),
    # Union membership and an association's youth section; a religious donation.
    ("Union member Sato asked about the parking permits.", "en", "political"),
    ("組合青年部の新人さん、まだ仕事に慣れていないみたいです。", "ja", "political"),
    ("The young guy from our union youth wing fixed the printer.", "en", "political"),
    ("姉が新興宗教の教団に献金していて心配です。", "ja", "political"),
    ("Political party leaflets are not allowed on the noticeboard.", "en", "political"),
    # Pairs of one gender that are no couple: colleagues, a twin room, a business partner.
    ("Mr. Sato and Mr. Ito will share a twin room at the conference.", "en", "sexual_orientation"),
    ("Ms. Ono and Ms. Ueda presented the household budget survey.", "en", "sexual_orientation"),
    ("He is in a relationship with a woman from Osaka.", "en", "sexual_orientation"),
    ("She has been dating a man from her gym.", "en", "sexual_orientation"),
    ("The grooms' changing room is on the second floor.", "en", "sexual_orientation"),
    ("佐藤健太さんと鈴木大輔さんが、来週の会議に出席します。", "ja", "sexual_orientation"),
    ("佐藤美香さんと鈴木拓也さん（ご同居）から家族会員の申請です。", "ja", "sexual_orientation"),
    ("会員紹介：山本美穂さん。夫の健一さんとカフェを経営。", "ja", "sexual_orientation"),
    ("The transition at work to the new payroll system is slow.", "en", "sexual_orientation"),
    # Lineage words about places and institutions, honours as a topic, quotes of a word.
    ("藩士の子孫が集まる会の会場を探しています。", "ja", "social_status"),
    ("文化功労者の選考基準について調べています。", "ja", "social_status"),
    ("The museum shows the daimyo family's armour.", "en", "social_status"),
    ("The word 'buraku' is explained in chapter 2.", "en", "social_status"),
    # Mapuche and ethnic words as topics; the Jewish calendar; religion as a topic of talk.
    ("We sell Mapuche silver jewellery at the fair.", "en", "race_ethnicity"),
    ("会員LINEでは政治や宗教の話題は控えてください。", "ja", "religion"),
    ("I'm not religious at all, just here for the food.", "en", "religion"),
    ("懇親会ではハラール対応の料理もご用意します。", "ja", "religion"),
    # Probes of this round's own rules.
    ("She organized the company parade for our anniversary.", "en", "political"),
    (
        "Mr. Sato and Mr. Ito asked for a joint entry in the doubles tournament.",
        "en",
        "sexual_orientation",
    ),
    ("Ms. Ono and Ms. Sato sit on our household budget team.", "en", "sexual_orientation"),
    ("He is living with a man from his old firm as a flatmate.", "en", "sexual_orientation"),
    ("佐藤健太さんと鈴木大輔さんは同居していません。", "ja", "sexual_orientation"),
    ("山田太郎さんと田中一郎さん、パートナー企業の担当です。", "ja", "sexual_orientation"),
    ("The grooms, Ken and Mary, thank you all for coming.", "en", "sexual_orientation"),
    ("自民に投票しよう！", "ja", "political"),
    ("How are you? I'm ace, thanks!", "en", "sexual_orientation"),
    ("What is a tsumei, and do I need one on the form?", "en", "race_ethnicity"),
    ("My daughter joined the anti-bullying committee at school.", "en", "political"),
    ("私は京都を旅行の候補に入れました。", "ja", "political"),
    ("I work at our prefectural branch office in Chiba.", "en", "political"),
    ("We compared the Heisei-era count of visitors with today's.", "en", "social_status"),
    # dev26's hard negatives.
    ("I'm ace at chess, so pick me for the team.", "en", "sexual_orientation"),
    (
        "Our company sponsors the Pride booth; list it on our member page.",
        "en",
        "sexual_orientation",
    ),
    ("The form says 'as on your koseki' for the name field.", "en", "social_status"),
    ("The keynote is by the Minister of Health, Labour and Welfare.", "en", "social_status"),
    ("Our client is a religious corporation; which invoice format applies?", "en", "religion"),
    ("会場に礼拝スペースはありますか？FAQに載せたいので", "ja", "religion"),
    ("ハラール対応のお弁当は事前申込制です。", "ja", "religion"),
    ("Reminder: halal bento must be requested by Friday.", "en", "religion"),
    ("理事の選挙に立候補するには推薦が必要ですか？", "ja", "political"),
    ("I voted for the blue logo in the staff poll.", "en", "political"),
    ("Ms. Kujo is descended from a count, and that is all we know.", "en", "race_ethnicity"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
