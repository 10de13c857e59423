"""Time and memory to normalize 100,000 synthetic form rows (and 20,000 needs).

Run: /work/venv/bin/python benchmarks/normalize_speed.py [ROWS]
Prints wall time and peak memory (tracemalloc peak and the process's max RSS).
"""

from __future__ import annotations

import random
import resource
import sys
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matcher.model import SourceRow
from matcher.normalize import normalize_needs, normalize_offers

NAMES = ["Оля", "Ольга Петренко", "Іван", "Сергей", "Наталія", "Марина К.", "", "тест", "Дмитро"]
CITIES = [
    "Северодонецк",
    "г. Северодонецк",
    "Сєвєродонецьк",
    "Лисичанськ",
    "Рубежное",
    "северодонецк луганской обл",
    "Сверодонецк",
    "Кременная",
    "Харьков",
    "Київ",
    "с. Воеводовка",
    "Дніпро",
    "Ньюландия",
    "",
    "Краматорськ",
    "Slovyansk",
]
CHECKBOXES = [
    "Одежда",
    "Одежда, Посуда",
    "Обувь",
    "Медикаменты",
    "Мебель",
    "Игрушки",
    "Средства гигиены",
    "Продукты питания",
    "Детские вещи",
    "Другое",
    "Одяг, Взуття",
    "Постельное белье, Бытовая техника",
    "",
]
DETAILS = [
    "детская одежда {n} пакета",
    "курточки на {n} лет",
    "кастрюли {n} шт, тарелки",
    "памперсы {n} размер",
    "ковдру і подушки",
    "одеждп {n} пакетов",
    "медикамнты",
    "диван",
    "холодильник рабочий",
    "крупы {n} кг",
    "несколько пакетов вещей",
    "игрушки мягкие, {n} шт",
    "коляска прогулочная",
    "",
    "велосипед",
    "п'ять пачок",
]
ANSWERS = ["Да", "Нет", "Так", "Ні", "да, могу", "нет машины", "можу привезти", "", "не знаю"]
URGENCY = ["срочно", "Очень срочно!!!", "терміново", "не срочно", "1", "2", "3", ""]


def phone(rng: random.Random) -> str:
    digits = f"0{rng.choice([50, 66, 67, 68, 73, 93, 95, 97, 99])}{rng.randrange(10**7):07d}"
    style = rng.randrange(4)
    if style == 0:
        return f"{digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    if style == 1:
        return f"+38({digits[:3]}){digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    if style == 2:
        return digits
    return rng.choice(["12345", "", "8" + digits])


def offer_rows(count: int, rng: random.Random) -> list[SourceRow]:
    start = datetime(2023, 1, 1)
    phones = [phone(rng) for _ in range(count // 3)]  # repeat donors
    rows = []
    for i in range(count):
        moment = start + timedelta(minutes=rng.randrange(60 * 24 * 365))
        rows.append(
            SourceRow(
                i + 2,
                {
                    "submitted_at": moment.strftime("%d.%m.%Y %H:%M:%S"),
                    "donor_name": rng.choice(NAMES),
                    "phone": rng.choice(phones),
                    "city": rng.choice(CITIES),
                    "categories": rng.choice(CHECKBOXES),
                    "details": rng.choice(DETAILS).format(n=rng.randrange(1, 12)),
                    "can_deliver": rng.choice(ANSWERS),
                },
            )
        )
    return rows


def need_rows(count: int, rng: random.Random) -> list[SourceRow]:
    return [
        SourceRow(
            i + 2,
            {
                "submitted_at": f"{rng.randrange(1, 28)}.{rng.randrange(1, 13)}.2023",
                "organization": f"Фонд {i % 500}",
                "contact_name": rng.choice(NAMES),
                "phone": phone(rng),
                "city": rng.choice(CITIES),
                "item": rng.choice(DETAILS).format(n=rng.randrange(1, 12)),
                "quantity": rng.choice(["10", "5 шт", "много", "", "два", "20 пачек"]),
                "urgency": rng.choice(URGENCY),
            },
        )
        for i in range(count)
    ]


def _distinct(rows: list[SourceRow]) -> str:
    keys = dict.fromkeys(key for row in rows[:1] for key in row.values)
    return ", ".join(f"{key} {len({row.get(key) for row in rows}):,}" for key in keys)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    traced = "--tracemalloc" in sys.argv  # exact Python-heap peak, but ~3x slower
    count = int(args[0]) if args else 100_000
    rng = random.Random(20141210)
    offers_in = offer_rows(count, rng)
    needs_in = need_rows(count // 5, rng)
    if traced:
        tracemalloc.start()
    began = time.perf_counter()
    offers, offer_problems = normalize_offers(offers_in)
    offers_done = time.perf_counter()
    needs, need_problems = normalize_needs(needs_in)
    ended = time.perf_counter()
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: KiB
    print(
        f"offers: {count:,} form rows -> {len(offers):,} offers, {len(offer_problems):,}"
        f" problems in {offers_done - began:.2f} s (gazetteer and vocabularies built inside)"
    )
    print(
        f"needs:  {len(needs_in):,} rows -> {len(needs):,} needs, {len(need_problems):,}"
        f" problems in {ended - offers_done:.2f} s"
    )
    print(f"wall time, both: {ended - began:.2f} s")
    # the readers run once per distinct answer: how varied the rows are sets the cost
    print("distinct values, offers:", _distinct(offers_in))
    print("distinct values, needs: ", _distinct(needs_in))
    print(f"peak memory (max RSS of the process, input rows included): {rss_kib / 1024:.0f} MiB")
    if traced:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak traced Python memory during normalization: {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
