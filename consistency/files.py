"""Reading files the tool does not trust: regular files only, of bounded size, symbolic links refused where asked.

In a newsroom repository a pull request controls every file: one committed as a link to ``/dev/zero``
would be read until memory runs out, one linked to a file outside the corpus would be read (or written)
in its place. Each refusal is one ConsistencyError naming the path.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import ConsistencyError

CHUNK = 1024 * 1024
MAX_DATA_BYTES = 4 * 1024 * 1024  # rule, alias and reference files are kilobytes; more is a mistake or an attack


def read_bytes(path: Path, limit: int, what: str = "file", follow: bool = True) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes (symbolic links refused unless ``follow``)."""
    descriptor = open_regular(path, os.O_RDONLY, what, follow)
    try:
        return read_all(path, descriptor, limit, what)
    finally:
        os.close(descriptor)


def open_regular(path: Path, flags: int, what: str = "file", follow: bool = True, mode: int = 0o666) -> int:
    """A descriptor on the regular file ``path``; without ``follow``, neither it nor its folder may be a link."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below as not a regular file.
    flags |= os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    path = Path(path)
    try:
        if follow:
            descriptor = os.open(path, flags, mode)
        else:
            folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
            try:
                descriptor = os.open(path.name, flags | os.O_NOFOLLOW, mode, dir_fd=folder)
            finally:
                os.close(folder)
    except OSError as err:
        raise ConsistencyError(path, f"cannot open the {what}: {describe(err)}") from None
    try:
        _refuse_irregular(path, os.fstat(descriptor).st_mode, what)
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_text(path: Path, limit: int, what: str = "file", follow: bool = True) -> str:
    """``read_bytes`` decoded as UTF-8 (a byte-order mark is dropped)."""
    data = read_bytes(path, limit, what, follow)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConsistencyError(path, f"the {what} is not UTF-8 text (byte 0x{data[err.start]:02x})", line) from None


def _refuse_irregular(path: Path, mode: int, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise ConsistencyError(path, f"the {what} is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise ConsistencyError(path, f"the {what} is not a regular file (a device, FIFO or socket); refused")


def read_all(path: Path, descriptor: int, limit: int, what: str = "file") -> bytes:
    """Everything from an open regular file, refusing more than ``limit`` bytes."""
    info = os.fstat(descriptor)
    too_large = ConsistencyError(path, f"the {what} is larger than the limit of {limit:,} bytes; refused")
    if info.st_size > limit:
        raise too_large
    chunks, size = [], 0
    while True:  # st_size can lie (a file still growing, /proc): never read past the limit
        chunk = os.read(descriptor, min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_large


def write_all(descriptor: int, data: bytes) -> None:
    """Write every byte (os.write may take only part of them)."""
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def describe(err: OSError) -> str:
    """An OSError in words, naming a refused symbolic link as such."""
    if err.errno == errno.ELOOP:
        return "it is a symbolic link, and links are not followed here"
    return err.strerror or str(err)
