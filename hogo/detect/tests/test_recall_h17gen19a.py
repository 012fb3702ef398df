"""Issue 17, precision in a recruiter's texts and in news comments by class of phrasing (branch
h17gen19a): a job candidate is no election candidate; a category asked about, collected or
named as a ground of refusal is no one's answer; a job's requirement, a faith's venue or event,
a figure of speech, a law's list of categories, an institution's act on a petition, a census
question, a provision for a class of people, an old register in an exhibit, a question to any
office-holder, a politician's relative and a rally by others name no one's faith, status or
politics. Party membership, a donation to a party and an election candidate stay political.
None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # An election candidate, told with the election after or before the word.
    ("兄は候補者の選挙事務所で電話かけをしていました。", "ja", "political"),
    ("父は県議選の候補者として街頭に立ちました。", "ja", "political"),
    ("叔母は〇〇党の候補者として出馬しました。", "ja", "political"),
    # A donation to a party, beside a faith word in the sentence.
    ("母は毎年〇〇党に献金をしていて、教会の会員でもあります。", "ja", "political"),
    ("My uncle donates to the party every spring.", "en", "political"),
    # Party membership in a letter or a profile.
    ("I've been a Labour member for twenty years and I'm ashamed of this.", "en", "political"),
    ("My neighbour is an SNP member and proud of it.", "en", "political"),
    ("My father was a paid-up member of the Liberal Democrats.", "en", "political"),
    # A same-sex marriage suit joined.
    ("姉は同性婚を求める訴訟に原告として加わっています。", "ja", "political"),
    # A category said of oneself, with no question asked.
    ("私の宗教は仏教で、毎朝お経をあげています。", "ja", "religion"),
    ("Islam is my religion and I pray five times a day.", "en", "religion"),
    # A man convicted or pardoned for a same-sex relationship; dating between women.
    ("Grandad was pardoned under the Turing law in 2017.", "en", "sexual_orientation"),
    ("祖父はかつて同性愛の罪で有罪になったと聞きました。", "ja", "sexual_orientation"),
    ("私たち、女同士で付き合って五年になります。", "ja", "sexual_orientation"),
    # Canvassing told as a habit; a party named after a membership word.
    ("My aunt knocked doors every election since the eighties.", "en", "political"),
    ("妹は選挙のたびにビラ配りを手伝っています。", "ja", "political"),
    ("She's been a paid-up member of Sinn Fein since college.", "en", "political"),
    # A birth out of wedlock, leaving a children's home, an industrial school.
    ("叔母は未婚のまま産んだ息子を一人で育てました。", "ja", "social_status"),
    ("私は児童養護施設を出てから、ずっと一人暮らしです。", "ja", "social_status"),
    ("My father was in the industrial school from the age of six.", "en", "social_status"),
    # A named person's faith, with a job word in the text.
    ("The postholder, Tom Reyes, is a practising Methodist.", "en", "religion"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # A job candidate in a recruiter's note.
    ("候補者は来月から勤務可能で、英語での接客経験があります。", "ja", "political"),
    ("候補者の田中さんは夜勤も問題ないとのこと。", "ja", "political"),
    ("The candidate can start in May and holds a forklift licence.", "en", "political"),
    ("母がブラジル出身の候補者。週末の勤務を希望。", "ja", "political"),
    # A category asked about, collected or named as a ground of refusal.
    ("面接で宗教を尋ねることは差別につながります。", "ja", "religion"),
    ("応募者の宗教を面接で尋ねることは禁止されています。", "ja", "religion"),
    ("本人の適性に関係のない宗教は質問しません。", "ja", "religion"),
    ("弊社は選考で人種に関わる質問は一切行いません。", "ja", "race_ethnicity"),
    ("宗教を理由に不採用とすることは認められません。", "ja", "religion"),
    ("思想・信条に関わる質問は面接で行わないでください。", "ja", "political"),
    # A law's or a policy's list of categories.
    ("規程：人種、信条、社会的身分などの情報は本人の同意なく取得しない。", "ja", "race_ethnicity"),
    ("応募書類には健康状態や宗教を書く欄はありません。", "ja", "religion"),
    # A job's stated requirement.
    ("Chaplain post: the postholder must be a committed Christian.", "en", "religion"),
    ("Applicants must be practising Muslims for this teaching role.", "en", "religion"),
    ("Office manager wanted. Knowledge of the Jewish calendar an advantage.", "en", "religion"),
    # A faith's venue or an event anyone may attend.
    ("The church cafe does a lovely scone on Fridays.", "en", "religion"),
    ("Is the community iftar on the green open to neighbours?", "en", "religion"),
    ("Is the jumble sale at the Methodist hall this Saturday?", "en", "religion"),
    ("寺カフェのランチ、予約はいりますか？", "ja", "religion"),
    ("墓じまいって、お寺の許可がいるんでしょうか？", "ja", "religion"),
    # A figure of speech.
    ("締切前の一週間は修行僧のような生活でした。", "ja", "religion"),
    ("Golf is my religion on Sundays, says my boss.", "en", "religion"),
    ("Her religion is fishing; don't call her before noon.", "en", "religion"),
    # What a word means, asked.
    ("What does LGBTQIA stand for exactly?", "en", "sexual_orientation"),
    ("SOGIって最近よく聞くけど、どういう意味ですか？", "ja", "sexual_orientation"),
    # An institution's act on a petition; a law debated.
    ("町議会は、選択的夫婦別姓を求める陳情を採択した。", "ja", "political"),
    ("The council adopted the petition on the bus lanes last night.", "en", "political"),
    ("Campaigners want to outlaw caste discrimination in hiring.", "en", "social_status"),
    # A census question; an old register in an exhibit.
    ("Why does the ethnicity question on the census keep changing?", "en", "race_ethnicity"),
    ("資料館で江戸時代の戸籍の展示を見ました。", "ja", "social_status"),
    # A provision for a class of people; a question asked in general.
    ("The scheme for care leavers opens in the autumn.", "en", "social_status"),
    ("生活保護って貯金があっても申請できるんですか？", "ja", "social_status"),
    ("養子縁組の手続きって、どれくらいかかりますか？", "ja", "social_status"),
    # A question to any office-holder; a politician's relative in the news.
    ("Would any MP put up with this commute?", "en", "political"),
    ("My son takes that bus; would any councillor send their own child on it?", "en", "political"),
    ("議員の息子が酒気帯び運転で摘発されたと報じられた。", "ja", "political"),
    # A rally by others the writer objects to; a complaint to a firm.
    ("My mother was upset by the rally outside the station.", "en", "political"),
    ("対応の遅さについて、御社に厳重に抗議します。", "ja", "political"),
    # A law or a pardon scheme as a topic; women friends travelling together.
    ("The Turing law was debated in the Lords this week.", "en", "sexual_orientation"),
    ("女同士で旅行に行ってきました。", "ja", "sexual_orientation"),
    # A party's or a school's name as a thing.
    ("The old industrial school is a museum now.", "en", "social_status"),
    ("Is that scarf tartan or plaid?", "en", "political"),
    # A faith's weekly meeting.
    ("日曜日は集会があるので、シフトは入れません。", "ja", "political"),
    # An employer's rule for same-sex partners.
    ("当社は同性パートナーも対象とする休暇制度を設けました。", "ja", "sexual_orientation"),
    ("来春から同性パートナーも配偶者と同じ手当の対象です。", "ja", "sexual_orientation"),
    ("Same-sex partners are eligible for the staff health plan.", "en", "sexual_orientation"),
]


test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
