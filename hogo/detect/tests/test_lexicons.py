"""The lexicon files: well formed, broad, loaded once (load time: bench/detect.py)."""

import threading
from collections import Counter
from pathlib import Path

import pytest

from hogo.detect import CATEGORY_LABELS, scan
from hogo.detect.engine import get_engine
from hogo.detect.lexicon import LexiconError, load_entries, parse_line


def test_it_has_broad_vocabulary_for_every_category_in_both_languages() -> None:
    entries = load_entries()
    for label in CATEGORY_LABELS:
        for lang in ("en", "ja"):
            count = sum(1 for e in entries if e.kind == label and e.lang == lang)
            assert count >= 40, (label, lang, count)
    assert sum(1 for e in entries if e.kind in CATEGORY_LABELS) >= 2500


def test_it_reports_the_file_and_line_of_a_malformed_entry() -> None:
    with pytest.raises(LexiconError, match=r"x\.tsv:3: unknown kind .illness."):
        parse_line("がん\tillness\tstrong\tja", source="x.tsv:3")
    with pytest.raises(LexiconError, match="unknown flag 'shout'"):
        parse_line("gay\tsexual_orientation\tstrong\ten\tshout", source="x.tsv:4")
    assert parse_line("# a comment", source="x.tsv:1") is None


def test_it_loads_a_lexicon_directory(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text("dialysis\thealth\tstrong\ten\n", "utf-8")
    [entry] = load_entries(tmp_path)
    assert (entry.term, entry.kind, entry.source) == ("dialysis", "health", "a.tsv:1")


def test_it_builds_the_engine_once() -> None:
    assert get_engine() is get_engine()


def test_it_gives_the_same_answers_from_many_threads() -> None:
    texts = ["I'm on dialysis.", "ハラール対応をお願いします。", "No allergies."] * 50
    expected = [scan(t).categories for t in texts]
    results: list[list[tuple[str, ...]]] = []

    def work() -> None:
        results.append([scan(t).categories for t in texts])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_it_ships_the_lexicons_as_package_data() -> None:
    package = Path(__file__).resolve().parent.parent / "lexicons"
    assert (package / "__init__.py").exists()
    assert len(list(package.glob("*.tsv"))) >= 10


def test_no_lexicon_file_holds_a_term_line_twice() -> None:
    # Rounds append blocks of terms; a line already present adds nothing but load time.
    package = Path(__file__).resolve().parent.parent / "lexicons"
    for path in package.glob("*.tsv"):
        counts = Counter(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        )
        repeated = sorted(line for line, count in counts.items() if count > 1)
        assert not repeated, (path.name, repeated[:5])
