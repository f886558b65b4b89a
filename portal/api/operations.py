"""Daily operations' routes (issue 20): restore an earlier version, section templates, e-mail."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
