"""What an answer says around the things given: the home they are in, who
collected or carries them, the renovation that freed them. Beside things given,
these are no offer of shelter or services; a roof or a hand offered in words is.
"""

from __future__ import annotations

import re

from matcher.normalize.categories import Hit
from matcher.text import fold

#: Words that offer a roof: "можу прийняти сім'ю", "пустим", "сдам", "жильё".
_LODGING = re.compile(
    r"(?<!\w)(?:посел|прийм|прийня|приму|примем|принять|принима|приют|прихист|притул|пусти"
    r"|пущу|пожит|прожив|жить|жити|сда[мюеёт]|сдать|зда[мюєт](?!\w)|здати|размест|розміст"
    r"|ночл|ночів|переноч|вільн|свободн|жиль|жилье|житл|жилп|подсел|підсел|койко|аренд|оренд)"
    # "2 кімнати для родин переселенців", "30 спальних місць", "взяти на квартиру"
    r"|(?:комнат|кімнат|квартир|будин|дом|хат|мест|місц)\w*\s+(?:[\w-]+\s+){0,2}для\s+"
    r"(?:переселен|сем|сім|родин|эваку|евак|беженц|біженц|люд|мам)"
    r"|спальн\w*\s+(?:місц|мест)|(?:взят|взяти|возьм|візьм)\w*\s+на\s+квартир"
)
_VOLUNTEERS = re.compile(r"^волонт[её]р(?:ы|и|ів|ов|ам|ами|ах)$")
#: "8 волонтёров", "волонтери для розвантаження": volunteers offered, counted or for a job.
_VOLUNTEERS_OFFERED = re.compile(r"\d\s*волонт|волонт\w*\s+(?:для|на)\s")
_REPAIRS = re.compile(r"^(?:ремонт|реконструкц)\w*$")
#: "делаем ремонт", "закрываемся на ремонт", "под ремонт": a renovation, not a repair offered.
_RENOVATION = re.compile(
    r"(?:делаем|делаю|делает|делают|робимо|роблю|робить|робити|зробили|сделали|затеяли|на|под"
    r"|під)\s+(?:ремонт|реконструкц)|(?:ремонт|реконструкц)\w*\s+(?:делаем|робимо)"
)


def offers_a_roof(text: str) -> bool:
    """True when an answer (its boxes and details) offers somewhere to live."""
    return bool(_LODGING.search(fold(text)))


def is_home_named(hit: Hit) -> bool:
    """A home ("Квартира на 3 поверсі, забирати самим", "Зібрали всім будинком"):
    in an answer that offers no roof, where the things are or who gives them."""
    return hit.sense.kind == "shelter"


def is_occasion(hit: Hit, folded: str) -> bool:
    """ "Львівські волонтери: куртки 20", "передадим волонтерам", "делаем ремонт":
    who gives or carries the things and why they are free; a volunteer's own help
    ("помогу как волонтер", "есть 8 волонтёров для разгрузки") and a repair offered
    ("ремонт обуви") are not."""
    if hit.sense.kind != "services" or hit.start != hit.end:
        return False
    word = fold(hit.tokens[0])
    if _VOLUNTEERS.match(word):
        return not _VOLUNTEERS_OFFERED.search(folded)
    return bool(_REPAIRS.match(word)) and bool(_RENOVATION.search(folded))
