"""Small helpers shared by several stages: atomic writes, package data."""
from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

__all__ = [
    "atomic_write_text",
    "atomic_write_bytes",
    "check_writable",
    "exclusive_lock",
    "load_data",
    "data_path",
]


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and a crash leaves the old file
    in place.  Parent folders are created.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp creates the file private (0600); give it the permissions a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Check, before any work, that :func:`atomic_write_bytes` can write ``path``.

    The file's folder (or, when it does not exist yet, the nearest folder
    above it, since missing folders are created) must be a writable folder,
    and ``path`` itself must not be a folder.

    Raises
    ------
    GraphbuildError
        Naming the path and the reason ("is a folder", "... is not a folder",
        "permission denied").
    """
    from .types import GraphbuildError  # here: types reads package data through this module

    target = Path(os.fspath(path))
    if target.is_dir():
        raise GraphbuildError(f"cannot write {target}: it is a folder")
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise GraphbuildError(f"cannot write {target}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise GraphbuildError(f"cannot write {target}: permission denied in {parent}")
    try:  # what access() cannot tell: a read-only file system, /proc, ...
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as exc:
        raise GraphbuildError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target


@contextlib.contextmanager
def exclusive_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold ``path``'s lock (``.<name>.lock`` next to it) for the block, or refuse at once.

    Two runs that read, extend and rewrite one file must not overlap, or one
    run's additions are lost.  The lock is an advisory ``flock`` on a file
    that is removed on release; a lock left by a killed process is released
    by the kernel, so it never needs clearing by hand.

    Raises
    ------
    GraphbuildError
        When another process holds the lock.
    """
    import fcntl

    from .types import GraphbuildError

    target = Path(os.fspath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = target.with_name(f".{target.name}.lock")
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise GraphbuildError(
                    f"another graphbuild run is writing {target}; run again when it has finished"
                ) from None
            raise
        try:
            same = os.stat(lock).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the holder removed this lock file as we took it: take the new one
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock)
        os.close(fd)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """:func:`atomic_write_bytes` for UTF-8 text."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def data_path(name: str) -> Path:
    """Path of a file shipped in ``graphbuild/data``."""
    return Path(str(resources.files("graphbuild") / "data" / name))


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Parsed JSON of a package data file (cached: the files never change at run time)."""
    return json.loads(data_path(name).read_text(encoding="utf-8"))
