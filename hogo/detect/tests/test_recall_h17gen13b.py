"""Issue 17, recall by class of phrasing, thirteenth round (branch h17gen13b): classes behind
blind sets 15 and 16's errors in health, disability, a criminal record and a crime suffered,
each with hard negatives. A colleague named by a surname alone after 弊社の or a role and ・ (the
surname list grown by common names), a member named by a given name alone; a case after the
verb's ending (〜に遭った場合に備え, 〜された時って) is anyone's; an ex-detective is no name;
victim idioms (被害者意識, playing the victim), a film about a false accusation, sign language as
a course; a bone broken named by the bone; a disease by its initials after a possessive; taken
to hospital in Japanese; treatment for drink; a night in the cells, charges dropped, an
investigation pending; a card cloned, shoved on the tube, slurs sprayed on someone's property, a
person's car damaged. None of these texts is from a labelled set.
"""

from hogo.detect.tests.recall import table_tests

# (text, language, category)
POSITIVES = [
    ("弊社の岩井は弱視のため、資料の拡大版をお願いします。", "ja", "disability"),
    ("弊社の営業担当・柏木は聴覚障害があり、筆談で対応いたします。", "ja", "disability"),
    ("Our Leeds member Fiona is hard of hearing and brings a helper.", "en", "disability"),
    ("She has a broken cheekbone after the fall and will join online.", "en", "health"),
    ("Tom fractured his collarbone at the weekend.", "en", "health"),
    ("My wife has used a stick since her MS got worse.", "en", "health"),
    ("会員の西尾さんが会場で倒れ、救急車で運ばれました。", "ja", "health"),
    ("He has started an alcohol treatment programme after the incident.", "en", "health"),
    ("I spent a night in the cells after the miners' march in 1984.", "en", "criminal_record"),
    ("Mr. Hale is on leave pending the police investigation.", "en", "criminal_record"),
    ("Someone cloned my mum's bank card at the petrol station.", "en", "crime_victim"),
    ("Our driver was abused and shoved on the tube last night.", "en", "crime_victim"),
    ("Mrs. Okafor found slurs spray-painted on her front door.", "en", "crime_victim"),
    ("会員の飯塚さんの店のシャッターに落書きがされ、警察が捜査しています。", "ja", "crime_victim"),
    ("元同僚が大沢さんの車を傷つけたとして、警察に届けました。", "ja", "crime_victim"),
]

NEGATIVES = [
    ("社員が事故に遭った場合に備え、連絡網を整備しました。", "ja", "crime_victim"),
    ("取引先の社員が逮捕された時って、契約はどうなるんでしたっけ？", "ja", "criminal_record"),
    ("講師は元刑事さんで、聞き取りのコツを教わりました。", "ja", "criminal_record"),
    ("被害者意識が強い人への接し方を学ぶ研修でした。", "ja", "crime_victim"),
    ("Stop playing the victim and take ownership of the project.", "en", "crime_victim"),
    ("映画の題材は痴漢冤罪で、考えさせられました。", "ja", "crime_victim"),
    ("手話の入門講座をもう一度開いてほしいです。", "ja", "disability"),
    ("The sign language course was the best one this year.", "en", "disability"),
    ("The broken shoulder strap on my bag needs fixing.", "en", "health"),
    ("Member States will vote on the proposal next week.", "en", "disability"),
    ("We cloned the card reader's firmware for testing.", "en", "crime_victim"),
    ("The kids spray-painted a mural on the school wall.", "en", "crime_victim"),
]

test_each_class_is_found, test_hard_negatives_of_each_class_are_not = table_tests(
    POSITIVES, NEGATIVES
)
