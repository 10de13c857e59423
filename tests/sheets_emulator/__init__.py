"""An in-process fake of the Google Sheets API v4 (and the Drive calls gspread makes)."""

from .controls import RecordedRequest
from .emulator import SheetsEmulator

__all__ = ["RecordedRequest", "SheetsEmulator"]
