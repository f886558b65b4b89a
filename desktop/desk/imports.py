"""Many files → many drafts (issue 20): ``portal-desk items import FOLDER`` and the app's drag
and drop of several files. Each file is read by the one reader of ``items new``
(``desktop.content.item_file``) and becomes a draft of its own; a file that cannot be used is
reported with its reason and the others go on; files that are no item files are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.content.item_file import is_item_file, read_item_file
from desktop.models import ModelError
from desktop.models.errors import Invalid, KnownError, message_of

if TYPE_CHECKING:
    from desktop.desk.desk import Desk

IMPORTED, FAILED, SKIPPED = "imported", "failed", "skipped"


@dataclass(frozen=True)
class Outcome:
    """One file's outcome: ``imported`` (with the new item's id), ``failed`` (with the reason
    in both languages) or ``skipped`` (not a .md or .docx)."""

    path: Path
    status: str
    item_id: str = ""
    vi: str = ""
    en: str = ""

    def reason(self, language: str) -> str:
        return self.vi if language == "vi" else self.en

    def to_dict(self, language: str = "vi") -> dict[str, str]:
        return {
            "file": self.path.name,
            "status": self.status,
            "id": self.item_id,
            "reason": self.reason(language),
        }


def folder_files(folder: Path) -> list[Path]:
    """The folder's files (not its subfolders), in name order."""
    return sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.name)


async def import_files(
    desk: Desk, paths: Iterable[Path], site: str, category: str = ""
) -> list[Outcome]:
    """A draft per item file; ``category`` for files whose front matter names none."""
    outcomes = []
    for path in paths:
        if not is_item_file(path):
            outcomes.append(Outcome(path, SKIPPED))
            continue
        try:
            read = read_item_file(path)
            content = dict(read.content)
            chosen = content.pop("category", "") or category
            if not chosen:
                raise Invalid(
                    "chưa có chuyên mục (khóa category trong tệp, hoặc --category).",
                    "no section (the file's category key, or --category).",
                    "no_category",
                )
            known = desk.category_map()
            if known is not None and site == desk.site and chosen not in known:
                raise Invalid(
                    f"chuyên mục “{chosen}” không có trên trang {site}.",
                    f"the section “{chosen}” is not on {site}.",
                    "unknown_category",
                )
            item = await desk.create(chosen, site=site, **content)
            if read.pictures:
                from desktop.content.images import temporary_file

                for name, data in read.pictures:
                    await desk.attach(item.id, temporary_file(name, data))
        except KnownError as error:
            outcomes.append(Outcome(path, FAILED, vi=error.message("vi"), en=error.message("en")))
            continue
        except ModelError as error:
            text = f"{error.field}: {error.message}"
            outcomes.append(Outcome(path, FAILED, vi=text, en=text))
            continue
        except (OSError, ValueError) as error:
            vi, en = message_of(error, "vi"), message_of(error, "en")
            outcomes.append(Outcome(path, FAILED, vi=vi, en=en))
            continue
        outcomes.append(Outcome(path, IMPORTED, item.id))
    return outcomes
