"""AG-10.1: the officials who administer or post to the portal are designated by a decision of
their agency. A grant (a step given for a period) and a role assignment each record the number
of that decision; without it, they are refused everywhere (the portal's API and command line,
the app's form, the desk).
"""

from __future__ import annotations

from desktop.models.checks import Problem

CODE = "decision_required"
FIELD = "decision_ref"
VI = "Cần ghi số quyết định phân công (Điều 10.1, Quyết định 03/2017/QĐ-UBND)."
EN = "The number of the assignment decision is required (AG-10.1)."


def missing_decision(decision_ref: str | None) -> Problem | None:
    """The problem when no decision number is given (blank counts as none)."""
    if decision_ref and decision_ref.strip():
        return None
    return Problem(CODE, FIELD, VI, EN)
