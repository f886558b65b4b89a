"""The portal's daily operations put together (issue 20): what its scheduler runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine

from portal.board.schedule import Every, Job, Scheduler, take_down_expired


def make_scheduler(
    engine: Engine, clock: Callable[[], datetime], smtp: str | None = None
) -> Scheduler:
    """Expiry always; the e-mail notices' queue when the portal has an SMTP server."""
    from portal.board import mail

    jobs: list[Job] = [
        take_down_expired,
        Every(mail.queue_deadline_notices, timedelta(hours=1)),
        Every(mail.queue_question_notices, timedelta(hours=1)),
    ]
    if smtp:
        jobs.append(mail.Sender(mail.SmtpSettings.parse(smtp)))
    return Scheduler(engine, clock, jobs)
