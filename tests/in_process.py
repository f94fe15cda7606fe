"""``ktt-site`` (``check``, ``new``, ``schema``) and ``mkdocs build --strict`` run inside the
test process.

The same code as the commands, from the site's folder and with its environment, with what
they would print captured: without a new interpreter importing MkDocs each time, a case that
took a second takes milliseconds. The real commands (``SiteProject.check``, ``.build``) still run
in the tests that are about the process itself: its exit status and what it prints.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

from ktt_site import cli

Result = subprocess.CompletedProcess[str]


@contextlib.contextmanager
def _as_run_from(root: Path, env: Mapping[str, str | None] | None) -> Iterator[None]:
    """The working folder and environment the real command would have, restored after;
    a variable set to ``None`` in ``env`` is unset."""
    saved = dict(os.environ)
    for name, value in {"NO_MKDOCS_2_WARNING": "1", **(env or {})}.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        with contextlib.chdir(root):
            yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def ktt_site(root: Path, *argv: str) -> Result:
    """``ktt-site ARGV`` typed in ``root``: its exit status and what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with _as_run_from(root, None), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse refusing the arguments, after printing why
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return subprocess.CompletedProcess(["ktt-site", *argv], code, out.getvalue(), err.getvalue())


def build(root: Path, *, site_dir: Path | None = None, env: Mapping[str, str | None] | None = None) -> Result:
    """``mkdocs build --strict`` typed in ``root``, as ``mkdocs.__main__.build_command`` runs it.

    MkDocs' command line prints its log (``mkdocs`` logger, INFO and up) on standard error as
    ``LEVEL   -  message``: the same lines are captured here, without colours. MkDocs' own
    exceptions become a message and exit status 1, as click shows them; any other exception is
    a crash and is raised here, where the command would print a traceback."""
    from click import ClickException
    from mkdocs.commands.build import build as run_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    out, err = io.StringIO(), io.StringIO()
    printed = logging.StreamHandler(err)
    printed.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(printed)
    logger.setLevel(logging.INFO)
    # A new `mkdocs build` process starts with fresh logging. Here the process is shared: MkDocs'
    # build logger drops any message it has already logged once in the process (its
    # DuplicateFilter), so a test whose error text an earlier test's build had printed got
    # "Aborted with a BuildError!" and nothing else. Forget what earlier builds printed, and undo
    # any disabling an earlier test or library may have done.
    for name, found in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(found, logging.Logger) and (name == "mkdocs" or name.startswith("mkdocs.")):
            found.disabled = False
            for seen in found.filters:
                if isinstance(getattr(seen, "msgs", None), set):
                    seen.msgs.clear()
    disabled = logging.root.manager.disable
    logging.disable(logging.NOTSET)
    code = 0
    try:
        with _as_run_from(root, env):
            config = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=site_dir and str(site_dir))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                run_build(config)
            finally:
                config.plugins.on_shutdown()
    except Abort as exc:  # "Aborted with a BuildError!", on standard output
        out.write(f"\n{exc.format_message()}\n")
        code = 1
    except ClickException as exc:  # "Error: ...", e.g. a ConfigurationError
        exc.show(file=err)
        code = exc.exit_code
    finally:
        logger.removeHandler(printed)
        logger.setLevel(level)
        logging.disable(disabled)
    if code and not err.getvalue():  # nothing logged: say what logging looked like, to find why
        states = {
            name: (found.disabled, found.level, found.propagate, [type(f).__name__ for f in found.filters])
            for name, found in logging.Logger.manager.loggerDict.items()
            if isinstance(found, logging.Logger) and name.startswith("mkdocs")
        }
        err.write(f"(in-process build logged nothing; loggers: {states})\n")
    return subprocess.CompletedProcess(["mkdocs", "build", "--strict"], code, out.getvalue(), err.getvalue())
