"""Issue 17, recall by class of phrasing, fourth round (branch h17gen4b): the classes of health,
disability, criminal record and crime victim that blind set 8 and dev28 missed or flagged wrongly,
each with hard negatives that reuse its words about nobody, an event, a drawing or a word being
translated. None of these texts is from a labelled set.
"""

import pytest

from hogo.detect import scan

# (text, language, category)
POSITIVES = [
    # Groping said by the body part touched.
    ("飲み会で先輩に体を触られて、それ以来行けていません。", "ja", "crime_victim"),
    ("電車でお尻を触られたので駅員に伝えました。", "ja", "crime_victim"),
    ("A customer touched her inappropriately at the stand on Friday.", "en", "crime_victim"),
    ("my manager inappropriately touched me at the party", "en", "crime_victim"),
    # The bereaved of a drunk or hit-and-run driver's victim.
    ("父を飲酒運転の事故で亡くしました。", "ja", "crime_victim"),
    ("叔母は去年ひき逃げされて入院しています。", "ja", "crime_victim"),
    ("Her son was killed by a drunk driver two years ago.", "en", "crime_victim"),
    ("My cousin was hit by a drunk driver on his bike.", "en", "crime_victim"),
    # An assault on a named person, the offender named too.
    ("警備の山口さんへの暴行で逮捕された男は元取引先の社員でした。", "ja", "crime_victim"),
    ("The driver was convicted of assaulting our caretaker Mr. Hale.", "en", "crime_victim"),
    ("My ex was arrested for hitting me, so I moved out.", "en", "crime_victim"),
    # Threatening or anonymous letters received; an identity used.
    ("Our treasurer received anonymous letters threatening to expose her.", "en", "crime_victim"),
    ("自宅に脅迫状が届き、警察に相談しています。", "ja", "crime_victim"),
    ("someone used my identity to open two phone contracts", "en", "crime_victim"),
    # Belongings stolen said with the object, another person's prosecution in the sentence.
    ("更衣室で財布を盗まれ、清掃業者が窃盗容疑で逮捕されました。", "ja", "crime_victim"),
    # A role named casually or newly; casual past tense of a person's doing.
    ("うちの課長、先週酒気帯びで捕まったらしい", "ja", "criminal_record"),
    ("あの人って昔、傷害で服役してたらしいよ", "ja", "criminal_record"),
    ("Our new employee uses a wheelchair and asked about the lift.", "en", "disability"),
    ("Our sales rep broke his ankle on the stairs last week.", "en", "health"),
    # Detained at a protest, reporting back to the police on bail.
    ("I was detained after the march and must report back to the police on Friday.", "en",
     "criminal_record"),
    # A disability certificate by its kind; a job under the quota; injuries said casually.
    ("Mr. Ota's psychiatric disability certificate runs until March.", "en", "disability"),
    ("Ms. Lee was hired under the disability quota last year.", "en", "disability"),
    ("my brother cracked a rib playing rugby", "en", "health"),
    ("Our client is in drug treatment and asks for morning sessions.", "en", "health"),
    # A due date with its month or season.
    ("I'm due in April so I'll miss the summer course.", "en", "health"),
    # A title ends no sentence: the fiction or the person before it still counts.
    ("Dr. Sato told me I have asthma.", "en", "health"),
]

# (text, language, category): the same words about nobody in particular.
NEGATIVES = [
    ("I'm due in the office at nine tomorrow.", "en", "health"),
    ("I'm due in court as a juror next week.", "en", "health"),
    ("おじいさんが杖をついて歩く場面を描きました。", "ja", "disability"),
    ("I drew a scene of a man in a wheelchair at the station.", "en", "disability"),
    ("研修の事例は架空のもので、横領で逮捕される経理部長が登場します。", "ja", "criminal_record"),
    ("The role-play uses a fictional applicant Mr. B who has a criminal record.", "en",
     "criminal_record"),
    ("犯罪被害者支援センターから、研修会の案内が届きました。", "ja", "crime_victim"),
    ("We added Victim Support to the list of local contacts.", "en", "crime_victim"),
    ("会員企業向けに、ハラスメント被害の相談窓口を設けました。", "ja", "crime_victim"),
    ("営業の佐藤さん、逮捕されて今は休職中です。", "ja", "health"),
    ("総務の井上さん、市長選に出馬するため休職します。", "ja", "health"),
    ("保健所でHIVの無料検査会が開かれます。", "ja", "health"),
    ("授乳室はどなたでも使えます。服薬などにもご利用ください。", "ja", "health"),
    ("標準的な車いすが通れる幅か確認してください。", "ja", "disability"),
    ("刑務所出所者を雇用する企業向けの説明会です。", "ja", "criminal_record"),
    ("A programme for hiring people released from prison starts in May.", "en",
     "criminal_record"),
    ("Ms. Walker will chair the meeting.", "en", "disability"),
    ("Ms. Faith Ito is our new contact.", "en", "religion"),
    ("友人に避けられている気がします。", "ja", "crime_victim"),
    ("支援を受けられていない地域があります。", "ja", "crime_victim"),
    ("骨折したのでしばらく松葉杖です。", "ja", "disability"),
    ("I sprained my ankle and I'm on crutches for a few weeks.", "en", "disability"),
    ("What's the English word for 障害年金?", "en", "disability"),
    ("「前科」は英語で何と言いますか？", "ja", "criminal_record"),
    ("手話通訳付きの回を来年度に増やします。", "ja", "disability"),
]


@pytest.mark.parametrize(("text", "lang", "category"), POSITIVES)
def test_each_class_is_found(text: str, lang: str, category: str) -> None:
    assert category in scan(text, lang=lang).categories


@pytest.mark.parametrize(("text", "lang", "category"), NEGATIVES)
def test_hard_negatives_of_each_class_are_not(text: str, lang: str, category: str) -> None:
    assert category not in scan(text, lang=lang).categories
