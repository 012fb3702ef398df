"""Phrasings that settle whose a hit is, beyond the cues of its sentence (split from
``context.py``): a crime suffered told in the Japanese passive past (「痴漢にあいました」,
「だまし取られました」), a topic word after a cause (「インフルで熱があって今日のセミナー欠席し
ます」: the seminar is what is missed, not what the flu is about), a term inside the quoted
title of an article or a law (「『妊娠・出産と労務管理』の記事」, 「犯罪被害者等基本法」) or a work
(『…』), a verb's stem negated or made a condition, a report "according to" a witness, and the
unknown offender of a crime suffered ("Someone keyed our car")."""

import re
from typing import TYPE_CHECKING

from hogo.detect.subjects import WORD_RE

if TYPE_CHECKING:
    from hogo.detect.context import Context

# The term, or what follows it, ends in a passive or "ran into" said in the past or with て:
# 痴漢にあいました, 詐欺に遭って, 財布を盗まれた。 (not 遭ったら, not 遭っても); a passive or
# 〜を受け told as a sequence (暴行を受け、, セクハラを受けました); a past told as a cause
# (チャリ盗まれたから, 自転車盗まれたので; hearsay, 盗まれたそうです, needs a person named).
_SUFFERED_RE = re.compile(
    r"(?:にあ|に遭|れ|を受け)(?:い|っ)?(?:ました|た(?=[。、．,.!！\nが]|$|から|ので|けど)"
    r"|て(?![もは]))"
    r"|(?:れ|を受け)、"
)
# A cause ends its clause in all but punctuation: what follows is the main clause's
# (熱が出たので / あって / 寝込んでいて / ひどくて; not について, にとって, 入ってる; から is
# also "from").
_CAUSE_RE = re.compile(r"ので|ため|(?<!と)って(?![いるた])|んで(?![いるた])|[てで]いて|くて|て、")
_OPENING = {"「": "」", "『": "』", "“": "”", '"': '"'}
_OPENING_RE = re.compile('[「『“"]')
_VICTIM_WORD_RE = re.compile(r"\b(?:my|me|our|us|his|him|her|their|them)\b")
# (up to a quoted slur: "spray-painted 'go back …' and worse on our garage door")
_ON_THEIR_RE = re.compile(
    r"(?: [a-z\-]+){0,3}?(?: '[^'.!?]{1,40}'(?: [a-z\-]+){0,3})? on (?:my|our|his|her|their) "
)
_OF_THEIR_RE = re.compile(r" (?:my|our|his|her|their) ")
# A guide or assistance dog is the person's aid, not a pet the term could be about.
_AID_ANIMAL_RE = re.compile(
    r"\b(?:uses|use|using|with|has|have) (?:a |her |his |my )?"
    r"(?:guide|assistance|service|hearing) $"
)
# 『…』という本: a title named as what it is, not a remark quoted.
_TITLE_NOUN_RE = re.compile(
    r"という(?:本|タイトル|題|書籍|記事|映画|番組|講座|講演|セミナー|特集|連載|論文|小説|曲)"
)
_LAW_ENDS = ("法", "法案", "条例", " act", " law")
# The term as the first word of a dotted katakana company name (folded to hiragana):
# プライド・ロジスティクス株式会社, レインボー・フーズ様.
_COMPANY_TAIL_RE = re.compile(r"・[ぁ-ゖー]{2,12}(?:株式会社|有限会社|合同会社|様|御中)")
# 「〜た人がいたら」「〜の方がいれば」: a term whose bearer is "anyone there may be".
_IF_SOMEONE_RE = re.compile(
    r"[たなのい]?(?:人|方)が(?:いたら|いれば|いる場合|いらっしゃったら|いらっしゃれば|出たら|出た場合)"
)
# 「トランスジェンダーの社員が入ってきたら」: if someone of the kind joins; the characters it opens
# with, tried first.
_IF_JOINS_RE = re.compile(
    r"の?(?:人|方|社員|従業員|職員|すたっふ|新人|実習生|研修生|学生|子)が"
    r"(?:入ってきたら|入ってきた場合|入社したら|入社した場合|来たら|来た場合|応募してきたら)"
)
_JOIN_OPENERS = frozenset("の人方社従職す新実研学子")
# A Japanese term that ends in a verb's stem, then the negation glued to it (引っかか|らない,
# 切り裂かれ|ない), or a conditional followed by advice (盗まれ|たら、すぐに,
# 始ま|ったらどうするか).
_JA_STEM_NEG_RE = re.compile(r"[らりわ]?(?:ない|ず[にの、]|ません)")
_JA_STEM_IF_RE = re.compile(r"っ?たら(?=どう|、?すぐ|、?まず)")
# The characters a match of either pattern above opens with: a term followed by anything else
# (most are) needs neither (``tests/test_context_rules.py`` checks the set).
_IF_OPENERS = frozenset("たなのい人方っ")
# 「社員が逮捕されたら会社はどうすべきか」: a term that ends in the past, then ら and what to do.
_JA_PAST_IF_RE = re.compile(r"ら(?=どう|、?すぐ|、?まず|、?(?:会社|職場|上司)は)")
# 「社員が犯罪被害に遭った場合に備え」「社員が逮捕された時って」: the case the term is in, after
# the verb's ending.
_JA_CASE_AFTER_RE = re.compile(r"[ぁ-ゖ]{0,4}?(?:場合|時って|ときって)")
_EVENT_DATE_RE = re.compile(r"\d{1,2}月\d{1,2}日|\b\d{1,2}(?::\d\d)?\s?[ap]m\b")
_AFTER_PREPOSITION_RE = re.compile(
    r"\b(?:against|for|about|over|toward|towards) (?:the |a |an |this |that )?(?:[a-z\-]+ ){0,2}$"
)
# 「学費値上げ反対の」: what a protest is against, between a topic word and the protest.
_PROTEST_AIM_RE = re.compile(
    r"[^。、]{0,6}?(?:反対|撤回|阻止|を求める|に抗議する|抗議)(?:の|する)?"
)
_WHEN_AFTER = ("帰り", "の帰り", "の後に", "の最中に")


