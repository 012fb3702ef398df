"""Issue 17, recall by class of phrasing, ninth round (branch h17gen9b): classes behind blind
set 11's and dev33's misses and false positives in health, disability, a criminal record and a
crime suffered, each with hard negatives that reuse its words about nobody, about a topic or
hypothetically. Set 11: a theft told as a cause, a purchase that turned out a fraud,
property smashed or broken open, defamation posted about someone, a suspect named by the offence,
a youth sent to family court, news of an unnamed employee, "if an applicant", one of a class
named, one person by role, sex and age bracket, the disability employment rate, wheelchairs a
venue lends. dev33: a headscarf pulled, tyres slashed, sexual messages received, slurs hurled, a
home broken into, a DV survivor, a bruise, an arrest with the police as agent, a summary order,
うつが悪化, a term's facts written on a form, "after" as no compound, an organisation asked
whether it checks records, a pause called a break, the exhibitor manual, a loanword before a
topic noun (車いすバスケットボール大会). None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A theft in the Japanese passive past, told as a cause (〜たから, 〜たので, 〜たけど), or heard
    # of (〜たとのこと, 〜たそうです) about someone named by role.
    ("自転車盗まれたので、今日は遅れます。", "ja", "crime_victim"),
    ("スマホ盗まれたけど、なんとか来られました。", "ja", "crime_victim"),
    ("バイク盗まれたから電車で行きます。", "ja", "crime_victim"),
    ("父が前の職場で財布を盗まれたそうです。", "ja", "crime_victim"),
    ("研修生の方、更衣室で現金を盗まれたとのこと。", "ja", "crime_victim"),
    # A purchase paid for, then the fraud said as what it turned out to be.
    ("I paid for a training course online and it was a scam.", "en", "crime_victim"),
    (
        "Ordered a phone from a social media ad, never arrived — complete scam.",
        "en",
        "crime_victim",
    ),
    ("フリマアプリで買ったチケットが偽物で、詐欺でした。", "ja", "crime_victim"),
    ("ネットで注文した商品が届かず、詐欺だったと分かりました。", "ja", "crime_victim"),
    # Property smashed, trashed or broken open.
    ("Someone smashed up my car outside the venue last week.", "en", "crime_victim"),
    ("My ex smashed my phone during an argument.", "en", "crime_victim"),
    ("A coworker trashed my desk after the argument.", "en", "crime_victim"),
    ("They smashed his locker and took his tools.", "en", "crime_victim"),
    ("ロッカーを壊されて、私物がなくなりました。", "ja", "crime_victim"),
    ("弟が駐輪場で自転車も壊されました。", "ja", "crime_victim"),
    ("寮の部屋の鍵をこじ開けられました。", "ja", "crime_victim"),
    # Defamation posted about someone.
    ("My ex kept posting defamatory comments about me on Facebook.", "en", "crime_victim"),
    ("My sister's former manager posted defamatory reviews about her.", "en", "crime_victim"),
    ("Someone is spreading lies about me at work.", "en", "crime_victim"),
    # A suspect named by the offence; a youth sent to family court.
    ("Police now treat my cousin as a robbery suspect.", "en", "criminal_record"),
    ("Our intern is being looked at as a theft suspect.", "en", "criminal_record"),
    ("My brother was referred to family court when he was 15.", "en", "criminal_record"),
    ("I went to family court as a teenager for shoplifting.", "en", "criminal_record"),
    # One of a class of people named after it.
    ("Three deaf participants signed up; one of them is our intern Sato.", "en", "disability"),
    ("Two wheelchair users are coming (one is our trainee Mori).", "en", "disability"),
    ("車椅子の方が2名参加予定です（うち1名は研修生の伊藤さん）。", "ja", "disability"),
    # One person by role, then sex and age bracket in brackets.
    ("参加者の女性（30代）は糖尿病で通院中とのこと。", "ja", "health"),
    ("相談者（50代女性）、うつ病で休職中。", "ja", "health"),
    # dev33: a headscarf pulled or grabbed; tyres slashed; sexual messages received; slurs hurled;
    # a home broken into; accosted; a DV survivor; "kept following me … after".
    ("A woman grabbed my headscarf on the train and laughed.", "en", "crime_victim"),
    ("Someone slashed our bike tyres in the car park.", "en", "crime_victim"),
    ("My supervisor keeps sending me explicit messages at night.", "en", "crime_victim"),
    ("上司から性的な画像を送りつけられました。", "ja", "crime_victim"),
    ("研修で同僚から暴言を浴びせられました。", "ja", "crime_victim"),
    ("夜中に元交際相手に部屋に押し入られました。", "ja", "crime_victim"),
    ("会場で酔っ払いに絡まれて怖かったです。", "ja", "crime_victim"),
    ("As a DV survivor I need my address kept off every list.", "en", "crime_victim"),
    ("A man kept following me after the seminar and sending me messages.", "en", "crime_victim"),
    ("He keeps sending sexual messages to my sister.", "en", "crime_victim"),
    # An arrest with the police as agent beside a crime suffered; a fine by summary order.
    (
        "Our driver was robbed, fought back, and the police arrested him too.",
        "en",
        "criminal_record",
    ),
    ("My brother got a summary order for a traffic offence.", "en", "criminal_record"),
    # A bruise on a body part; depression said short with a worsening.
    ("She still has bruises on her arms from the fall.", "en", "health"),
    ("うつが悪化して休職しています。", "ja", "health"),
    # The suspect of an offence: the offence is the suspect's.
    ("弊社の元社員が横領事件の容疑者だと警察から連絡がありました。", "ja", "criminal_record"),
    # A bail hearing of someone; a bruise on a body part in Japanese.
    ("My cousin's bail hearing is next week.", "en", "criminal_record"),
    ("転んで腕にあざができました。", "ja", "health"),
    ("父が転んで腕にあざができたので、応急処置をしました。", "ja", "health"),
    # The term's facts written by the writer on a form.
    ("持病の糖尿病のことを申込書に記入しましたが、削除をお願いします。", "ja", "health"),
]

NEGATIVES = [
    # A theft as advice, a likelihood or a how-to.
    ("盗まれたらすぐに警察へ届けてください。", "ja", "crime_victim"),
    ("盗まれそうな場所には置かないでください。", "ja", "crime_victim"),
    ("盗まれたそうですが、犯人はまだ見つかっていないようです。", "ja", "crime_victim"),
    ("盗まれた自転車の届け出方法を教えてください。", "ja", "crime_victim"),
    # A fraud asked about, prevented or studied, with a purchase nearby.
    ("Bought a course online — scam?", "en", "crime_victim"),
    ("ネットで買った教材は詐欺ですか？", "ja", "crime_victim"),
    ("買い物の詐欺を防ぐ方法を教えてください。", "ja", "crime_victim"),
    ("We bought tickets for the seminar on investment scams.", "en", "crime_victim"),
    ("I read a book on how to avoid a scam.", "en", "crime_victim"),
    ("We ordered posters warning members: it's a scam, don't reply.", "en", "crime_victim"),
    ("ネットで買った本に「詐欺でした」という章があります。", "ja", "crime_victim"),
    # An injury, a demolition, a replacement.
    ("I smashed up my knee skiing in January.", "en", "crime_victim"),
    ("古いロッカーを壊して新しいものに入れ替えます。", "ja", "crime_victim"),
    ("古い校舎が壊されました。", "ja", "crime_victim"),
    # Property the writer broke themselves.
    ("I smashed my phone on the stairs, so call the office number.", "en", "crime_victim"),
    ("I dropped and smashed my laptop, can I get the slides on paper?", "en", "crime_victim"),
    ("I smashed up my car in January but I'm fine.", "en", "crime_victim"),
    # Defamation as a legal question or a course's topic.
    ("Is a negative review defamatory under Japanese law?", "en", "crime_victim"),
    ("The seminar covers defamatory posts and how companies respond.", "en", "crime_victim"),
    ("I think that article is defamatory about our company.", "en", "crime_victim"),
    # A suspect in the news; family court for a family matter; a conviction of anyone.
    ("Police released a photo of the robbery suspect.", "en", "criminal_record"),
    ("The news said the arson suspect was caught in Osaka.", "en", "criminal_record"),
    ("Our custody case was sent to family court last year.", "en", "criminal_record"),
    ("My divorce went to family court.", "en", "criminal_record"),
    ("If an applicant had a conviction, could we refuse to hire them?", "en", "criminal_record"),
    ("If an exhibitor was arrested, would the fair tell us?", "en", "criminal_record"),
    # News of an unnamed employee, told as what the news said.
    ("会員企業の社員が逮捕されたってニュース本当ですか？", "ja", "criminal_record"),
    ("取引先の社員が詐欺で逮捕されたという報道がありました。", "ja", "criminal_record"),
    ("取引先の社員が詐欺で逮捕されたという報道がありました。", "ja", "crime_victim"),
    # A class of people with no one named; a crowd by sex and age.
    ("Two wheelchair users registered (one is from Osaka).", "en", "disability"),
    ("Two wheelchair users registered, one is coming by bus.", "en", "disability"),
    ("車椅子の方が2名参加予定です（うち1名は大阪から）。", "ja", "disability"),
    ("来場者は男性（40代）が多く、腰痛の相談が目立ちました。", "ja", "health"),
    # A quota and a venue's wheelchairs.
    ("I heard the disability employment rate is going up. Any seminars on it?", "en", "disability"),
    ("Is the venue step-free, and do you lend wheelchairs?", "en", "disability"),
    ("Does the hall rent out wheelchairs?", "en", "disability"),
    # dev33: sexual messages as a rule or a conditional; a break-in when it happens; a police
    # arrest in a film; a summary order defined; a bruise on a thing; a pause in an exam; blind
    # to a skill; an organisation asked whether it checks; depression prevented; the exhibitor
    # manual.
    ("性的なメッセージを送ることは禁止されています。", "ja", "crime_victim"),
    ("性的なメッセージが送られてきた場合は、運営に通報してください。", "ja", "crime_victim"),
    ("Sexual messages sent to members are a breach of the code.", "en", "crime_victim"),
    ("Sending sexual messages to members breaks the code of conduct.", "en", "crime_victim"),
    ("I'm blind without my glasses, so please send large-print papers.", "en", "disability"),
    ("部屋に押し入られた場合の対処法を学ぶ講座です。", "ja", "crime_victim"),
    ("酔っ払いに絡まれないようにするコツは？", "ja", "crime_victim"),
    ("The DV survivor support seminar is on Friday.", "en", "crime_victim"),
    ("The police arrested him in the film's last scene.", "en", "criminal_record"),
    ("What is a summary order in Japanese criminal law?", "en", "criminal_record"),
    ("There is a bruise on my laptop case.", "en", "health"),
    ("Is there a prayer break in the exam?", "en", "crime_victim"),
    ("I'm totally blind when it comes to accounting software.", "en", "disability"),
    ("Do you check criminal records of volunteers?", "en", "criminal_record"),
    ("うつが悪化しないための職場づくりセミナー", "ja", "health"),
    ("The exhibitor manual lists first aid for injured visitors.", "en", "health"),
    ("障害者手帳の情報を申込書に書いた場合、どう管理されますか。", "ja", "disability"),
    # A suspect's offence is no crime suffered; a suspect with no one named.
    ("弊社の元社員が横領事件の容疑者だと警察から連絡がありました。", "ja", "crime_victim"),
    ("詐欺の容疑者の特徴を教えてください。", "ja", "criminal_record"),
    # A bail hearing with no one; a bruise as a first-aid question.
    ("The bail hearing rules changed this year.", "en", "criminal_record"),
    ("What happens at a bail hearing in Japan?", "en", "criminal_record"),
    ("顔にあざができたときの応急処置を教えてください。", "ja", "health"),
    # A loanword between the term and a topic noun (a wheelchair sport's tournament).
    ("車いすバスケットボール大会に協賛したいのですが。", "ja", "disability"),
    ("車いすユーザー向けのセミナーはありますか。", "ja", "disability"),
]

# What stays: the writer's own case beside the same words.
STILL_FOUND = [
    ("同僚が逮捕されたってニュースで知りました。", "ja", "criminal_record"),
    ("An applicant told us he has a conviction for theft.", "en", "criminal_record"),
    ("Could you lend me a wheelchair for my father?", "en", "disability"),
    ("息子は車いすバスケの選手です。", "ja", "disability"),
    ("母は糖尿病で、インスリンポンプのセミナーに参加したいそうです。", "ja", "health"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES + STILL_FOUND, NEGATIVES
)
