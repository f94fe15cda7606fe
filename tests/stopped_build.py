"""``mkdocs build --strict``, run by MkDocs' own command line in a process of its own, and met at
one named moment by a kill, an interrupt or a full disk (for ``tests/test_publishing.py``).

    python stopped_build.py MOMENT ACTION [mkdocs build options]

The moments are found by what the process does, through Python's audit events (PEP 578), so a
test stops the build exactly there, however fast the machine:

- ``indexing``: the second page handed to Pagefind, which indexes in its own process meanwhile;
- ``pages``: the first page MkDocs writes;
- ``search``: the first file of the search bundle written;
- ``swap``: the new site about to take the output folder's place (the C library's
  ``renameat2`` is looked up once, just then);
- ``publishing``: the previous site being deleted, once the new one has taken its place.

ACTION is ``SIGKILL`` or ``SIGINT``, sent by the process to itself, or ``ENOSPC``: the file about
to be written is made a link to ``/dev/full``, so the kernel itself answers that the disk is full.
A build that never reaches its moment exits with status 3.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from ktt_site.publishing import StagedSite

NOT_REACHED = 3


def main() -> None:
    moment, action, *options = sys.argv[1:]
    # An interrupt is a reader's Ctrl-C, whatever this process inherited: a job started in the
    # background of a script (nohup ... &) has SIGINT ignored, and Python then keeps it so.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    staging = StagedSite(Path("site").resolve()).staging
    #: The moments met when a file is opened for writing: under which folder, with which ending.
    opened = {"pages": (staging, ".html"), "search": (staging / "pagefind", "")}.get(moment)
    pages_sent = 0
    acting = False

    def act(path: str | None = None) -> None:
        nonlocal acting
        acting = True
        if action == "ENOSPC":
            assert path is not None
            os.symlink("/dev/full", path)
        else:
            os.kill(os.getpid(), getattr(signal, action))

    def written(args: tuple[Any, ...], folder: Path, suffix: str = "") -> str | None:
        """The path an ``open`` event is about to write under ``folder``, if it is one."""
        path, mode = args[0], args[1]
        if not isinstance(path, str) or not isinstance(mode, str) or "w" not in mode:
            return None
        return path if Path(path).is_relative_to(folder) and path.endswith(suffix) else None

    def count_pages(frame: Any, event: str, arg: Any) -> None:
        nonlocal pages_sent
        code = frame.f_code
        if event == "call" and code.co_name == "add" and code.co_filename.endswith("search/background.py"):
            pages_sent += 1
            if pages_sent == 2:
                sys.setprofile(None)
                act()

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if acting:
            return
        if moment == "indexing" and event == "subprocess.Popen" and "pagefind" in str(args[:2]):
            sys.setprofile(count_pages)  # from Pagefind's start, in this (the main) thread
        elif opened and event == "open" and (path := written(args, *opened)):
            act(path)
        elif (moment == "swap" and event == "ctypes.dlsym" and args[1] == "renameat2") or (
            # the previous site, set aside by the swap, being deleted
            moment == "publishing"
            and event == "shutil.rmtree"
            and Path(str(args[0])) == staging
            and (staging / "index.html").exists()
        ):
            act()

    sys.addaudithook(hook)
    from mkdocs.__main__ import cli

    try:
        cli(["build", "--strict", *options])  # exits as the command does
    finally:
        if not acting:
            print(f"stopped_build: the build never reached the moment '{moment}'", file=sys.stderr)
            os._exit(NOT_REACHED)


if __name__ == "__main__":
    main()
