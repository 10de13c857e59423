"""Google's error bodies: {"error": {"code", "message", "status", "details"?}}."""

from __future__ import annotations

from typing import Any

STATUS_BY_CODE = {
    400: "INVALID_ARGUMENT",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}

CELL_LIMIT = 50_000
CELL_LIMIT_MESSAGE = (
    f"Your input contains more than the maximum of {CELL_LIMIT} characters in a single cell."
)


class ApiError(Exception):
    """An error the emulated API answers with instead of a result."""

    def __init__(self, code: int, message: str, details: list[dict[str, Any]] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {
            "code": self.code,
            "message": self.message,
            "status": STATUS_BY_CODE.get(self.code, "UNKNOWN"),
        }
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


def bad_request(message: str) -> ApiError:
    return ApiError(400, message)


def not_found() -> ApiError:
    return ApiError(404, "Requested entity was not found.")


def permission_denied() -> ApiError:
    return ApiError(403, "The caller does not have permission")


def unparsable_range(text: str) -> ApiError:
    return bad_request(f"Unable to parse range: {text}")


def invalid_list_value(field: str, value: Any) -> ApiError:
    """What Google says when a JSON field that must be a list of lists is not one."""
    shown = value if isinstance(value, str) else repr(value)
    message = (
        f"Invalid value at '{field}' (type.googleapis.com/google.protobuf.ListValue), \"{shown}\""
    )
    violation = {"field": field, "description": message}
    details = [
        {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [violation]}
    ]
    return ApiError(400, message, details)


def quota_exceeded(kind: str, limit: int) -> ApiError:
    """The per-user per-minute quota; kind is "Read" or "Write"."""
    message = (
        f"Quota exceeded for quota metric '{kind} requests' and limit "
        f"'{kind} requests per minute per user' of service 'sheets.googleapis.com' "
        "for consumer 'project_number:000000000000'."
    )
    info = {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "RATE_LIMIT_EXCEEDED",
        "domain": "googleapis.com",
        "metadata": {
            "quota_location": "global",
            "quota_metric": f"sheets.googleapis.com/{kind.lower()}_requests",
            "quota_limit": f"{kind}RequestsPerMinutePerUser",
            "quota_limit_value": str(limit),
            "consumer": "projects/000000000000",
            "service": "sheets.googleapis.com",
        },
    }
    help_link = {
        "@type": "type.googleapis.com/google.rpc.Help",
        "links": [
            {
                "description": "Request a higher quota limit.",
                "url": "https://cloud.google.com/docs/quotas/help/request_increase",
            }
        ],
    }
    return ApiError(429, message, [info, help_link])


def server_error(code: int) -> ApiError:
    if code == 503:
        return ApiError(503, "The service is currently unavailable.")
    return ApiError(500, "Internal error encountered.")
