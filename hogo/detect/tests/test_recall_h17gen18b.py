"""Issue 17, crime-victim, health and disability recall by class in desk logs and school records
(branch h17gen18b): a customer desk's or claims team's record names its customer (お客様 under
a desk heading, "Customer uses …", "Insured was …"), a crime that names its victim as the
object ("spat at him"), damage, card misuse and a fraudster's cover told as events, school
nurses' and claims staff's shorthand for medication and stays; and the hard negatives: the
offence one is charged with or tried for, a scam warning, training material and adverts, a
product's cover, the writer's own future as a hypothetical, a firm's partner, a stance on a
procedure. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    # A desk's record names its customer.
    ("窓口報告：お客様は駅の階段でひったくりに遭い、通帳を取られた。", "ja", "crime_victim"),
    ("来店記録：人工透析を受けているお客様。待ち時間を短くするよう配慮した。", "ja", "health"),
    ("来店記録：左足に障害があり両松葉杖のお客様。1階で対応。", "ja", "disability"),
    ("Customer is registered blind and wants statements read out by phone.", "en", "disability"),
    ("Insured was admitted with pneumonia and missed two payments.", "en", "health"),
    # A crime that names its victim as the object; damage, card misuse, a fraudster's cover.
    ("A stranger at the ticket barrier spat at him and ran off.", "en", "crime_victim"),
    ("Somebody knocked the phone out of her hand and stamped on it.", "en", "crime_victim"),
    ("Her neighbour's van was daubed with slurs overnight.", "en", "crime_victim"),
    ("His lodger had been withdrawing cash with his card since spring.", "en", "crime_victim"),
    ("My dad was hit by a driver who didn't stop on the ring road.", "en", "crime_victim"),
    (
        "祖父は「市役所の職員」と名乗る男にキャッシュカードを渡してしまいました。",
        "ja",
        "crime_victim",
    ),
    ("兄は闇金から借りて、毎日のように取り立てられていました。", "ja", "crime_victim"),
    ("叔母は元ヘルパーに年金を勝手に引き出されていました。", "ja", "crime_victim"),
    # School and claims shorthand: medication, stays.
    ("R.T. (Y9) has been prescribed sertraline by the GP; mum informed.", "en", "health"),
    ("Our son spent a month as an inpatient after his eating disorder worsened.", "en", "health"),
    ("My sister had a termination last spring and is still low.", "en", "health"),
    ("Dev (Y12) has started HRT and feels much calmer.", "en", "health"),
    ("娘は抗うつ薬を処方されていて、朝が起きづらいです。", "ja", "health"),
    ("Our tenant receives PIP and asked for letters in large print.", "en", "disability"),
    # Violence and thefts told in chat or a pastoral log.
    ("昨日スマホ盗まれたわ、最悪。警察行ってくる", "ja", "crime_victim"),
    ("弟はバイト先の先輩に頭を叩かれていたそうです。", "ja", "crime_victim"),
    ("息子はネットで知り合った相手に3万円を払わされていました。", "ja", "crime_victim"),
    ("The foreman beat him with a broom handle for being late.", "en", "crime_victim"),
    ("Sam (Y10) was punched in the face outside the chip shop.", "en", "crime_victim"),
    ("J.R. (Y8) says her dad hit her mum again on Sunday.", "en", "crime_victim"),
    ("Mrs Khan thanked us for the flowers after the attack on her mosque.", "en", "crime_victim"),
    ("A.B. (Y6) wears hearing aids in both ears; the spare is in the office.", "en", "disability"),
    # A record told by a trial or a curfew, or under a confidential memo's mark.
    (
        "人事メモ（取扱注意）：営業課 村井、先週末に酒気帯び運転で現行犯逮捕。",
        "ja",
        "criminal_record",
    ),
    ("My cousin is currently on trial for the warehouse fire.", "en", "criminal_record"),
    ("Pete is subject to a curfew until June under his licence.", "en", "criminal_record"),
]

# (text, language, category it must not find)
NEGATIVES = [
    # The offence one is charged with or tried for is no crime suffered.
    ("同僚の父親が詐欺の容疑で逮捕されたそうです。", "ja", "crime_victim"),
    ("My uncle served his sentence for robbery in the nineties.", "en", "crime_victim"),
    ("Her brother is on trial at the county court for the assault.", "en", "crime_victim"),
    # A scam warning, a scheme, training material and adverts.
    ("当社を装ったフィッシングメールが確認されています。ご注意ください。", "ja", "crime_victim"),
    ("Is the scam reimbursement scheme open to business accounts?", "en", "crime_victim"),
    (
        "Training scenario 2: a caller says her card was stolen. What do you check first?",
        "en",
        "crime_victim",
    ),
    (
        "研修用サンプル：「口座が凍結されました」というメールはすべて詐欺です。",
        "ja",
        "crime_victim",
    ),
    ("Storyboard: a dad visits his daughter in hospital with balloons.", "en", "health"),
    ("新CMの絵コンテ：入院中の祖父を孫が見舞う場面。", "ja", "health"),
    # A product's cover; the writer's own future as a hypothetical.
    ("The Gold plan now covers 40 conditions, including breast cancer.", "en", "health"),
    ("If I ever got cancer, would the premium be waived? I'm fine, just asking.", "en", "health"),
    ("もし将来、私が病気で入院したら、保険金はいつ出ますか？", "ja", "health"),
    # A firm's partner, a programme, a stance.
    ("We will partner with a refuge to train staff on domestic abuse.", "en", "crime_victim"),
    ("Our employee assistance programme offers free counselling sessions.", "en", "health"),
    ("The speaker at the rally spoke against abortion.", "en", "health"),
    # A scheme's offer to any holder, a desk's manual, a book club's pick, a sports field.
    ("障害者手帳をお持ちの方は、窓口で割引を受けられます。", "ja", "disability"),
    (
        "応対マニュアル：お客様が「詐欺に遭った」と話された場合は、まず警察への相談を案内する。",
        "ja",
        "crime_victim",
    ),
    ("Book club pick for May: a memoir about wrongful convictions.", "en", "criminal_record"),
    ("Lost property on the field at lunch: one glove, one inhaler bag.", "en", "disability"),
    # A group of students, not one student.
    ("Student group asked how many members use wheelchairs; figures only.", "en", "disability"),
]

test_found, test_not_found = table_tests(POSITIVES, NEGATIVES)
