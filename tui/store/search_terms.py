"""A search's last, half-typed word as the few words the index holds: its matches then stream.

FTS5 answers a prefix query (``"rev"*``) by first merging the lists of every word that starts so into
one, however many matches there are: 95 ms at a million articles for ``rev``, against 0.3 ms for
the newest page of one word. Only prefixes of one and two characters have their own index (see
``tui.store.schema_scale``). So when a longer prefix stands for a few words, the query names them
instead (``("revenu" OR "revenues")``), and FTS5 streams their matches newest first, stopping after
a page; counting them is several times cheaper too. The answer is the same set of articles.

A word half-typed past its stem finds nothing as a prefix: "restructuring" is kept as ``restructur``,
so "restructuri" and "restructurin" match no stored word, nor does "cutt" (``cut``) or "hiri"
(``hire``), and the table would blink empty under the user's fingers. Such a prefix is completed
with the usual English endings ("-ng", "-ing", "-ion"…) and asked as those whole words whose stems
the index holds ("restructuring", which FTS5 stems as it stemmed the stories).

The index holds stemmed words (porter: "revenue" is kept as ``revenu``) and FTS5 stems the typed
prefix too, so the prefix is stemmed here by the same tokenizer, in a table of a private in-memory
database (the reader's connection writes nothing). What a search stands for is remembered until the
database changes (``tui.store.memo``).
"""

from __future__ import annotations

import functools
import sqlite3
import threading

import sqlite_utils

from tui.store.filters import WORDS, fts_query
from tui.store.memo import remembered

TOKENIZER = "porter unicode61"
"""The tokenizer of ``articles_fts`` (migration 5), which the probe must share to stem alike."""
INDEXED_PREFIX = 2
"""Prefixes this long or shorter have their own index: queried as they are."""
MAX_TERMS = 16
"""A prefix standing for more words than this is left to FTS5's merge (rare past three letters)."""

WORD_ENDINGS = (
    "ing", "ings", "ed", "es", "s", "er", "ers", "ion", "ions", "ation", "ations", "ization", "isation",
    "ment", "ments", "ity", "ities", "ies", "ive", "ness", "al", "ally", "ly", "able", "ance", "ence",
)
"""Endings the stemmer takes off, which a half-typed word may have begun: "restructuri" + "ng"."""

_TERMS = "CREATE VIRTUAL TABLE temp.articles_terms USING fts5vocab(main, articles_fts, row)"
_stemmer_lock = threading.Lock()
_stemmer: sqlite3.Connection | None = None


@functools.lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[str, ...]:
    """The index's words for ``text``, as the tokenizer makes them (sorted, each once). Remembered: a
    word always stems alike, and every statement a worker runs waits for the GIL while the app paints."""
    global _stemmer
    with _stemmer_lock:
        if _stemmer is None:
            _stemmer = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            _stemmer.execute(
                f"CREATE VIRTUAL TABLE probe USING fts5(word, tokenize='{TOKENIZER}', detail=none)"
            )
            _stemmer.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, row)")
        _stemmer.execute("INSERT OR REPLACE INTO probe (rowid, word) VALUES (1, ?)", [text])
        return tuple(row[0] for row in _stemmer.execute("SELECT term FROM probe_terms ORDER BY term"))


def _stored_terms(db: sqlite_utils.Database, low: str, high: str) -> list[str]:
    """The index's words from ``low`` up to (not including) ``high``, at most ``MAX_TERMS + 1``."""
    sql = "SELECT term FROM temp.articles_terms WHERE term >= ? AND term < ? LIMIT ?"
    try:
        rows = db.execute(sql, [low, high, MAX_TERMS + 1]).fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" not in str(error):
            raise
        db.execute(_TERMS)  # once per connection
        rows = db.execute(sql, [low, high, MAX_TERMS + 1]).fetchall()
    return [row[0] for row in rows]


def _next_after(prefix: str) -> str | None:
    """The smallest string above every string that starts with ``prefix`` (None past the last
    character)."""
    last = ord(prefix[-1])
    return None if last >= 0x10FFFF else prefix[:-1] + chr(last + 1)


def prefix_terms(db: sqlite_utils.Database, word: str) -> list[str] | None:
    """The stored words that the prefix query ``"word"*`` matches, when they are few (at most
    ``MAX_TERMS``) and each, quoted, stays itself when stemmed again; None otherwise (query the
    prefix as it is). When it matches none, the whole words it can be completed to that the index
    holds (``_completed_words``; FTS5 stems them as it stemmed the stories)."""
    stems = _tokens(word)
    if len(stems) != 1 or len(stems[0]) <= INDEXED_PREFIX:
        return None
    stem = stems[0]
    upper = _next_after(stem)
    if upper is None:
        return None
    terms = _stored_terms(db, stem, upper)
    if len(terms) > MAX_TERMS or not all(term.startswith(stem) for term in terms):
        return None
    if not terms:
        return _completed_words(db, word, stem)
    if list(_tokens(" ".join(terms))) != sorted(terms):
        return None  # a stored word the stemmer would change again: a quoted word would miss it
    return terms


def _completed_words(db: sqlite_utils.Database, word: str, stem: str) -> list[str]:
    """Whole words that ``word`` becomes with a ``WORD_ENDINGS`` ending it has begun (or not) and
    whose stems the index holds, one per stem. ``stem`` is the typed word's own: no stored word
    starts with it, so completions stemming to a longer one are not asked."""
    word = word.casefold()
    by_stem: dict[str, str] = {}
    for ending in WORD_ENDINGS:
        for typed in range(len(ending)):
            if word.endswith(ending[:typed]):
                completion = word + ending[typed:]
                stems = _tokens(completion)
                if len(stems) == 1 and not stems[0].startswith(stem):
                    by_stem.setdefault(stems[0], completion)
    found = [completion for _, completion in sorted(by_stem.items()) if _indexed(db, completion)]
    return found if len(found) <= MAX_TERMS else []


def _indexed(db: sqlite_utils.Database, word: str) -> bool:
    """Whether an article holds ``word`` (asked of the index, which stops at the first: the vocabulary
    table would count every article that holds it, 20 ms for a common word at a million)."""
    sql = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1"
    return db.execute(sql, [f'"{word}"']).fetchone() is not None


def search_query(db: sqlite_utils.Database, text: str) -> str | None:
    """``fts_query(text)`` with its last word's prefix spelled out as the words it stands for, when
    that is cheaper to answer (see the module's docstring); None when ``text`` holds no word."""
    query = fts_query(text)
    if query is None:
        return None
    return remembered(db, ("search", text), lambda: _spelled_out(db, text, query))


def _spelled_out(db: sqlite_utils.Database, text: str, query: str) -> str:
    words = WORDS.findall(text)
    try:
        terms = prefix_terms(db, words[-1])
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error):
            raise  # a cancelled read: the caller stops
        return query  # no temp table allowed (a connection asked to write nothing): the prefix as typed
    if not terms:  # no stored word starts so, or too many do: the prefix as typed
        return query
    whole = [f'"{word}"' for word in words[:-1]]
    return " AND ".join([*whole, "(" + " OR ".join(f'"{term}"' for term in terms) + ")"])
