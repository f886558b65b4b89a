"""The application layer: what a signed-in person can do, without Qt (docs/architecture.md).

``Desk`` holds one person's store, portal session, sync and queues, and every action as a plain
async method; ``signin`` opens one. The screens and the command line are two faces of it.
"""

from desktop.desk.desk import Desk, SyncState
from desktop.desk.session import Session

__all__ = ["Desk", "Session", "SyncState"]
