"""Delete each extractor guard in a scratch copy of the repo and check that a test notices.

A guard that no test notices when it is removed is untested. Run: python bench/guard_mutations.py
(takes a minute: one run of tests/extract per guard). Each line says which guard, and the first
test that failed without it; "NOT NOTICED" means the guard needs a test row.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MUTATIONS: dict[str, tuple[str, str, str]] = {
    "trap headline": (
        "tui/extract/extractor.py",
        "    if title_negative and not any(_CONFIRM.search(text) for text in with_figures):",
        "    if False:",
    ),
    "confirm exception": (
        "tui/extract/extractor.py",
        "not any(_CONFIRM.search(text) for text in with_figures)",
        "True",
    ),
    "at risk of": (
        "tui/extract/cues.py",
        'if word == "at risk" and after.startswith(" of") and not _RISK_OF_LOSS.match(after):',
        "if False:",
    ),
    "furlough scheme": (
        "tui/extract/cues.py",
        'if word.startswith("furlough") and after.startswith((" scheme", " program", " pay", " support")):',
        "if False:",
    ),
    "make redundant": (
        "tui/extract/cues.py",
        "if not (_MAKE_REDUNDANT.search(before) or _JOB_AT_END.search(before.rstrip())):",
        "if False:",
    ),
    "given-name person": (
        "tui/extract/people.py",
        "    if len(words) in (2, 3) and words[0].lower() in given:\n        return True",
        "    pass",
    ),
    "places of work": (
        "tui/extract/names.py",
        "    if words[-1].lower() in _PLACES_OF_WORK:\n        return None",
        "    pass",
    ),
    "facility after": (
        "tui/extract/linking.py",
        "    if possessive_of_noun or FACILITY_AFTER.match(rest):",
        "    if possessive_of_noun:",
    ),
    "dateline": ("tui/extract/sentences.py", "            para = para[dateline.end() :]", "            pass"),
    "linked story": ("tui/extract/sentences.py", "if not para or _LINKED_STORY.match(para):", "if not para:"),
    "list entry": ("tui/extract/sentences.py", "if item and item.end() < len(para):", "if False:"),
    "places and peoples": (
        "tui/extract/names.py",
        "    if is_place_or_people(name):\n        return True",
        "    pass",
    ),
    "headline confirmed": (
        "tui/extract/extractor.py",
        "(not headline_case or story.confirmed(r.name))",
        "True",
    ),
    "common noun (subject)": ("tui/extract/extractor.py", "and not story.common_noun(r, text)", ""),
    "common noun (topic)": ("tui/extract/extractor.py", "or story.common_noun(topic, text)", ""),
    "denial title": ("tui/extract/extractor.py", 'or (denial_title(title or "") and', "or (False and"),
    "each": ("tui/extract/extractor.py", "shared = len(refs) == 1 or each or", "shared = len(refs) == 1 or"),
    "respectively": (
        "tui/extract/extractor.py",
        "own = split_counts[k] if split_counts else",
        "own =",
    ),
    "all of them": ("tui/extract/extractor.py", "and _ALL_OF_THEM.match(text, 0, cue.start)", "and False"),
    "speaker": (
        "tui/extract/extractor.py",
        "(_speaker(text, cue.start, story) or _staff_at(text, cue.start))",
        "_staff_at(text, cue.start)",
    ),
    "members of a list": ("tui/extract/extractor.py", "    if len(members) > 1:", "    if False:"),
    "ticker in brackets": (
        "tui/extract/sentences.py",
        '        text = _TICKER.sub("", text)',
        "        pass",
    ),
    "described firm": ("tui/extract/linking.py", "            start = described.end()", "            pass"),
    "staff at": ("tui/extract/extractor.py", " or _staff_at(text, cue.start))", ")"),
    "in half": ("tui/extract/figures.py", "or (fig.share and pats.IN_HALF_BEFORE.search(lbefore))", ""),
    "unit keeps its share": ("tui/extract/extractor.py", "if pct is not None and len(refs) <= 1", "if False"),
    "which-clause history": ("tui/extract/figures.py", "    if relative:\n", "    if False:\n"),
    "next verb phrase": ("tui/extract/figures.py", "    if joined:", "    if False:"),
    "opening verb": (
        "tui/extract/extractor.py",
        'cue.form != "noun" and not text[: cue.start]',
        "False and not text[: cue.start]",
    ),
    "description alone": ("tui/extract/names.py", "    if _ADJECTIVE.search(words[-1]):", "    if False:"),
    "number word": ("tui/extract/names.py", "or word_number(lower) is not None", ""),
    "people nouns": (
        "tui/extract/names.py",
        "lower.endswith(_PEOPLE_ENDINGS) and zipf(lower) >= 2.5",
        "False",
    ),
    "contractions": ("tui/extract/cues.py", "|doesn't|", "|"),
    "vague effect": ("tui/extract/cues.py", "|hundreds|thousands|dozens|", "|"),
    "jobs bracket": ("tui/extract/figures.py", "pats.JOBS_BRACKET_BEFORE.search(lbefore)\n        or ", ""),
}


def main() -> int:
    missed = 0
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "repo"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__"))
        for name, (path, old, new) in MUTATIONS.items():
            file = copy / path
            source = file.read_text(encoding="utf-8")
            if old not in source:
                print(f"{name}: the guard's text is gone from {path}; update this list")
                missed += 1
                continue
            file.write_text(source.replace(old, new, 1), encoding="utf-8")
            run = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-x", "tests/extract", "-p", "no:cacheprovider"],
                cwd=copy,
                capture_output=True,
                text=True,
                check=False,
            )
            failed = [line for line in run.stdout.splitlines() if line.startswith("FAILED")]
            if run.returncode == 0:
                missed += 1
                print(f"{name}: NOT NOTICED")
            else:
                print(f"{name}: noticed by {failed[0][7:] if failed else run.stdout.splitlines()[-1]}"[:160])
            file.write_text(source, encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
