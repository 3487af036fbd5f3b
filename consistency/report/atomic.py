"""File writes: a reader sees the old file or the new one, never half of one; what is not a file is left in place.

Atomic replace is for regular files only: renaming over a FIFO, ``/dev/null`` or a terminal would
replace the device with a file (as root, destroying a device node), so those are written in place.
A temporary file left by a killed run is removed by the next write of the same file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ConsistencyError
from ..files import describe, write_all

TEMPORARY = ".tmp"  # our temporary files are ".<name>.<pid>.<random>.tmp" beside their target
BATCH = 1 << 20  # characters of a stream written at a time


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``, on error it is removed."""
    path = Path(path)
    remove_stale_temporaries(path)
    # Same folder, so os.replace is a rename on one file system and cannot be half done.
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY, dir=path.parent)
    except OSError as err:
        raise ConsistencyError(path, f"cannot write: {describe(err)}") from None
    os.close(handle)
    temporary = Path(name)
    os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is an ordinary file
    try:
        yield temporary
        _fsync(temporary)
        os.replace(temporary, path)
    except OSError as err:  # a full disk, a read-only folder
        temporary.unlink(missing_ok=True)
        raise ConsistencyError(path, f"cannot write: {describe(err)}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def atomic_write(path: Path, content: str | bytes | Iterable[str], follow: bool = False) -> Path:
    """Write text (UTF-8), bytes or a stream of text pieces to ``path``: atomically if it is (or will be) a regular
    file, else in place. A stream is written as it comes, so a large report is never one string in memory.

    Without ``follow`` a symbolic link at ``path`` is replaced, never written through (report files in a folder
    a pull request may have filled); with it (a file the user named, such as ``-o /dev/stdout``) the link's
    target is written.
    """
    path = Path(path)
    if isinstance(content, (str, bytes)):
        chunks = [content.encode("utf-8") if isinstance(content, str) else content]
    else:
        chunks = _encoded(content)
    try:
        info = os.stat(path) if follow else os.lstat(path)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
        _write_in_place(path, chunks)
        return path
    target = Path(os.path.realpath(path)) if follow and info is not None else path
    with atomic_path(target) as temporary:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0))
        try:
            for chunk in chunks:
                write_all(descriptor, chunk)
        finally:
            os.close(descriptor)
    return path


def _write_in_place(path: Path, chunks: Iterable[bytes]) -> None:
    try:
        descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise ConsistencyError(path, f"cannot write: {describe(err)}") from None
    try:
        for chunk in chunks:
            write_all(descriptor, chunk)
    except OSError as err:
        raise ConsistencyError(path, f"cannot write: {describe(err)}") from None
    finally:
        os.close(descriptor)


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    """Text pieces as UTF-8, joined into batches of about BATCH characters: a template yields millions of tiny ones."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= BATCH:
            yield "".join(batch).encode("utf-8")
            batch, size = [], 0
    yield "".join(batch).encode("utf-8")


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files of ``path`` left by runs that were killed (their process is gone)."""
    prefix = f".{path.name}."
    try:
        candidates = [entry for entry in os.scandir(path.parent) if entry.name.startswith(prefix)]
    except OSError:
        return
    for entry in candidates:
        pid = entry.name[len(prefix) :].split(".")[0]
        ours = entry.name.endswith(TEMPORARY) and pid.isdigit() and entry.is_file(follow_symlinks=False)
        if ours and not _running(int(pid)):
            try:
                os.unlink(entry.path)
            except OSError:
                pass  # another run removed it first


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _umask() -> int:
    # The only way to read the umask is to set it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync(path: Path) -> None:
    with open(path, "rb") as file:
        os.fsync(file.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a new or renamed name in ``folder`` durable; not every platform can open a folder."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
