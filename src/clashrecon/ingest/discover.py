"""Turn the paths given on the command line into the list of files to read."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from clashrecon.errors import InputFileError
from clashrecon.lexicon import load_data


def supported_extensions() -> frozenset[str]:
    return frozenset(load_data("ingest.json")["extensions"])


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    errors: list[InputFileError] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def _is_sidecar(path: Path) -> bool:
    return path.name.endswith(".meta.json")


def discover(paths: list[Path], glob: str | None = None) -> Discovery:
    """Files under `paths` (recursively), in a stable order, with reasons for what is left out.

    Does not read the files; a path that does not exist or a directory loop is an error,
    an unsupported extension or a sidecar `NAME.meta.json` is a skip.
    """
    found = Discovery()
    seen: set[Path] = set()
    exts = supported_extensions()

    def consider(p: Path, explicit: bool) -> None:
        if _is_sidecar(p):
            if explicit:
                found.skipped.append((str(p), "metadata sidecar, read with its article"))
            return
        if glob and not (fnmatch.fnmatch(p.name, glob) or fnmatch.fnmatch(str(p), glob)):
            return
        if p.suffix.lower() not in exts:
            found.skipped.append((str(p), f"unsupported extension {p.suffix or '(none)'!r}; readable: {', '.join(sorted(exts))}"))
            return
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            found.files.append(p)

    for root in paths:
        if not os.path.lexists(root):
            found.errors.append(InputFileError(str(root), "no such file or directory"))
            continue
        if root.is_symlink() and not root.exists():
            found.errors.append(InputFileError(str(root), "broken or looping symbolic link"))
            continue
        if root.is_file():
            consider(root, explicit=True)
            continue
        if not root.is_dir():
            found.errors.append(InputFileError(str(root), "not a regular file or directory"))
            continue
        visited: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: found.errors.append(
            InputFileError(str(e.filename), f"cannot list directory ({e.strerror})")
        )):
            st = os.stat(dirpath)
            if (st.st_dev, st.st_ino) in visited:
                found.errors.append(InputFileError(dirpath, "directory loop through a symbolic link; not followed again"))
                dirnames[:] = []
                continue
            visited.add((st.st_dev, st.st_ino))
            dirnames.sort()
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                p = Path(dirpath) / name
                if p.is_symlink() and not p.exists():
                    found.errors.append(InputFileError(str(p), "broken or looping symbolic link"))
                    continue
                consider(p, explicit=False)
    return found
