"""Helpers for the robustness suite: run the real CLI in a child process and measure it."""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

# Linux capability numbers and the prctl call that drops one from the bounding set
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float
    seconds: float

    def lines_naming(self, name: str) -> list[str]:
        return [line for line in self.stderr.splitlines() if name in line]


def cli_args(*args: str) -> list[str]:
    return [sys.executable, "-m", "clashrecon", *args]


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CLASHRECON_DB", "FORCE_COLOR", "NO_COLOR")}
    env.update(extra)
    return env


def _drop_permission_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def permissions_enforced() -> tuple[bool, str]:
    """Whether a child started with `honour_permissions=True` is refused a mode-000 file.

    Root ignores file modes through the CAP_DAC_* capabilities; dropping them from the child's
    bounding set makes root obey modes like anyone else, without needing another user.
    """
    if os.geteuid() != 0:
        return True, "not root"
    probe = Path(f"/tmp/clashrecon-perm-probe-{os.getpid()}")
    probe.write_text("x")
    probe.chmod(0)
    try:
        r = subprocess.run(["cat", str(probe)], preexec_fn=_drop_permission_override, capture_output=True)
        return r.returncode != 0, "root without CAP_DAC_OVERRIDE"
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"cannot drop CAP_DAC_OVERRIDE here ({exc})"
    finally:
        probe.unlink()


def run_cli_process(*args: str, honour_permissions: bool = False, env: dict[str, str] | None = None,
                    timeout: float = 300) -> Finished:
    """Run `clashrecon ARGS` in a child process; its own peak RSS comes from wait4, not from earlier children."""
    out_path = Path(f"/tmp/clashrecon-child-{os.getpid()}-{time.monotonic_ns()}")
    preexec = _drop_permission_override if honour_permissions and os.geteuid() == 0 else None
    started = time.monotonic()
    with open(f"{out_path}.out", "wb") as out, open(f"{out_path}.err", "wb") as err:
        proc = subprocess.Popen(cli_args(*args), stdout=out, stderr=err, preexec_fn=preexec,
                                env=env or child_env(), cwd=ROOT)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    stdout = Path(f"{out_path}.out").read_text(errors="replace")
    stderr = Path(f"{out_path}.err").read_text(errors="replace")
    Path(f"{out_path}.out").unlink()
    Path(f"{out_path}.err").unlink()
    return Finished(proc.returncode, stdout, stderr, usage.ru_maxrss / 1024, seconds)


_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$")
_NUMBER = re.compile(r"\d+(?:[,.:]\d+)*")


def _shift_count(text: str, by: int) -> str:
    """Shift plain counts by `by`; years, days of the month, clock times and decimals stay."""

    def shifted(m: re.Match[str]) -> str:
        token = m.group()
        before = text[: m.start()].split()[-1:] or [""]
        after = text[m.end() :].split()[:1] or [""]
        if not token.isdigit() or 1900 <= int(token) <= 2099 or _MONTH.match(before[0]) or _MONTH.match(after[0]):
            return token
        return str(int(token) + by)

    return _NUMBER.sub(shifted, text)


def varied_corpus(folder: Path, copies: int) -> list[Path]:
    """`copies` distinct variants of each seed: every count shifted and a distinct closing line.

    Different texts (so different content hashes and claims) with the seeds' real sentence shapes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = _shift_count(seed.read_text(), i)
            text += f"\n\nThis copy was filed by regional desk number {i + 1}.\n"
            path = folder / f"v{i:03d}_{seed.name}"
            path.write_text(text)
            written.append(path)
    return written
