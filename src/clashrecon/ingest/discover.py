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
    empty: list[tuple[str, str]] = field(default_factory=list)  # (path given, why it gave no file to read)


SIDECAR = ".meta.json"


def _is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR)


def _has_article(sidecar: Path, exts: frozenset[str]) -> bool:
    """`a.txt.meta.json` belongs to `a.txt`; `a.meta.json` to any `a.<readable extension>`."""
    base = sidecar.name[: -len(SIDECAR)]
    if Path(base).suffix.lower() in exts and (sidecar.parent / base).is_file():
        return True
    return any((sidecar.parent / (base + ext)).is_file() for ext in exts)


def _looks_like_a_pattern(path: Path) -> bool:
    return any(ch in str(path) for ch in "*?[")


def discover(paths: list[Path], glob: str | None = None) -> Discovery:
    """Files under `paths` (recursively), in a stable order, with reasons for what is left out.

    Does not read the files; a path that does not exist or a directory loop is an error,
    a hidden file or folder, an unsupported extension or a sidecar `NAME.meta.json` given alone
    or with no article beside it is a skip, and a path that gives no file to read is `empty`.
    """
    found = Discovery()
    seen: set[Path] = set()
    exts = supported_extensions()
    readable = [0]  # files of the path being walked that are to be read (or were, under another path)

    def consider(p: Path, explicit: bool) -> None:
        if _is_sidecar(p):
            if not _has_article(p, exts):
                found.skipped.append((str(p), "metadata sidecar with no article beside it"))
            elif explicit:
                found.skipped.append((str(p), "metadata sidecar, read with its article"))
            return
        if glob and not (fnmatch.fnmatch(p.name, glob) or fnmatch.fnmatch(str(p), glob)):
            return
        if p.suffix.lower() not in exts:
            found.skipped.append((str(p), f"unsupported extension {p.suffix or '(none)'!r}; readable: {', '.join(sorted(exts))}"))
            return
        readable[0] += 1
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            found.files.append(p)

    for root in paths:
        if not os.path.lexists(root):
            reason = "no such file or directory"
            if _looks_like_a_pattern(root):
                reason += "; a pattern that matched nothing reaches clashrecon as written (or filter with --glob)"
            found.errors.append(InputFileError(str(root), reason))
            continue
        readable[0] = 0
        _walk(root, consider, found)
        if not readable[0] and not any(e.path == str(root) for e in found.errors):
            found.empty.append((str(root), _why_empty(root, glob)))
    return found


def _why_empty(root: Path, glob: str | None) -> str:
    if root.is_file():
        return f"does not match --glob {glob!r}" if glob else "nothing to read in it"
    if glob:
        return f"no file in this folder matches --glob {glob!r}"
    return "no file to read in this folder (hidden files, sidecars and other extensions are skipped)"


def _walk(root: Path, consider, found: Discovery) -> None:
    """Every file `root` names (itself, or those under it), given to `consider`."""
    if root.is_symlink() and not root.exists():
        found.errors.append(InputFileError(str(root), "broken or looping symbolic link"))
        return
    if root.is_file():
        consider(root, explicit=True)
        return
    if not root.is_dir():
        found.errors.append(InputFileError(str(root), "not a regular file or directory"))
        return
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
        for d in dirnames:
            if d.startswith("."):
                found.skipped.append((str(Path(dirpath) / d), "hidden folder"))
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if name.startswith("."):
                found.skipped.append((str(p), "hidden file"))
                continue
            if p.is_symlink() and not p.exists():
                found.errors.append(InputFileError(str(p), "broken or looping symbolic link"))
                continue
            consider(p, explicit=False)
