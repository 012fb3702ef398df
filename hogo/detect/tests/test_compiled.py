"""The load cache (compiled.py): what it returns is what a fresh build makes, and a missing,
corrupt or unwritable cache costs a rebuild, never a wrong answer."""

from pathlib import Path

from hogo.detect.compiled import cached, digest
from hogo.detect.lexicon import Lexicon, load_entries
from hogo.detect.typos import typo_entries


def _counting_build(calls: list[int]) -> list[object]:
    calls.append(1)
    return [("dialysis", ("@self",)), "x" * 3, 42]


def test_it_builds_once_then_reads_the_file(tmp_path: Path) -> None:
    calls: list[int] = []
    first = cached("t", ("lexicon.py",), lambda: _counting_build(calls), tmp_path)
    second = cached("t", ("lexicon.py",), lambda: _counting_build(calls), tmp_path)
    assert first == second == [("dialysis", ("@self",)), "xxx", 42]
    assert len(calls) == 1
    assert len(list(tmp_path.glob("detect-t-*.marshal"))) == 1


def test_it_rebuilds_a_corrupt_file(tmp_path: Path) -> None:
    calls: list[int] = []
    cached("t", ("lexicon.py",), lambda: _counting_build(calls), tmp_path)
    [path] = tmp_path.glob("detect-t-*.marshal")
    path.write_bytes(b"\x00not marshal")
    assert cached("t", ("lexicon.py",), lambda: _counting_build(calls), tmp_path)[2] == 42
    assert len(calls) == 2


def test_it_still_answers_where_it_cannot_write(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory should be", "utf-8")
    calls: list[int] = []
    assert cached("t", ("lexicon.py",), lambda: _counting_build(calls), blocked / "d")[2] == 42
    assert cached("t", ("lexicon.py",), lambda: _counting_build(calls), blocked / "d")[2] == 42
    assert len(calls) == 2


def test_an_edit_of_an_input_names_another_file() -> None:
    assert digest(("lexicons",)) != digest(("lexicons", "typos.py"))
    assert digest(("lexicons",)) == digest(("lexicons",))


def test_the_cached_lexicon_is_the_one_built_from_the_files() -> None:
    entries = load_entries()
    entries += typo_entries(entries)
    fresh, cached_lexicon = Lexicon(entries), Lexicon.compiled()
    for name in ("main", "homographs"):
        a, b = getattr(fresh, name), getattr(cached_lexicon, name)
        assert a.latin_terms == b.latin_terms
        assert a.latin_cues == b.latin_cues
        assert a.other_terms == b.other_terms
        assert a.other_cues == b.other_cues
    text = "i have depresion and my wife uses a wheelchair. 私は障害者手帳を持っています。"
    assert fresh.scan(text) == cached_lexicon.scan(text)
