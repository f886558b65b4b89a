"""The desk's citizens part (issue 18) where the portal is away: a clear refusal in both
languages (the command line exits 3), never a traceback; nothing is queued."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.desk.questions import NoQuestionsSection, QuestionsOnlineOnly
from desktop.models.errors import ErrorKind
from tests.desk.conftest import local_desk


async def test_offline_the_inbox_says_it_needs_the_portal(tmp_path: Path) -> None:
    desk = local_desk(tmp_path / "store.sqlite3")
    try:
        with pytest.raises(QuestionsOnlineOnly) as refused:
            await desk.citizens.questions()
        assert refused.value.kind is ErrorKind.OFFLINE
        assert "chỉ xem khi có mạng" in refused.value.message("vi")
        assert "online only" in refused.value.message("en")
        with pytest.raises(QuestionsOnlineOnly):
            await desk.citizens.comments("abc")
        # a site without a Q&A section cannot take an answer
        with pytest.raises(NoQuestionsSection):
            desk.citizens.questions_section()
        assert desk.store.pending_count() == 0
    finally:
        await desk.close()
