"""The export package: an AES-256 zip that 7-Zip opens with the password handed over
separately, holding a manifest and the data; downloads are audited and end when it expires."""

import json
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.consent.models import ConsentKind
from hogo.errors import Conflict, NotFound
from hogo.packages import files_open
from hogo.policy.schema import Policy
from hogo.share.gate import package_download, provision_make
from hogo.share.models import ProvisionPackage
from hogo.share.records import ProvisionResult
from hogo.tests.share import ACTOR, CAMPAIGN, consent, person, recipient
from hogo.vault.records import ItemIn


def provided(*subject_ids: str) -> ProvisionResult:
    events = recipient()
    for subject_id in subject_ids:
        consent(subject_id, ConsentKind.RECIPIENT, events.ref)
    return provision_make(
        actor=ACTOR,
        recipient_id=events.ref,
        purpose=CAMPAIGN,
        subject_ids=list(subject_ids),
        categories=["name", "email", "organization"],
    )


def test_it_opens_with_7zip_and_the_password_only(policy: Policy, tmp_path: Path) -> None:
    subject_id = person()
    result = provided(subject_id)
    assert result.package is not None
    archive = tmp_path / result.package.filename
    archive.write_bytes(result.package.content)
    wrong = subprocess.run(
        ["7z", "x", "-pnot-the-password", f"-o{tmp_path / 'wrong'}", str(archive)],
        capture_output=True,
        check=False,
    )
    assert wrong.returncode != 0
    subprocess.run(
        ["7z", "x", f"-p{result.package.password}", f"-o{tmp_path / 'out'}", str(archive)],
        capture_output=True,
        check=True,
    )
    listing = subprocess.run(
        ["7z", "l", "-slt", str(archive)], capture_output=True, text=True, check=True
    ).stdout
    assert "Method = AES-256" in listing
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    data = (tmp_path / "out" / "data.csv").read_text(encoding="utf-8-sig")
    assert manifest["provision"] == result.provision_id
    assert manifest["provider"]["name"] == "CC-Link Partner Association (CLPA)"
    assert manifest["categories"] == ["name", "email", "organization"]
    assert manifest["files"][0]["name"] == "data.csv"
    assert data.splitlines()[0] == "subject_id,name,email,organization"
    assert (
        data.splitlines()[1] == f"{subject_id},山田 花子,hanako.yamada@example.jp,Mitsuboshi Denki"
    )


def test_it_keeps_spreadsheet_formulas_from_running(policy: Policy, tmp_path: Path) -> None:
    subject_id = person(items=(ItemIn("organization", None, '=HYPERLINK("http://x")'),))
    result = provided(subject_id)
    assert result.package is not None
    archive = tmp_path / "p.zip"
    archive.write_bytes(result.package.content)
    subprocess.run(
        ["7z", "x", f"-p{result.package.password}", f"-o{tmp_path}", str(archive)],
        capture_output=True,
        check=True,
    )
    assert "'=HYPERLINK" in (tmp_path / "data.csv").read_text(encoding="utf-8-sig")


def test_it_never_stores_the_password(policy: Policy) -> None:
    result = provided(person())
    assert result.package is not None
    stored = ProvisionPackage.objects.get()
    assert bytes(stored.content) == result.package.content
    assert result.package.password.encode() not in bytes(stored.content)
    assert result.package.password not in str(list(AuditEvent.objects.values()))


def test_it_audits_each_download_and_refuses_after_expiry(policy: Policy) -> None:
    result = provided(person())
    assert result.provision_id is not None
    package = package_download(actor=ACTOR, provision_id=result.provision_id)
    assert package.content == ProvisionPackage.objects.get().content
    assert package.password == ""
    assert AuditEvent.objects.filter(action="share.package.download").count() == 1
    ProvisionPackage.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(Conflict, match="expired"):
        package_download(actor=ACTOR, provision_id=result.provision_id)
    with pytest.raises(NotFound):
        package_download(actor=ACTOR, provision_id="prv_nothing")


def test_it_stays_a_zip_whatever_the_disclosure_format(policy: Policy, settings: Any) -> None:
    """HOGO_DISCLOSURE_FORMAT=pdf makes the desk's packages PDFs; a provision package has no
    PDF to carry its files (it is for the recipient's systems), so the one writer keeps it a
    zip (hogo.packages)."""
    settings.DISCLOSURE_FORMAT = "pdf"
    result = provided(person())
    assert result.package is not None
    assert result.package.filename.endswith(".zip")
    pdf, files = files_open(result.package.content, password=result.package.password)
    assert pdf is None
    assert sorted(files) == ["data.csv", "manifest.json"]
