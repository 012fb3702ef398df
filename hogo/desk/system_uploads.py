"""What the desk found in a manual system for a disclosure: one file per system (CSV, xlsx,
PDF or JSON), uploaded in the console, checked to be what its name says, sealed in the vault
as notes of the case (under the case's own key, like its other content: base64 in pieces of
one note each) and put into the disclosure package as `system-<id>-found.<ext>`, with the
system's section in the PDF naming it. The step's result keeps only the type, the size, the
digest and the note refs; the file's own name (which may name the person) is not kept.
Uploading again replaces the file until the step is done."""

import base64
import binascii
import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.desk.content import case_text
from hogo.desk.models import Case, CaseKind, Step, StepName, StepStatus
from hogo.desk.package_tables import SystemFile
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.selectors import policy_active
from hogo.vault.notes import notes_forget, notes_seal
from hogo.vault.records import NoteIn

MAX_BYTES = 2_000_000
PIECE = 200_000  # base64 characters per vault note (a note's limit)
KIND = "system-upload"
TYPES = ("csv", "xlsx", "pdf", "json")


@dataclass(frozen=True)
class Upload:
    file_name: str  # as the browser sent it: only its ending is used
    content: bytes


def upload_type(upload: Upload) -> str:
    """The file's type by its name's ending, once its content is seen to be of that type."""
    ending = upload.file_name.rsplit(".", 1)[-1].lower() if "." in upload.file_name else ""
    if ending not in TYPES:
        raise InvalidInput("file: give a CSV, xlsx, PDF or JSON file")
    if not upload.content:
        raise InvalidInput("file: the file is empty")
    if len(upload.content) > MAX_BYTES:
        raise InvalidInput(f"file: at most {MAX_BYTES // 1_000_000} MB")
    if not _looks_like(ending, upload.content):
        raise InvalidInput(f"file: the content is not a {ending.upper()} file")
    return ending


def _looks_like(ending: str, content: bytes) -> bool:
    if ending == "pdf":
        return content.startswith(b"%PDF-")
    if ending == "xlsx":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as book:
                names = set(book.namelist())
        except zipfile.BadZipFile:
            return False
        return "[Content_Types].xml" in names and "xl/workbook.xml" in names
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if ending == "json":
        try:
            json.loads(text)
        except ValueError:
            return False
        return True
    return "\x00" not in text and bool(next(csv.reader(io.StringIO(text)), None))


@transaction.atomic
def case_system_upload(*, actor: str, case_ref: str, system: str, upload: Upload) -> Step:
    """Seals the file found in a manual system for the case's disclosure package."""
    case = Case.objects.select_for_update().filter(ref=case_ref).first()
    if case is None:
        raise NotFound(f"request {case_ref} does not exist")
    step = _step(case, system)
    ending = upload_type(upload)
    encoded = base64.b64encode(upload.content).decode()
    pieces = [NoteIn(KIND, encoded[i : i + PIECE]) for i in range(0, len(encoded), PIECE)]
    refs = notes_seal(actor=actor, owner=case.ref, notes=pieces, via="desk")
    earlier = step.result.get("upload")
    if isinstance(earlier, dict) and earlier.get("notes"):
        notes_forget(actor=actor, owner=case.ref, refs=list(earlier["notes"]), via="desk")
    step.result = {
        **step.result,
        "upload": {
            "type": ending,
            "bytes": len(upload.content),
            "sha256": hashlib.sha256(upload.content).hexdigest(),
            "notes": refs,
            "at": timezone.now().isoformat(),
        },
    }
    step.save(update_fields=["result"])
    audit_record(
        actor=actor,
        action="desk.case.system_upload",
        subjects=[case.subject_ref] if case.subject_ref else [],
        detail={"case": case.ref, "system": system, "type": ending, "bytes": len(upload.content)},
    )
    return step


def _step(case: Case, system: str) -> Step:
    if case.kind != CaseKind.DISCLOSURE:
        raise Conflict(f"case {case.ref}: only a disclosure takes the data found in a system")
    step = case.steps.filter(
        name=StepName.SYSTEM_FIND, system=system, status=StepStatus.WAITING
    ).first()
    if step is None or not step.result.get("manual"):
        raise Conflict(f"case {case.ref}: no step in system {system} is waiting for the desk")
    return step


def uploads_in_systems(case: Case, *, actor: str) -> list[SystemFile]:
    """The files uploaded for the case's systems, opened (one audited reading), for the
    package. A file whose pieces do not add up to what was uploaded is a Conflict: the package
    is not built without it."""
    systems = policy_active().systems
    wanted: list[tuple[str, dict[str, object]]] = []
    for step in case.steps.filter(name=StepName.SYSTEM_FIND, system__gt="").order_by("position"):
        upload = step.result.get("upload")
        if isinstance(upload, dict) and step.system in systems:
            wanted.append((step.system, upload))
    if not wanted:
        return []
    refs = [str(r) for _, upload in wanted for r in upload["notes"]]  # type: ignore[attr-defined]
    texts = case_text(case, actor=actor, via="fulfilment", refs=refs).texts
    return [_file(case, ident, upload, texts) for ident, upload in wanted]


def _file(case: Case, ident: str, upload: dict[str, object], texts: dict[str, str]) -> SystemFile:
    notes = upload["notes"]
    assert isinstance(notes, list)
    try:
        content = base64.b64decode("".join(texts[str(r)] for r in notes), validate=True)
    except (KeyError, binascii.Error):
        content = b""
    if hashlib.sha256(content).hexdigest() != upload.get("sha256"):
        raise Conflict(f"case {case.ref}: the file uploaded for system {ident} cannot be read")
    return SystemFile(system=ident, name=f"system-{ident}-found.{upload['type']}", content=content)
