"""Output files: checked before any work starts, locked while a run extends them.

Writing itself is :func:`graphbuild.util.atomic_write_bytes` (a temporary
file and a rename), so a failed run never leaves half a file.
"""
from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Iterator

from .types import GraphbuildError

__all__ = ["check_writable", "exclusive_lock"]


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
