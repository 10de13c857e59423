"""Work and money a donor names aside, not offering them: thanks "за вашу роботу",
leaving "на роботу" abroad, clothes "комусь на роботу", money the gifts were
bought with, money not given ("денег дать не могу") or lacked."""

from __future__ import annotations

from matcher.normalize.categories import Hit
from matcher.normalize.morph import is_verb

#: Work named as a noun: "за вашу роботу", "їдемо на роботу".
_WORK = frozenset({"роботу", "работу", "роботи", "работы", "праці", "працю", "труд"})
#: Going somewhere: "Їдемо до Польщі на роботу", "Виїжджаємо ... на роботу".
_GOING = ("їд", "еду", "едем", "едут", "їхати", "ехать", "виїжджа", "выезжа", "уезжа",
          "уїжджа", "переїжджа", "переезжа", "поїх", "поех", "уїх", "уех")  # fmt: skip
#: "комусь на роботу": for someone's work, said of things given.
_SOMEONE = frozenset({"кому", "комусь", "кому-то", "кому-нибудь", "кому-небудь", "комусь-то"})
#: Money named in words: "деньги на лекарства", "кошти на ліки".
MONEY_WORDS = frozenset({"деньги", "денег", "деньгами", "гроші", "грошей", "грошима", "кошти",
                         "коштів", "коштами", "money"})  # fmt: skip
#: Buying: "на вырученные деньги купили", "зібрали кошти, можемо купити".
_BUYING = ("купил", "купи", "закуп", "придба", "куплен", "купле", "покупа", "купува")
#: Sending money: "можем перевести деньги или купить" offers the money.
_TRANSFER = ("перевед", "перевест", "перевод", "переве", "пересла", "пересил", "скин",
             "перечисл", "переказ", "надісл", "вышл", "вишл")  # fmt: skip
#: "Денег у меня мало", "грошей нема": money the writer lacks.
_LACKING = frozenset({"мало", "нет", "нету", "нема", "немає", "немаю"})


def aside(hit: Hit, toks: list[str]) -> bool:
    """True when work or money at `hit` is named aside, not offered."""
    token = toks[hit.start]
    if token in _WORK:
        return _thanked(hit, toks) or _to_work(hit, toks)
    if token in MONEY_WORDS:
        return _not_given(hit, toks) or _spent(toks)
    return False


def _spent(toks: list[str]) -> bool:
    """ "на вырученные деньги купили", "зібрали кошти, можемо купити": the money
    bought the things given."""
    buying = any(t.startswith(_BUYING) and is_verb(t) for t in toks)  # not "на закупівлю"
    return buying and not any(t.startswith(_TRANSFER) for t in toks)


def _thanked(hit: Hit, toks: list[str]) -> bool:
    return "за" in toks[max(0, hit.start - 2) : hit.start]


def _to_work(hit: Hit, toks: list[str]) -> bool:
    if hit.start == 0 or toks[hit.start - 1] != "на":
        return False
    before = toks[max(0, hit.start - 5) : hit.start - 1]
    return any(t.startswith(_GOING) or t in _SOMEONE for t in before)


def _not_given(hit: Hit, toks: list[str]) -> bool:
    """ "денег дать не могу", "але не треба грошей", "Денег у меня мало"."""
    after = toks[hit.end + 1 : hit.end + 4]
    return "не" in toks[max(0, hit.start - 2) : hit.start] + after or bool(set(after) & _LACKING)


#: Collecting: "Парафія зібрала кошти", "собрали деньги в коллективе".
_COLLECTING = ("зібра", "збира", "собра", "собира", "скинул", "скинули")


def money_spent_on_things(part: list[str], answer: list[str]) -> bool:
    """ "Наша церква зібрала кошти. Купили: ковдри 20": money collected, beside
    things given and with no word of sending it, bought them."""
    money = [t for t in part if t in MONEY_WORDS]
    collected = any(t.startswith(_COLLECTING) for t in part)
    return bool(money) and collected and not any(t.startswith(_TRANSFER) for t in answer)
