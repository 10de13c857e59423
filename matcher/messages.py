"""Problem reasons in the coordinators' language (matcher/data/problem_messages.yaml)."""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from typing import Any, Literal

from matcher import vocab
from matcher.model import Problem

LANGUAGES: tuple[str, ...] = ("ru", "uk", "en")
MESSAGES_FILE = "problem_messages.yaml"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@cache
def messages() -> dict[str, dict[str, str]]:
    """{code: {language: template}}, validated: every code has ru, uk and en with the
    same placeholders."""
    raw = vocab.require_mapping(vocab.load_yaml(MESSAGES_FILE), MESSAGES_FILE)
    out: dict[str, dict[str, str]] = {}
    for code, texts in raw.items():
        where = f"{MESSAGES_FILE}: {code}"
        texts = vocab.require_mapping(texts, where)
        missing = [lang for lang in LANGUAGES if not str(texts.get(lang) or "").strip()]
        if missing:
            raise vocab.VocabularyError(f"{where}: add the text in {', '.join(missing)}")
        try:
            names = {lang: _placeholders(str(texts[lang])) for lang in LANGUAGES}
        except ValueError as exc:
            raise vocab.VocabularyError(f"{where}: bad placeholder: {exc}") from exc
        if len({frozenset(v) for v in names.values()}) != 1:
            raise vocab.VocabularyError(f"{where}: languages use different placeholders {names}")
        out[str(code)] = {lang: str(texts[lang]) for lang in LANGUAGES}
    return out


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(code: str, params: Mapping[str, Any], language: str) -> str:
    templates = messages().get(code)
    lang = language if language in LANGUAGES else "ru"
    if templates is None:
        return f"{code}: " + ", ".join(f"{k}={v}" for k, v in params.items())
    return string.Formatter().vformat(templates[lang], (), _Params(params))


def render_problem(problem: Problem, language: Literal["ru", "uk", "en"]) -> str:
    """The reason for `problem`, for a volunteer reading `language`."""
    params = {"value": problem.value, "field": problem.field, **dict(problem.params)}
    return render(problem.code, params, language)
