"""A throwaway PostgreSQL server for the tests and `make bench-cluster`: initdb into a temporary
folder, `pg_ctl start` on 127.0.0.1 and a free port, as an unprivileged user, stopped and removed after.

PostgreSQL refuses to run as root, so under root (CI) the server runs as the `postgres` user
Debian's package makes, else as `nobody`. The cluster's default collation is ICU's en-US where the
server has ICU, an order unlike the bytes', so a query that forgot SQLite's byte order shows up.
`make postgres` installs the server from Debian's packages where it is missing.

    with Throwaway() as server:      # or Throwaway.start() ... server.stop()
        url = server.create_database("seeds")
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "clashrecon"
START_TIMEOUT_S = 60


class Unavailable(Exception):
    """No server can be started here; the message says why, for a test's skip reason."""


def bindir() -> Path:
    """Where initdb and pg_ctl are: on PATH, or in Debian's versioned folder (newest first)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
        if (Path(out) / "initdb").exists():
            return Path(out)
    except (OSError, subprocess.CalledProcessError):
        pass
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]), reverse=True)
    if versions:
        return Path(versions[0]).parent
    raise Unavailable("PostgreSQL is not installed (no initdb); `make postgres` installs it (apt-get install -y postgresql)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_user() -> pwd.struct_passwd | None:
    """The user to run the server as: None for this one, unless this is root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise Unavailable("running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as")


class Throwaway:
    """One temporary PostgreSQL server on 127.0.0.1."""

    def __init__(self, *, settings: dict[str, str] | None = None) -> None:
        self.bin = bindir()
        self.user = _server_user()
        self.root = Path(tempfile.mkdtemp(prefix="clashrecon-pg-"))
        self.data = self.root / "data"
        self.port = 0
        self.settings = settings or {}
        self._databases = 0

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        def as_user() -> None:
            if self.user is not None:
                os.setgid(self.user.pw_gid)
                os.setgroups([])
                os.setuid(self.user.pw_uid)

        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        done = subprocess.run(
            [str(self.bin / args[0]), *args[1:]], capture_output=True, text=True, preexec_fn=as_user, env=env,
            cwd=self.root, timeout=START_TIMEOUT_S,
        )
        if check and done.returncode != 0:
            raise Unavailable(f"{args[0]} failed: {(done.stderr or done.stdout).strip()[-500:]}")
        return done

    @classmethod
    def start(cls, *, settings: dict[str, str] | None = None) -> Throwaway:
        server = cls(settings=settings)
        try:
            server._initdb()
            server._start()
        except BaseException:
            server.remove()
            raise
        return server

    def _initdb(self) -> None:
        if self.user is not None:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        common = ("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-sync")
        icu = self._run(*common, "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US", check=False)
        if icu.returncode != 0:  # a server built without ICU, or older than 15
            shutil.rmtree(self.data, ignore_errors=True)
            self._run(*common, "--locale=C.UTF-8")

    def _start(self) -> None:
        for attempt in range(3):  # another process may take the free port first
            self.port = _free_port()
            options = [f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root}"]
            options += [f"-c {k}={v}" for k, v in self.settings.items()]
            started = self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", " ".join(options),
                "-w", "-t", str(START_TIMEOUT_S), "start", check=False,
            )
            if started.returncode == 0:
                return
        log = (self.root / "server.log").read_text(errors="replace")[-800:] if (self.root / "server.log").exists() else ""
        raise Unavailable(f"pg_ctl start failed: {started.stderr.strip()[-300:]} {log}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run one statement with psql; its output, unaligned."""
        done = self._run("psql", "-X", "-q", "-tA", "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER,
                         "-d", database, "-v", "ON_ERROR_STOP=1", "-c", statement)
        return done.stdout.strip()

    def create_database(self, prefix: str = "store") -> str:
        """A new empty database; its URL."""
        self._databases += 1
        name = f"{prefix}_{self._databases}"
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, name)
        return self.url(name)

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        self.remove()

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Throwaway:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_or_reason(**kwargs) -> tuple[Throwaway | None, str]:
    """A started server, or None and why none could be started."""
    try:
        return Throwaway.start(**kwargs), ""
    except Unavailable as exc:
        return None, str(exc)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"PostgreSQL could not be started here ({exc})"


if __name__ == "__main__":
    # by hand: a server for a while, e.g. to try `clashrecon --db` against it
    with Throwaway.start() as s:
        print(s.create_database("try"), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
