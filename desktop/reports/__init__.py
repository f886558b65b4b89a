"""The yearly/quarterly report of BD-27 from the board's own figures: no Qt (docs/reports.md).

``compute(store, period)`` gives the figures; ``write_docx`` and ``write_csv`` export them.
"""

from desktop.reports.csv_export import write_csv
from desktop.reports.docx_export import write_docx
from desktop.reports.figures import GroupFigures, ReportFigures, StepFigures, TakeDown, compute
from desktop.reports.period import Period

__all__ = [
    "GroupFigures",
    "Period",
    "ReportFigures",
    "StepFigures",
    "TakeDown",
    "compute",
    "write_csv",
    "write_docx",
]
