"""The words of the reports, loaded from data/report_labels.yaml and checked."""

from __future__ import annotations

from pathlib import Path

from pydantic import model_validator

from matcher.params import Language
from matcher.vocabulary_files import Strict, Texts, load, require_keys

REPORT_LABELS = Path(__file__).parent / "data" / "report_labels.yaml"
SECTIONS = (
    "open_needs", "waiting_offers", "funnel", "delivery_time", "oldest_urgent", "weekly",
    "problems",
)  # fmt: skip
CHARTS = ("funnel", "open_needs", "weekly")


class ReportLabelsFile(Strict):
    title: Texts
    generated: Texts
    totals: Texts
    nothing: Texts
    sections: dict[str, Texts]
    charts: dict[str, Texts]

    @model_validator(mode="after")
    def _complete(self) -> ReportLabelsFile:
        require_keys(self.sections, SECTIONS, "sections")
        require_keys(self.charts, CHARTS, "charts")
        return self


def _data() -> ReportLabelsFile:
    return load(ReportLabelsFile, REPORT_LABELS)


def phrase(key: str, language: Language, **values: object) -> str:
    """title, generated ({when}), totals ({offers}, {needs}, {matches}) or nothing."""
    texts: Texts = getattr(_data(), key)
    return texts[language].format(**values)


def section_title(key: str, language: Language) -> str:
    return _data().sections[key][language]


def chart_title(key: str, language: Language) -> str:
    return _data().charts[key][language]
