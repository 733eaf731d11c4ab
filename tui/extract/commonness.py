"""Words that are capitalised without naming an employer: places, nationalities, everyday English.

Real wire copy capitalises places ("Oregon", "Victoria"), nationalities ("Canadians"), sentence
openings ("Normally", "Revenue") and every word of a Title Case headline ("Video Game Layoffs"). A
hand list of such words never ends, so they come from maintained data instead:
- countryinfo: every country with its other spellings, capital, provinces or states, and demonym;
- wordfreq: how common a word is in English (Zipf scale: 6 is "the", 3 is "rare but known"), from its
  small list (words from Zipf 3 up: every threshold here is at 3 or above, and it loads ten times faster).
Known organisations (companies.json) are checked by the callers first and always win: "Apple" is
a common word and a company. Both tables load once, on first use, so a story with no unknown
candidate never pays for them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from tui.atomic import atomic_write_text

__all__ = ["all_everyday", "is_everyday_word", "is_place_or_people", "preload", "zipf"]

_EVERYDAY = 4.4
"""Zipf frequency from which a lone capitalised word is everyday English ("Normally" 4.6,
"Revenue" 4.6, "Details" 4.9), not the name of a firm nobody has listed. Unlisted firm names sit
well below ("Thunderful" 0, "Milkrun" 0, "Swiggy" 1.5, "Galapagos" 2.9)."""
_KNOWN_PLACE = 3.0
"""Zipf frequency from which a province's name is a place every reader knows."""
_SPLIT = re.compile(r"[\s\-]+")


_PLACES_AT_LEAST = 500
"""A cached table shorter than this (the built one holds about 2,000 names) is damaged: built again."""
PLACES_CACHE_FORMAT = 1
"""Bump when ``_build_places_and_peoples`` changes what it builds (the cached tables are then rebuilt)."""


@lru_cache(maxsize=1)
def _places_and_peoples() -> frozenset[str]:
    """Lower-cased names of countries, their capitals and provinces, and nationalities (with plurals).

    Building the table costs 0.15 s of CPU (a wordfreq look-up per province), paid by every process
    that tags, each parse worker of every poll included; so it is kept in the user's cache directory,
    under a name that changes with countryinfo's and wordfreq's versions and the threshold.
    """
    path = _places_cache_path()
    with contextlib.suppress(OSError, ValueError, TypeError, RecursionError):
        cached = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cached, list) and len(cached) >= _PLACES_AT_LEAST and all(isinstance(n, str) for n in cached):
            return frozenset(cached)
    names = _build_places_and_peoples()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(sorted(names)))
    return names


def _places_cache_path() -> Path:
    from importlib.metadata import version

    from tui.paths import default_cache_dir

    key = f"{PLACES_CACHE_FORMAT}-{version('countryinfo')}-{version('wordfreq')}-{_KNOWN_PLACE}"
    return default_cache_dir() / f"places-{hashlib.sha1(key.encode()).hexdigest()[:12]}.json"


def _build_places_and_peoples() -> frozenset[str]:
    from countryinfo import all_countries

    names: set[str] = set()
    for country in all_countries():
        info = country.info()
        for key in ("name", "capital", "demonym"):
            value = info.get(key)
            if isinstance(value, str) and value:
                names.add(value.lower())
        for value in info.get("altSpellings") or ():
            if isinstance(value, str) and len(value) > 3:
                names.add(value.lower())
        for value in info.get("provinces") or ():
            # Provinces of small countries share names with firms ("Galapagos", "Brava"): only those
            # that English text mentions often enough to know them ("Oregon", "Victoria", "Bavaria").
            if isinstance(value, str) and len(value) > 3 and zipf(value.lower()) >= _KNOWN_PLACE:
                names.add(value.lower())
        demonym = info.get("demonym")
        if isinstance(demonym, str) and demonym:
            names.add(demonym.lower() + "s")  # "Canadians", "Australians"
    return frozenset(names)


def is_place_or_people(name: str) -> bool:
    """A country, capital, state or province, or a nationality ("Oregon", "Victoria", "Canadians")."""
    return name.lower().removesuffix("'s") in _places_and_peoples()


@lru_cache(maxsize=8192)
def zipf(word: str) -> float:
    """How common a word is in English, on the Zipf scale (0 for words wordfreq does not know)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="small")


def is_everyday_word(word: str) -> bool:
    """A lone word so common in English that, capitalised, it is a sentence opening, not a firm."""
    return zipf(word.lower()) >= _EVERYDAY


def all_everyday(name: str, floor: float = 4.0) -> bool:
    """Every word of a name is common English ("Video Game", "Big Companies", "Industry Sees")."""
    words = [w for w in _SPLIT.split(name) if w]
    return bool(words) and all(w.isalpha() and zipf(w.lower()) >= floor for w in words)


def preload() -> None:
    """Load both tables now (see tui.extract.preload)."""
    _places_and_peoples()
    zipf("the")
