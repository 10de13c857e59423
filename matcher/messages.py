"""Problem reasons in the coordinators' language (matcher/data/problem_messages.yaml)."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any, cast

from matcher.model import Problem
from matcher.params import Language
from matcher.vocabulary_files import LANGUAGES, problem_messages_file

__all__ = ["LANGUAGES", "messages", "render", "render_problem"]


def messages() -> dict[str, dict[str, str]]:
    """{code: {language: template}}, validated: one entry per ProblemCode, each with
    ru, uk and en using the same placeholders."""
    return {
        code: {language: texts[language] for language in LANGUAGES}
        for code, texts in problem_messages_file().root.items()
    }


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(code: str, params: Mapping[str, Any], language: str) -> str:
    templates = problem_messages_file().root.get(code)
    lang = cast(Language, language if language in LANGUAGES else "ru")
    if templates is None:
        return f"{code}: " + ", ".join(f"{k}={v}" for k, v in params.items())
    return string.Formatter().vformat(templates[lang], (), _Params(params))


def render_problem(problem: Problem, language: Language) -> str:
    """The reason for `problem`, for a volunteer reading `language`."""
    params = {"value": problem.value, "field": problem.field, **dict(problem.params)}
    return render(problem.code, params, language)
