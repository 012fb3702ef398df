"""Issue 17, recall by class of phrasing, tenth round (branch h17gen10b): classes behind blind
set 12's misses and false positives in health, disability, a criminal record and a crime
suffered, each with hard negatives that reuse its words about nobody, about a topic or
hypothetically. Crimes suffered: violence named as a partner's or a parent's, things thrown at
someone, a secret spread about someone, a quoted insult used to taunt, words scrawled or posted
on someone's things, a person being swindled, mimicking someone (as hogo counts パワハラ).
Health and disability: a leave type named after the carer, the health check as an event, an
offence's name that says an injury was caused, treatment and work balanced as a support topic, a
disability certificate named by its kind, a certificate's grade said with a copula, dependence
said with its substance, hormone injections, a degree word before an ear's hearing, how much
theft there is somewhere, a survey's finding about a class. None of these texts is from a
labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # Violence named as a partner's or a parent's.
    ("My wife's violence got worse after the move, so I left.", "en", "crime_victim"),
    ("My father's violence is why I left home at sixteen.", "en", "crime_victim"),
    ("Her boyfriend's violence put her in the hospital twice.", "en", "crime_victim"),
    ("夫からの暴力が続いていて、実家に避難しています。", "ja", "crime_victim"),
    ("交際相手からの暴力で、今は友人の家にいます。", "ja", "crime_victim"),
    # Things thrown at someone.
    ("The shift leader threw a stapler at me during the meeting.", "en", "crime_victim"),
    ("He has thrown things at me twice this month.", "en", "crime_victim"),
    ("上司にファイルを投げつけられました。", "ja", "crime_victim"),
    ("先輩から物を投げつけられることがあります。", "ja", "crime_victim"),
    # A secret spread about someone; a record outed.
    ("My supervisor spread it around that I had been in prison.", "en", "crime_victim"),
    ("A coworker spread it around that he grew up in a children's home.", "en", "crime_victim"),
    ("同僚に前科をばらされて、職場にいづらくなりました。", "ja", "crime_victim"),
    # A quoted insult used to taunt someone.
    ("寮で「よそ者」とからかわれ続けています。", "ja", "crime_victim"),
    ("弟が職場で「のろま」と馬鹿にされています。", "ja", "crime_victim"),
    # Words scrawled or posted on someone's things.
    ("Someone scrawled insults on my car in the staff car park.", "en", "crime_victim"),
    ("A coworker scrawled slurs across her desk.", "en", "crime_victim"),
    ("車に落書きまでされました。", "ja", "crime_victim"),
    ("ドアに「出ていけ」と貼り紙されました。", "ja", "crime_victim"),
    # A person being swindled.
    ("A neighbour had been swindling my grandmother for months.", "en", "crime_victim"),
    # Mimicking someone.
    ("Two colleagues keep mimicking my stutter in meetings.", "en", "crime_victim"),
    ("My manager mimicked my accent in front of the whole team.", "en", "crime_victim"),
    ("吃音を理由に、朝礼で物まねをされました。", "ja", "crime_victim"),
    ("歩き方のものまねをされて笑われています。", "ja", "crime_victim"),
    # A disability certificate named by its kind; a grade said with a copula.
    ("I hold a mental health techo and work in the disability quota.", "en", "disability"),
    ("my mental disability certificate runs out in may", "en", "disability"),
    ("身体の手帳2級です、通勤経路を変える場合も申請が要りますか。", "ja", "disability"),
    ("療育の手帳4級です。配属先を変える場合の相談をしたいです。", "ja", "disability"),
    # Dependence said with its substance; hormone injections on a schedule.
    ("My son is in a clinic for alcohol dependence this month.", "en", "health"),
    ("I was treated for drug dependence in my twenties.", "en", "health"),
    ("I get hormone injections every three weeks, so I need that afternoon off.", "en", "health"),
    ("毎月ホルモン注射を受けているので、その日は午後休をください。", "ja", "health"),
    # A degree word between the ear and its hearing.
    ("右耳がほぼ聞こえないので、席は左側にしてください。", "ja", "disability"),
    # A survey beside someone named stays theirs.
    ("同僚がうつ病で休職しているという調査結果が出ました。", "ja", "health"),
    ("弟がうつ病で休職しています。調査によると珍しくないそうです。", "ja", "health"),
    ("父は片方の耳が全く聞こえないので、電話はできません。", "ja", "disability"),
]

# The writer's own case beside the words this round made neutral: they must stay found.
STILL_FOUND = [
    ("I was told at the health check that my blood pressure is high.", "en", "health"),
    ("I was injured in a crash caused by a drunk driver; my leg is in a cast.", "en", "health"),
    ("I'm on carer's leave because my son is autistic.", "en", "disability"),
    ("不妊治療中なので、通院日の休みを相談したいです。", "ja", "health"),
]

NEGATIVES = [
    # Violence as a topic, a film or a question about nobody.
    (
        "Our seminar covers how to respond when a husband's violence is reported.",
        "en",
        "crime_victim",
    ),
    ("The film is about a father's violence and its effect on a family.", "en", "crime_victim"),
    ("夫からの暴力に関する相談窓口の一覧はありますか。", "ja", "crime_victim"),
    # Throwing in sport or with no one hit.
    ("We threw a party for the new trainees last Friday.", "en", "crime_victim"),
    ("ボールを投げつけられた場合の保険の適用について教えてください。", "ja", "crime_victim"),
    # Spreading news that reveals nothing; a rumour in general.
    ("Please spread it around that the seminar moved to Room B.", "en", "crime_victim"),
    ("噂を言いふらす人への対応について研修はありますか。", "ja", "crime_victim"),
    # Quoted words said in jest of a thing; notices posted.
    ("もし「おばさん」とからかわれた場合、ハラスメントになりますか。", "ja", "crime_victim"),
    ("掲示板に「会場変更」と貼り紙されていますか。", "ja", "crime_victim"),
    ("He scrawled a note on the whiteboard for the next shift.", "en", "crime_victim"),
    ("落書きもされない綺麗な壁を保つ方法はありますか。", "ja", "crime_victim"),
    # Swindling as a topic.
    ("Is there training on spotting swindling schemes aimed at small firms?", "en", "crime_victim"),
    # Mimicry as a craft or as learning.
    ("The trainer asked us to mimic the model answers.", "en", "crime_victim"),
    ("新人研修で先輩の動きのものまねをする練習があります。", "ja", "crime_victim"),
    # A leave type, the health check as an event, an offence's name, a support topic.
    ("Does the company offer carer's leave, and how many days?", "en", "disability"),
    ("I'd like to move the date of my appointment at the health check.", "en", "health"),
    ("Members asked for a private room for changing at the health check.", "en", "health"),
    ("My brother was fined for negligent driving causing injury.", "en", "health"),
    ("治療と仕事の両立支援について、セミナーはありますか。", "ja", "health"),
    ("不妊治療と仕事の両立に関する助成金の案内をください。", "ja", "health"),
    # A certificate's grades as a topic; a grade of something else.
    ("精神の手帳は何級まであるのでしょうか。", "ja", "disability"),
    ("簿記は2級です、経理に応募する場合に有利ですか。", "ja", "disability"),
    # Dependence and hormones as topics; hearing as a room's acoustics; how much theft there is.
    ("Is there a seminar on alcohol dependence in the workplace?", "en", "health"),
    ("家畜へのホルモン注射の規制について教えてください。", "ja", "health"),
    ("後ろの席だと声がほぼ聞こえないので、マイクを用意してもらえますか。", "ja", "disability"),
    ("I heard there's a lot of theft at big venues; is there a cloakroom?", "en", "crime_victim"),
    # A survey's finding about a class of people.
    ("適応障害で休職する社員が増えているという調査結果を見ました。", "ja", "health"),
    ("パワハラで退職する人が多いとの調査があります。", "ja", "crime_victim"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES + STILL_FOUND, NEGATIVES
)
