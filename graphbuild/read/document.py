"""One article's text -> :class:`~graphbuild.types.Document`: cleaned, titled, dated."""
from __future__ import annotations

from ..dates import is_date, normalize_date
from ..types import Document, GraphbuildError
from .boilerplate import _clean
from .decode import read_text_file, strip_invisible
from .problems import IGNORED_DATE, ONLY_BOILERPLATE, ReadProblem

__all__ = ["document_from_text", "sample_documents", "check_date"]

def sample_documents(corpus: bool = False) -> list[Document]:
    """The article shipped with graphbuild (and, with ``corpus=True``, three short ones more).

    Ids are the file names, so output does not depend on where graphbuild is installed.
    """
    from ..util import data_path

    paths = [data_path("samples/kerry_geneva.txt")]
    if corpus:
        paths += sorted(data_path("samples/corpus").glob("*.txt"))
    return [document_from_text(read_text_file(p), id=p.name, source=p.name) for p in paths]



def check_date(date: str | None) -> str | None:
    """``date`` when it names one day (see :func:`graphbuild.dates.parse_doc_date`), or None.

    Raises
    ------
    GraphbuildError
        When ``date`` is given but is not a date, with the reason.
    """
    if date is None:
        return None
    if not isinstance(date, str) or not is_date(date):
        raise GraphbuildError(f"date {date!r} is not a date (write it like 2016-05-02)")
    return date


def _document_date(value: str | None, where: str) -> tuple[str | None, ReadProblem | None]:
    """A document's own date, or None and the problem to report when it is no date."""
    if value is None or is_date(value):
        return value, None
    return None, ReadProblem(where, f"{IGNORED_DATE} {value!r} (not a date; write it like 2016-05-02)")



def document_from_text(
    text: str,
    id: str = "text",
    *,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
) -> Document:
    """A :class:`Document` from a string: boilerplate removed, headline kept as title.

    A wire dateline opening the first paragraph ("BAGHDAD, Oct 17 (Reuters) -")
    is taken out of the text and kept as ``Document.dateline``
    (:class:`~graphbuild.types.Dateline`).

    Parameters
    ----------
    text : str
        The article text (already decoded).
    id : str
        Document id.
    title, date, source : str, optional
        Metadata.  When ``title`` is None, the headline found above the first
        paragraph (if any) is used.  When ``date`` is None and the dateline
        has a full date ("March 3, 2022"), that date is used.

    Returns
    -------
    Document

    Raises
    ------
    GraphbuildError
        If the text is not a string, is empty or holds only boilerplate.
    """
    if not isinstance(text, str):
        raise GraphbuildError(f"text is not a string but {type(text).__name__}")
    text = strip_invisible(text)
    if not text.strip():
        raise GraphbuildError("empty text")
    title = strip_invisible(title) if isinstance(title, str) else title
    cleaned, headline, dateline = _clean(text)
    if not cleaned:
        raise GraphbuildError(ONLY_BOILERPLATE)
    if date is None and dateline and dateline.date:
        date = normalize_date(dateline.date, None)  # only a date with its year resolves alone
    return Document(
        id=id, text=cleaned, title=title or headline, date=date, source=source, dateline=dateline
    )

