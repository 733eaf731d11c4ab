"""Running the user's ``alert_command`` once per alert: ntfy, mail or chat scripts plug in here.

The alert goes to the program as one JSON object on stdin. The program is run without a shell (the
argv is the user's list, ``~`` expanded in the program only), in a session of its own so that a
timeout stops whatever it started too, with its output discarded (``poll --alerts`` prints only the
alerts). Its failure (not found, not executable, non-zero exit, timeout) comes back as one line of
text, never as an exception: a broken notifier must not fail the poll that found the alert.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from typing import IO

from tui.watch.alerts import Alert
from tui.watch.settings import WatchConfig

STDERR_SHOWN = 200
"""Characters of the command's last stderr line quoted in a failure report."""


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the command and everything it started (its session), then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()


def _last_line(stream: IO[bytes]) -> str:
    """The command's last non-blank stderr line, shortened: what it said about failing."""
    stream.seek(0)
    text = stream.read()[-4096:].decode("utf-8", "replace")
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    line = lines[-1]
    return ": " + (line if len(line) <= STDERR_SHOWN else line[: STDERR_SHOWN - 1] + "…")


def run_alert_command(argv: Sequence[str], alert: Alert, timeout: float) -> str | None:
    """Run ``argv`` with ``alert`` as JSON on stdin; None when it succeeded, else what went wrong."""
    program = os.path.expanduser(argv[0])
    about = f"alert command {program!r} (watch.alert_command), for cut {alert.cut_id} ({alert.company})"
    payload = (json.dumps(alert.as_json(), ensure_ascii=False) + "\n").encode("utf-8")
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a lingering child cannot block us
        try:
            process = subprocess.Popen(
                [program, *argv[1:]],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                start_new_session=True,
            )
        except FileNotFoundError:
            return f"{about}: not found (nor on PATH); give its full path in feeds.toml"
        except PermissionError:
            return f"{about}: not executable; check its permissions (chmod +x)"
        except OSError as error:
            return f"{about}: cannot be run: {error.strerror or error}"
        try:
            process.communicate(payload, timeout=timeout)
        except subprocess.TimeoutExpired:
            return f"{about}: stopped after {timeout:g} s (watch.alert_timeout_seconds)"
        finally:
            if process.poll() is None:  # timed out, or we were interrupted (Ctrl-C) while it ran
                _stop(process)
        if process.returncode < 0:
            return f"{about}: killed by signal {-process.returncode}{_last_line(errors)}"
        if process.returncode:
            return f"{about}: failed with exit status {process.returncode}{_last_line(errors)}"
    return None


def run_alert_commands(watch: WatchConfig, alerts: Iterable[Alert]) -> list[str]:
    """The user's command once per alert, in order; the failures, one line each (none without a command)."""
    if not watch.alert_command:
        return []
    failures = []
    for alert in alerts:
        failure = run_alert_command(watch.alert_command, alert, watch.alert_timeout_seconds)
        if failure:
            failures.append(failure)
    return failures
