"""Issue 17, crime-victim recall and precision by class (branch h17gen17b): money lost to a
fraudster told as a story, a card or money taken by a carer or classmate, a break-in told in
chat, threats and abuse (threatening to out or expose someone, hate mail, spitting, a slap,
abuse posted or images spread), property torched, a flat cuckooed, a bag that "got nicked";
and the hard negatives: a scheme, ordinance or service named by a category word, a question
about how a scheme works, the victim of someone else's offence, idioms and jokes, a trend
warning, the offence one is arrested or investigated for. None of these texts is from a
labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Money lost to a fraudster told as a story.
    (
        "A caller posing as the bank talked him into moving his savings to a safe account.",
        "en",
        "crime_victim",
    ),
    ("My aunt paid a builder £2,000 up front and he vanished.", "en", "crime_victim"),
    ("兄は、知り合った女性に50万円を貸したまま連絡が取れなくなりました。", "ja", "crime_victim"),
    ("祖母は「絶対もうかる」と言われて定期預金を解約していました。", "ja", "crime_victim"),
    # A card or money taken by a carer or a classmate.
    ("Her cleaner took her bank card and emptied the account.", "en", "crime_victim"),
    ("Priya's card got cloned at a petrol station last month.", "en", "crime_victim"),
    ("父は訪問介護の人に財布から現金を抜かれていたようです。", "ja", "crime_victim"),
    ("うちの娘、部活の先輩にお金とられてたらしい", "ja", "crime_victim"),
    # A break-in told in chat.
    ("旅行から帰ったら玄関の鍵こわされてて、スマホとられてた", "ja", "crime_victim"),
    # Threats and abuse.
    ("My flatmate's ex is threatening to expose her to her boss.", "en", "crime_victim"),
    ("Since the interview my dad has been getting hate mail at work.", "en", "crime_victim"),
    ("Her landlord keeps sending threats about the deposit.", "en", "crime_victim"),
    ("A man in the queue spat on my coat and walked off.", "en", "crime_victim"),
    ("弟がアルバイト先の店長に平手打ちされました。", "ja", "crime_victim"),
    ("姉は掲示板に悪口を書き込まれて、しばらく寝込んでいます。", "ja", "crime_victim"),
    ("妹の写真をSNSで拡散されて、学校に行けなくなりました。", "ja", "crime_victim"),
    # Property torched, a flat cuckooed, a bag nicked, a creep following someone.
    ("Jamal's van got torched outside his mum's house.", "en", "crime_victim"),
    ("My brother has been cuckooed by a gang and sleeps at ours now.", "en", "crime_victim"),
    ("Gran's purse got nicked on the bus yesterday.", "en", "crime_victim"),
    ("Some creep followed Lauren from the bus stop twice this week.", "en", "crime_victim"),
    # The offence one is arrested or investigated for is a record.
    ("叔父が盗撮で逮捕されたと聞きました。", "ja", "criminal_record"),
    ("My neighbour got two years for a hit and run in 2019.", "en", "criminal_record"),
    ("Word is the police are investigating him over the club's accounts.", "en", "criminal_record"),
    # Disability and health in casual words.
    ("Auntie Grace has a PWD ID so she gets the discount.", "en", "disability"),
    ("My uncle has had aphasia since his accident.", "en", "disability"),
    ("うちの兄、足の障害があって長く歩けないんだ", "ja", "disability"),
    ("りょう先輩、ホルモンはじめてから体調いいって", "ja", "health"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # A scheme, ordinance or service named by a category word.
    ("市は犯罪被害者等支援条例の素案について意見を募集しています。", "ja", "crime_victim"),
    ("The guide is also available as a braille version at the front desk.", "en", "disability"),
    ("議会だよりの点字版は図書館で受け取れます。", "ja", "disability"),
    ("JOB: support worker vacancy, part time, apply by Friday.", "en", "disability"),
    ("歩道に自転車が置かれていて車いすが通れない、との通報がありました。", "ja", "disability"),
    # A question about how a scheme works.
    ("Who decides eligibility for the disabled parking permit?", "en", "disability"),
    ("Does our insurance cover physiotherapy? Writing the staff handbook.", "en", "health"),
    ("療育手帳って何年ごとに更新だっけ？", "ja", "disability"),
    ("障害年金って何年分さかのぼれるの？", "ja", "disability"),
    ("健康診断の結果ってどこまで見られるの？一般論として", "ja", "health"),
    # The victim of someone else's offence.
    ("弟は被害者への弁償のためにアルバイトを増やしました。", "ja", "crime_victim"),
    # Idioms, jokes and trend warnings.
    ("そんな値上げ、泥棒に追い銭だよ。", "ja", "crime_victim"),
    ("The umpire robbed us blind in the last over.", "en", "disability"),
    ("Jail time for whoever took the last biscuit.", "en", "criminal_record"),
    ("このケーキ一人で食べたの？逮捕案件だよ", "ja", "criminal_record"),
    ("駅前で自転車の盗難が増えています。鍵をかけましょう。", "ja", "crime_victim"),
    # An offender's act, not suffered.
    ("叔父は痴漢で逮捕されたことがあります。", "ja", "crime_victim"),
    ("He served time for a DUI hit and run.", "en", "crime_victim"),
    ("My cousin heard the police are investigating him for fraud.", "en", "crime_victim"),
    ("兄は同僚の車を傷つけたとして書類送検されました。", "ja", "crime_victim"),
    # Another sense of a new phrase.
    ("My sister talked me into joining the choir.", "en", "crime_victim"),
    ("「絶対もうかる」という話は疑ってください。", "ja", "crime_victim"),
    ("The ref's decision got torched by the pundits.", "en", "crime_victim"),
    ("祖母は戦争のとき日本に逃げてきたと話していました。", "ja", "crime_victim"),
]

test_positive, test_negative = table_tests(POSITIVES, NEGATIVES)
