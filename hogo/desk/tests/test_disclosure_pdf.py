"""The disclosure PDF as the person reads it (Typst, `disclosure_pdf`): long values stay on
the page and read back whole, and what a person wrote is shown as written, never as markup."""

import re
import subprocess
from pathlib import Path

import pytest

from hogo.desk.disclosure_pdf import text
from hogo.desk.models import Case, CaseStatus, Intake
from hogo.desk.package import package_content, package_files
from hogo.pdffonts import font_setup
from hogo.policy.schema import Policy
from hogo.tests.desk import HANDLE, ORIGIN, person
from hogo.vault.records import ItemIn

pytestmark = pytest.mark.django_db
A4_WIDTH = 595.3  # points
RIGHT_MARGIN = 15 / 25.4 * 72
LONG = "Mitsuboshi-Denki-International-Holdings.research_division@example.co.jp"
UNBROKEN = "X" * 90


def pdf_of(subject_id: str, lang: str, tmp_path: Path) -> Path:
    case = Case.objects.create(
        kind="disclosure",
        status=CaseStatus.IN_PROGRESS,
        language=lang,
        intake=Intake.PRIVACY_CENTER,
        origin=ORIGIN,
        subject_ref=subject_id,
        policy_version=1,
    )
    files = package_files(package_content(case=case, actor=HANDLE), language=lang)
    path = tmp_path / f"{lang}.pdf"
    path.write_bytes(files[f"disclosure-{lang}.pdf"])
    return path


def words(pdf: Path) -> list[tuple[str, float]]:
    """Each word pdftotext finds, with where it ends on the page (points from the left)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    found = re.findall(
        r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>', html
    )
    return [(word, float(x_max)) for x_max, word in found]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_long_value_stays_on_the_page_and_reads_back_whole(
    policy: Policy, tmp_path: Path, lang: str
) -> None:
    subject_id = person(
        items=(ItemIn("organization", None, LONG), ItemIn("department", None, UNBROKEN))
    )
    found = words(pdf_of(subject_id, lang, tmp_path))
    assert max(x for _, x in found) <= A4_WIDTH - RIGHT_MARGIN + 1
    flat = "".join(word for word, _ in found)
    assert LONG in flat
    assert UNBROKEN in flat


def test_what_a_person_wrote_is_shown_as_written(policy: Policy, tmp_path: Path) -> None:
    written = '#set text(red) *bold* $x$ <b> & "quoted" \\ ]) #panic("x")'
    subject_id = person(items=(ItemIn("organization", None, written),))
    read = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf_of(subject_id, "en", tmp_path)), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert re.sub(r"\s+", "", written) in re.sub(r"\s+", "", read)


def test_a_long_run_breaks_after_its_separators_and_words_are_left_alone() -> None:
    assert text("鈴木 花子") == "鈴木 花子"
    assert text("mail: person7.670487@example7.jp please") == [
        "mail: ",
        ["person7.", "670487@", "example7.", "jp"],
        " please",
    ]
    assert text("Y" * 30) == [["Y" * 12, "Y" * 12, "Y" * 6]]


def test_a_character_outside_the_font_subset_comes_from_the_full_font(
    policy: Policy, tmp_path: Path
) -> None:
    """The PDF's font is a JIS X 0208 subset (hogo.pdffonts); 髙 and 𠮷 are not in it."""
    subject_id = person(name="髙橋 𠮷野")
    pdf = pdf_of(subject_id, "ja", tmp_path)
    read = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "髙橋 𠮷野" in read
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True)
    assert "HogoSansJP-Regular" in fonts.stdout
    assert "NotoSansCJKjp-Regular" in fonts.stdout
    assert "Bold" not in fonts.stdout  # one weight


def test_without_a_place_for_the_subset_documents_use_the_system_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("HOGO_FONT_CACHE", str(blocked / "fonts"))
    assert font_setup() == ([], ["Noto Sans CJK JP"])
    monkeypatch.setenv("HOGO_FONT_CACHE", str(tmp_path / "fonts"))
    folders, families = font_setup()
    assert folders == [str(tmp_path / "fonts")]
    assert families == ["Hogo Sans JP", "Noto Sans CJK JP"]
    assert (tmp_path / "fonts" / "HogoSansJP-Regular.otf").stat().st_size > 1_000_000
