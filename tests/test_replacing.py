import dataclasses
from dataclasses import dataclass, field

from matcher.model import ExistingMatch, SourceRow, Status
from matcher.normalize import normalize_needs, normalize_offers
from sync.replacing import replaced


@dataclass(frozen=True)
class _Checked:
    a: int
    b: int = 0
    seen: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.seen.append(self.a)


@dataclass(frozen=True)
class _Derived:
    a: int
    b: int = field(init=False, default=7)


def test_records_replaced_equal_what_dataclasses_replace_gives() -> None:
    form = {"submitted_at": "10.12.2014 14:03:27", "donor_name": "Галина", "phone": "",
            "city": "Северодонецк", "categories": "Одежда, Посуда", "details": "куртка, кастрюля",
            "can_deliver": "Нет"}  # fmt: skip
    offers, _ = normalize_offers([SourceRow(2, form)])
    need = {"submitted_at": "11.12.2014", "organization": "Фонд", "phone": "+380501234567",
            "city": "Северодонецк", "item": "куртка", "quantity": "1"}  # fmt: skip
    needs, _ = normalize_needs([SourceRow(2, need)])
    assert len(offers) == 2 and len(needs) == 1
    for offer in offers:
        assert replaced(offer, offer_id="O-1") == dataclasses.replace(offer, offer_id="O-1")
    assert replaced(needs[0], need_id="N-1") == dataclasses.replace(needs[0], need_id="N-1")
    match = ExistingMatch("M1", "O1", "N1", 2, Status.AGREED)
    twice = replaced(match, offer_id="O2", need_id="N2")
    assert twice == dataclasses.replace(match, offer_id="O2", need_id="N2")


def test_classes_the_constructor_call_does_not_fit_go_through_dataclasses_replace() -> None:
    checked = replaced(_Checked(1, 2), a=3)
    assert (checked.a, checked.b, checked.seen) == (3, 2, [1, 3])
    assert replaced(_Derived(1), a=2) == _Derived(2)
