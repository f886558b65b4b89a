"""The portal's daily operations put together (issue 20): what its scheduler runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine

from portal.board.schedule import Every, Job, Scheduler, take_down_expired

#: How often the day-old idempotency answers are deleted.
PURGE_EVERY = timedelta(minutes=10)


def make_scheduler(
    engine: Engine, clock: Callable[[], datetime], smtp: str | None = None
) -> Scheduler:
    """Expiry and the purge of day-old ``Idempotency-Key`` answers always; the e-mail notices'
    queue when the portal has an SMTP server."""
    from portal.api import idempotency
    from portal.board import mail

    jobs: list[Job] = [
        take_down_expired,
        # not on every claim (issue 21); a key past its retention is never answered meanwhile
        Every(idempotency.purge, PURGE_EVERY),
        Every(mail.queue_deadline_notices, timedelta(hours=1)),
        Every(mail.queue_question_notices, timedelta(hours=1)),
    ]
    if smtp:
        jobs.append(mail.Sender(mail.SmtpSettings.parse(smtp)))
    return Scheduler(engine, clock, jobs)