def suffered(text: str, start: int, end: int) -> bool:
    """The Japanese term, with what follows, says it happened to someone: the one it
    happened to is the unsaid writer or the person named."""
    m = _SUFFERED_RE.search(text, max(start, end - 4), end + 6)
    return m is not None and m.start() < end


# A purchase paid for, then the fraud said as what it turned out to be: "Bought a course online
# and it never came — total scam.", 「ネットで買った教材が届かず、詐欺でした」.
_PURCHASE_RE = re.compile(
    r"\b(?:bought|ordered|purchased|paid)\b|買った|買い|購入し|注文し|払った|振り込ん|振込ん"
)
_EN_FRAUD_PREDICATE_RE = re.compile(
    r"(?:[—–:,-]|\bwas|\bwere|\bit's|\bturned out to be|\bjust)\s*(?:an? )?"
    r"(?:total |complete |obvious |massive |big )?$"
)
_QUOTE_OR_COLON_RE = re.compile('[:「『"“]')
_JA_FRAUD_PREDICATE_RE = re.compile(r"(?:サイト)?(?:でした|だった|と判明|とわか|と分か)")


def bought_into(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """A fraud term said as what a purchase in its sentence [lo, hi) turned out to be: the one
    who paid is its victim (not a question: "Bought a course online — scam?", nor a quote)."""
    if text[hi : hi + 1] in ("?", "？"):
        return False
    purchase = _PURCHASE_RE.search(text, lo, start)
    # A quote or a colon between them says the fraud is what someone wrote or warned of
    # ("ordered posters warning members: it's a scam", 「買った本に『詐欺でした』という章」).
    if purchase is None or _QUOTE_OR_COLON_RE.search(text, purchase.end(), start):
        return False
    if text[start].isascii():
        return _EN_FRAUD_PREDICATE_RE.search(text, max(lo, start - 30), start) is not None
    return _JA_FRAUD_PREDICATE_RE.match(text, end) is not None


# 「身障手帳2級の情報を以前の申込書に書きましたが」: the writer wrote the term's facts on a form
# (not 「書いた場合」, a question of what would happen).
_OWN_ENTRY_RE = re.compile(
    r"(?:の(?:情報|こと|記載|等級))?を[^。、]{0,12}?(?:書き|記入し|申告し|届け出)(?:ました|た)"
    r"(?=が|けど|ので|。|、|$)"
)


def own_entry(text: str, end: int, hi: int) -> bool:
    """The Japanese term's facts written by the writer on a form: theirs."""
    return text.startswith(("の", "を"), end) and _OWN_ENTRY_RE.match(text, end, hi) is not None


def in_company_name(text: str, end: int) -> bool:
    """The Japanese term opens a dotted katakana company name: a business, not a person."""
    return text.startswith("・", end) and _COMPANY_TAIL_RE.match(text, end) is not None


def topic_applies(ctx: "Context", c_lo: int, c_hi: int, start: int, end: int, *, ja: bool) -> bool:
    """A topic cue in the clause, not inside the term, and (in Japanese) not after a cause
    that closes the term's own clause."""
    for s, e in ctx.cues_in("@topic", c_lo, c_hi):
        if s < end and e > start:
            continue
        if ja and s >= end and _CAUSE_RE.search(ctx.text, end, s):
            continue
        # 「フォーラム：」"Reply card:" name where the message was posted, not what it is
        # about; 「セミナー帰りに」 says when, not what.
        if _channel_heading(ctx, s, e) or ctx.text.startswith(_WHEN_AFTER, e):
            continue
        if ja and e <= start and _PROTEST_AIM_RE.fullmatch(ctx.text, e, start):
            continue  # 「学費値上げ反対の座り込み」: what a protest is against, not its topic
        return True
    return False


def topic_or_title(
    ctx: "Context", c_lo: int, c_hi: int, s_lo: int, s_hi: int, start: int, end: int, *, ja: bool
) -> bool:
    """A topic in the term's clause, or the term one word of a work's title in its sentence
    (『安全衛生（アレルギー物質の管理）』が追加): asked only where no one is named."""
    return topic_applies(ctx, c_lo, c_hi, start, end, ja=ja) or in_work_title(
        ctx.text, start, end, s_lo, s_hi
    )


def object_of_preposition(text: str, s: int) -> bool:
    """A thing after a preposition is no subject ("protested against the dam project and still
    isn't eating normally": the project is not what isn't eating)."""
    return _AFTER_PREPOSITION_RE.search(text, max(0, s - 40), s) is not None


def _channel_heading(ctx: "Context", s: int, e: int) -> bool:
    """「フォーラム：」"Forum:" as where a message was posted, not as an event's title (a date, a
    time, 開催 or "register" in the text: 「フォーラム：うつ病と職場復帰　10月5日開催」)."""
    return (
        ctx.text.startswith(":", e)
        and ctx.has_cue("@channel", s, e)
        and "@event_notice" not in ctx.cues
        and _EVENT_DATE_RE.search(ctx.text) is None
    )


def in_title(ctx: "Context", start: int, end: int, s_lo: int, s_hi: int) -> bool:
    """The term is inside a quoted title: 「…」の記事, "…" article, or a law's name (asked
    only of a text with a topic word in it)."""
    text = ctx.text
    if _OPENING_RE.search(text, s_lo, start) is None:
        return False  # most sentences: no opening mark before the term
    for opening, closing in _OPENING.items():
        o = text.rfind(opening, s_lo, start)
        if o < 0 or (opening != closing and text.find(closing, o, start) >= 0):
            continue
        c = text.find(closing, end, s_hi)
        if c < 0:
            continue
        if text.endswith(_LAW_ENDS, o, c):
            return True
        # A topic right after it (の記事, をテーマに) or right before it (特集「…」), not just
        # any noun: 「父が入院中です」協会から… quotes a message.
        if ctx.has_cue("@topic", c + 1, c + 8) or _topic_ends_at(ctx, s_lo, o):
            return True
    return False


def in_work_title(text: str, start: int, end: int, s_lo: int, s_hi: int) -> bool:
    """The term is one word of a title in 『』, the marks of a book's, a course's or a work's
    name (『安全衛生（アレルギー物質の管理）』が追加, 『…』という本), not a remark quoted with と or
    って (『昔、傷害で服役してました』と話して, という話)."""
    o = text.rfind("『", s_lo, start)
    if o < 0 or text.find("』", o, start) >= 0:
        return False
    c = text.find("』", end, s_hi)
    if c < 0 or (o == start - 1 and c == end):
        return False
    return (
        not text.startswith(("と", "って"), c + 1) or _TITLE_NOUN_RE.match(text, c + 1) is not None
    )


def _topic_ends_at(ctx: "Context", s_lo: int, opening: int) -> bool:
    """A topic word right before the opening mark (特集「, the feature: "), not a verb's object
    (身元調査して「…」って: what was said)."""
    return any(
        e == opening or (e == opening - 1 and ctx.text[e] in "の:： ")
        for _, e in ctx.cues_in("@topic", max(s_lo, opening - 12), opening)
    )


def stem_negated(text: str, end: int) -> bool:
    """「引っかからないための」「切り裂かれないよう」: a verb's stem the term ends in, negated."""
    # The stem test first: most terms end in a kanji or a Latin letter, and then the pattern
    # need not run.
    return "\u3041" <= text[end - 1] <= "\u309f" and _JA_STEM_NEG_RE.match(text, end) is not None


def if_it_happens(text: str, end: int, c_hi: int) -> bool:
    """「体調を崩した人がいたら」: if there is anyone it happens to; 「盗まれたら、すぐに」
    「始まったらどうするか」: advice for if it does (not 「カミングアウトしたら、…になった」)."""
    after = text[end : end + 1]
    if after in _JOIN_OPENERS and _IF_JOINS_RE.match(text, end, c_hi) is not None:
        return True
    if after == "ら" and text.endswith("た", 0, end):
        return _JA_PAST_IF_RE.match(text, end) is not None
    if after not in _IF_OPENERS:
        return False
    return (
        _IF_SOMEONE_RE.match(text, end, c_hi) is not None
        or _JA_STEM_IF_RE.match(text, end) is not None
    )


def case_after(text: str, end: int, c_hi: int) -> bool:
    """The term's clause is a case (〜た場合, 〜た時って) in the same clause."""
    m = _JA_CASE_AFTER_RE.match(text, end, c_hi)
    return m is not None


# Who a report is "according to": a person or a role is a witness of one event, not the news.
_SOURCE_KINDS = ("@source", "@third", "@family", "@role_post", "@nf_honorific")
_ACCORDING = ("according to", "によると")


def news_report(ctx: "Context", s_lo: int, s_hi: int, start: int, end: int, *, named: bool) -> bool:
    """A report cue around the term ("in the news", 「報道」), but not "according to the
    guards" or 「申立人によると」: an account of one event by someone who saw it. When the
    sentence names a person (``named``), only the news of someone named by a generic word."""
    for s, e in ctx.cues_in("@report", s_lo, s_hi):
        if s < end and e > start:
            continue
        if not ctx.text.startswith(_ACCORDING, s) or not _witness(ctx, s, e):
            return not named or news_of_anyone(ctx, s_lo, s_hi, end)
    return False


# 「〜が逮捕されたってニュース」: what the term is part of told as what the news said, or as a
# survey's finding (〜が増えているという調査結果).
_AS_NEWS_RE = re.compile(r"(?:た|だ)?(?:って|という|との)(?:にゅーす|報道|記事|調査)")


def news_of_anyone(ctx: "Context", lo: int, hi: int, end: int) -> bool:
    """The term told as what the news said (「会員企業の社員が逮捕されたってニュース」) of someone
    the sentence [lo, hi) names only by a generic word (社員が; not 同僚が, 私, 山田さん)."""
    if _AS_NEWS_RE.search(ctx.text, end, hi) is None or ctx.cues_in("@self", lo, hi):
        return False
    if ctx.cues_in("@family", lo, hi) or any(s >= lo and e <= hi for s, e in ctx.person_spans):
        return False
    generic = ctx.cues_in("@generic", lo, hi)
    return all(cue in generic for cue in ctx.cues_in("@third", lo, hi))


def _witness(ctx: "Context", s: int, e: int) -> bool:
    """The source of "according to" (after it) or 「によると」 (before it) is a person."""
    lo, hi = (e, e + 16) if ctx.text[s].isascii() else (max(0, s - 8), s)
    near = [c for k in _SOURCE_KINDS for c in ctx.cues_in(k, lo, hi)]
    near += [p for p in ctx.person_spans if p[0] >= lo and p[1] <= hi]
    if ctx.text[s].isascii():
        return any(len(WORD_RE.findall(ctx.text[e:c_s])) <= 1 for c_s, _ in near)
    return any(s - c_e <= 3 for _, c_e in near)


def offender_before(text: str, cue_end: int, start: int, end: int) -> bool:
    """The generic word right before an active term that names whom it was done to
    ("Someone keyed our car", "… a slur on our fence"; not "Someone was robbed" nor "Someone
    broke into the office"),
    or as a Japanese passive's agent (「誰かに…盗まれ」, not 「誰かが盗まれ」)."""
    gap = text[cue_end:start]
    if gap == " ":
        # "spray-painted a slur on our fence": the property it was done on is someone's.
        return (
            _VICTIM_WORD_RE.search(text, start, end) is not None
            or _ON_THEIR_RE.match(text, end) is not None
            # "slashed the tyres of our van": the term names whose property after its "of".
            or (text.endswith(" of", start, end) and _OF_THEIR_RE.match(text, end) is not None)
        )
    return gap.startswith("に") and len(gap) <= 6


# "told our apprentice to 'go home, gaijin'": a command reported as said to someone.
# "told Chen to 'go home'"; "is constantly asked 'where are you really from'", "asks me '…'".
_TOLD_TO_RE = re.compile(
    r"\b(?:told|yelled at|shouted at|screamed at)\b[^.!?]{0,30} to $"
    r"|\b(?:asked|asks (?:me|him|her|them)|ask (?:me|him|her|them)) $"
    # "told the owner one of his workers is 'from a buraku'": what someone is said to be.
    # Not a word asked about or named ("what is 'buraku'", "the word was 'X'").
    r"|(?<!\bword )(?<!\bterm )(?<!\bname )(?<!\btitle )(?<!\bwhat )(?<!\bthis )(?<!\bthat )"
    r"\b(?:is|was|are|were) $"
)


def said_to_someone(ctx: "Context", start: int, s_lo: int) -> bool:
    """The quoted term is what a note said ("a note saying 'we know where you live'") or what
    someone was told to do ("told Chen to 'go home'") or asked ("asked 'where are you really
    from'"): said to a person, not a word discussed."""
    if ctx.has_cue("@note_said", max(s_lo, start - 12), start) and ctx.has_cue(
        "@note", s_lo, start
    ):
        return True
    return _TOLD_TO_RE.search(ctx.text, max(s_lo, start - 48), start - 1) is not None


def aid_animal(text: str, start: int) -> bool:
    """Whether the animal word at ``start`` is a guide or assistance dog ("uses a guide dog and
    had knee surgery": the surgery is the owner's)."""
    return _AID_ANIMAL_RE.search(text, max(0, start - 32), start) is not None


def around_unless_label(ctx: "Context", kind: str, lo: int, hi: int, start: int, end: int) -> bool:
    """A cue of the kind around the term, but not a form's label before a colon opening the
    sentence: 「アンケート：指を3本失いました」 is the writer's answer, not a survey's policy."""
    for s, e in ctx.cues_in(kind, lo, hi):
        label = e < start and ctx.text.startswith(":", e) and not ctx.text[lo:s].strip()
        if (e <= start or s >= end) and not label:
            return True
    return False


# The offence one is charged with or tried for is the offender's, not a crime suffered:
# 「（盗撮）の容疑で逮捕」「公然わいせつ罪で起訴」「名誉毀損で告訴され」, "serving his sentence
# for armed robbery", "on trial at the Crown Court for the assault".
_JA_CHARGED_RE = re.compile(
    r"[)」]?(?:の?容疑|の疑い|罪[にを]|罪で(?!告訴し|刑事告訴し|被害届|訴え)|"
    r"(?:事故)?の件で[^。]{0,8}事情聴取|(?:など)?で(?:逮捕|起訴|告訴され|書類送検|現行犯|服役|実刑))"
)
_EN_CHARGED_RE = re.compile(
    r"\b(?:charged(?: (?:last|this|on|yesterday|today|week|month|year|[a-z]+day)){0,2} with|"
    r"convicted of|accused of|arrested (?:for|over)|pleaded guilty to|"
    r"(?:jailed|sentenced|imprisoned|sentence|time|tried|prosecuted|convictions?) for|"
    r"convictions?(?: (?:in )?\d{4})?,|"
    r"on trial\b[^.;:]{0,40}\b(?:for|over))"
    r"(?: (?:the|a|an|his|her|their|[a-z]+ [a-z]+ street))?(?: [a-z\-]+)? $"
)


# A crime that names the one it was done to stays theirs ("convicted of stalking her",
# 「高野さんへの傷害罪」), and domestic violence always has one at home (「夫がDVで逮捕され」).
_NAMES_ITS_VICTIM_RE = re.compile(r"\b(?:me|us|him|her|them|our|my)\b|への|dv|domestic|家庭内")
_OBJECT_AFTER_RE = re.compile(r" (?!(?:in|at|on|of|and|or|for|from|with|to|by)\b)[a-z]")


def offence_charged(text: str, start: int, end: int, lo: int, *, ja: bool) -> bool:
    """Whether the crime word at [start, end) names what someone is charged with or tried for."""
    if _NAMES_ITS_VICTIM_RE.search(text, max(lo, start - 4), end):
        return False
    if text.endswith("ing", start, end) and _OBJECT_AFTER_RE.match(text, end):
        return False  # "convicted of assaulting our caretaker": its object is the victim
    if ja:
        return _JA_CHARGED_RE.match(text, end) is not None
    return _EN_CHARGED_RE.search(text, max(lo, start - 64), start) is not None


def heard_or_recorded(ctx: "Context", start: int, end: int, s_hi: int, *, ja: bool) -> bool:
    """A past event heard of (〜たそうです, 〜との申し出), or told under a desk record's heading
    (【受付記録】会員が…, "HR letter: An employee …"): the member is someone in particular,
    unless the sentence asks a question ("HR letter: Is an employee with … allowed to …?")."""
    if ja and ctx.has_cue("@heard", end, s_hi):
        return True
    return ctx.has_cue("@record", 0, start) and ctx.text[s_hi : s_hi + 1] not in ("?", "？")


# "Q&A: Can I wear a headscarf …? — Yes, …", 「Q&A:協会は政治的に中立ですか?→はい。」,
# "FAQ - …": a text that opens with an FAQ heading asks and answers for anyone; its "I" and
# 私 are no one.
_FAQ_HEADING_RE = re.compile(
    r"\s*(?:[【\[]\s*(?:q\s*&\s*a|faq)\s*[】\]]|(?:q\s*&\s*a|faq|q)\s*[:：]|faq\s*[-–—]"
    # "Q. … A. …", 「FAQ　Q. … A. …」: a question and its answer, each after its letter.
    r"|(?:faq\s*)?q[.．]\s.*?\sa[.．:：]\s)"
)

_FAQ_OPENERS = ("q", "f", "【", "[", " ")
# The heading may name its subject or readers first: "Travel FAQ:", "Open enrollment FAQ —",
# 「内定者向けQ&A：」 (not 「研修Q&A：」, a record of who asked what at a session).
_FAQ_NAMED_RE = re.compile(r"[^\n:.?!。]{1,24}?(?:faq|向けq\s*&\s*a)\s*[:—–]")


def faq_entry(text: str) -> bool:
    """The text opens with an FAQ heading ("Q&A:", "FAQ:", "Q:", 【Q&A】:)."""
    if text.startswith(_FAQ_OPENERS) and _FAQ_HEADING_RE.match(text) is not None:
        return True
    head = text[:32]
    return ("faq" in head or "q&a" in head) and _FAQ_NAMED_RE.match(text) is not None
