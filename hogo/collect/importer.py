"""Directory import (policy 3.2, APPI Art. 30): receipt record, then rows in atomic batches.

Each batch commits its people, its row errors and the job's progress together, so an
interrupted import resumes after its last committed batch with no row imported twice. Rows
with special-care information are never imported; the report names their row and category.
"""

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import get_context
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.collect.acquisition import acquisition_check
from hogo.collect.directory import DirectoryFile, Row, directory_open
from hogo.collect.models import (
    ImportedRow,
    ImportJob,
    ImportRowError,
    ImportStatus,
    ReceiptRecord,
)
from hogo.collect.models import RecordSource as ImportSource
from hogo.collect.rows import ParsedRows, RowProblem, helper_start, rows_parse
from hogo.collect.values import identifier_fields
from hogo.errors import Conflict, HogoError, InvalidInput
from hogo.policy.schema import Channel, Policy
from hogo.policy.selectors import policy_active
from hogo.vault.bulk import rows_insert
from hogo.vault.selectors import Source
from hogo.vault.services import subjects_ingest

BATCH_SIZE = 2000
MAX_BATCH_SIZE = 10_000
MAX_HELPERS = 8


@dataclass(frozen=True)
class Provider:
    """The Art. 30(1) particulars of whoever provided the directory."""

    name: str
    address: str
    representative: str
    obtained_by: str  # how the provider obtained the data
    received_on: date


@dataclass
class ImportSummary:
    job_id: int | None
    receipt_id: str | None
    rows: int = 0
    imported: int = 0
    rejected: int = 0
    special_care: int = 0
    resumed_from: int = 0
    dry_run: bool = False
    problems: list[RowProblem] = field(default_factory=list)


Progress = Callable[[int], None]


def _provider_checked(provider: Provider) -> None:
    for name, value, limit in (
        ("provider name", provider.name, 200),
        ("provider address", provider.address, 300),
        ("provider representative", provider.representative, 200),
        ("how the provider obtained the data", provider.obtained_by, 2000),
    ):
        if not value.strip() or len(value) > limit:
            raise InvalidInput(f"{name}: give 1 to {limit} characters")


def _batches(directory: DirectoryFile, size: int, skip: int) -> Iterator[tuple[int, list[Row]]]:
    """Batches of rows; `skip` data rows already done are passed over. Yields (done, rows),
    `done` counting the data rows up to the batch's end."""
    batch: list[Row] = []
    done = 0
    for row in directory.rows():
        done += 1
        if done <= skip:
            continue
        batch.append(row)
        if len(batch) == size:
            yield done, batch
            batch = []
    if batch:
        yield done, batch


def directory_import(
    *,
    actor: str,
    path: Path,
    provider: Provider,
    purposes: Sequence[str] = (),
    ignore_columns: tuple[str, ...] = (),
    encoding: str | None = None,
    dry_run: bool = False,
    again: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    helpers: int = 0,
) -> ImportSummary:
    """Imports a directory file, or (dry run) checks all of it and writes nothing.

    With `helpers` > 0, that many helper processes check the next batches (values, detection)
    while this process writes the current one.
    """
    if not 1 <= batch_size <= MAX_BATCH_SIZE:
        raise InvalidInput(f"batch size: between 1 and {MAX_BATCH_SIZE}")
    _provider_checked(provider)
    policy = policy_active()
    channel = _import_channel(policy)
    # The same rules as every other path; the rows' free text is scanned row by row below,
    # so a row with special-care information is reported and left out, not the whole file.
    chosen = acquisition_check(
        policy=policy,
        channel_id=channel.id,
        source=ImportSource.IMPORT,
        purposes=list(purposes or channel.purposes),
    ).purposes
    directory = directory_open(path, channel=channel, ignore=ignore_columns, encoding=encoding)
    if not 0 <= helpers <= MAX_HELPERS:
        raise InvalidInput(f"helpers: between 0 and {MAX_HELPERS}")
    if dry_run:
        return _dry_run(directory, policy, channel, batch_size, progress, helpers)

    job, receipt = _job_start(actor, directory, provider, chosen, again)
    summary = ImportSummary(job_id=job.pk, receipt_id=receipt.ref, resumed_from=job.rows_done)
    try:
        batches = _batches(directory, batch_size, job.rows_done)
        for done, parsed in _parsed(policy, channel, batches, helpers):
            _batch_write(actor, job, channel.id, chosen, parsed, done)
            if progress:
                progress(done)
    except HogoError as exc:
        ImportJob.objects.filter(pk=job.pk).update(message=exc.message[:500])
        raise
    return _summary_filled(summary, _job_finish(actor, job, receipt))


def _import_channel(policy: Policy) -> Channel:
    channel = policy.import_channel()
    if channel is None:
        raise InvalidInput(
            "the active policy has no import channel: set imported = true on the channel "
            "purchased directories come in through"
        )
    return channel


def _summary_filled(summary: ImportSummary, job: ImportJob) -> ImportSummary:
    """The summary of a finished job: its counts and every row refused."""
    summary.rows = job.rows_done
    summary.imported, summary.rejected, summary.special_care = (
        job.imported,
        job.rejected,
        job.special_care,
    )
    summary.problems = [
        RowProblem(e.row, e.reason, e.categories) for e in job.errors.order_by("row")
    ]
    return summary


def _parsed(
    policy: Policy, channel: Channel, batches: Iterator[tuple[int, list[Row]]], helpers: int
) -> Iterator[tuple[int, ParsedRows]]:
    """The batches checked, in order; by helper processes that keep a batch ahead, if any."""
    identifiers = identifier_fields(policy, channel)
    if helpers == 0:
        for done, rows in batches:
            yield done, rows_parse(channel, identifiers, rows)
        return
    # spawn, not fork: a forked child would share (and on exit close) the database connections.
    with ProcessPoolExecutor(
        max_workers=helpers,
        mp_context=get_context("spawn"),
        initializer=helper_start,
        initargs=(os.getpid(),),
    ) as pool:
        ahead: deque[tuple[int, Future[ParsedRows]]] = deque()
        for done, rows in batches:
            ahead.append((done, pool.submit(rows_parse, channel, identifiers, rows)))
            if len(ahead) > helpers:
                done_first, future = ahead.popleft()
                yield done_first, future.result()
        while ahead:
            done_first, future = ahead.popleft()
            yield done_first, future.result()


def _dry_run(
    directory: DirectoryFile,
    policy: Policy,
    channel: Channel,
    batch_size: int,
    progress: Progress | None,
    helpers: int,
) -> ImportSummary:
    summary = ImportSummary(job_id=None, receipt_id=None, dry_run=True)
    for done, parsed in _parsed(policy, channel, _batches(directory, batch_size, 0), helpers):
        summary.rows = done
        summary.imported += len(parsed.good)
        summary.problems += parsed.problems
        if progress:
            progress(done)
    summary.rejected = len(summary.problems)
    summary.special_care = sum(1 for p in summary.problems if p.categories)
    return summary


@transaction.atomic
def _job_start(
    actor: str, directory: DirectoryFile, provider: Provider, purposes: list[str], again: bool
) -> tuple[ImportJob, ReceiptRecord]:
    running = (
        ImportJob.objects.select_for_update()
        .select_related("receipt")
        .filter(file_sha256=directory.sha256, status=ImportStatus.RUNNING)
        .first()
    )
    if running is not None:
        receipt = running.receipt
        if (receipt.provider_name, receipt.purposes) != (provider.name, purposes):
            raise Conflict(
                f"an unfinished import of this file (job {running.pk}) names another provider "
                "or other purposes; run it with the same ones to resume it",
                code="import_mismatch",
            )
        return running, receipt
    finished = ImportJob.objects.filter(
        file_sha256=directory.sha256, status=ImportStatus.COMPLETE
    ).first()
    if finished is not None and not again:
        raise Conflict(
            f"this file was already imported (job {finished.pk}); pass --again to import it "
            "once more",
            code="already_imported",
        )
    receipt = ReceiptRecord.objects.create(
        provider_name=provider.name,
        provider_address=provider.address,
        provider_representative=provider.representative,
        provider_obtained_by=provider.obtained_by,
        received_on=provider.received_on,
        purposes=purposes,
        file_name=directory.path.name[:255],
        file_sha256=directory.sha256,
        recorded_by=actor,
    )
    job = ImportJob.objects.create(
        receipt=receipt, file_sha256=directory.sha256, status=ImportStatus.RUNNING
    )
    audit_record(
        actor=actor,
        action="collect.receipt.record",
        detail={"receipt": receipt.ref, "job": job.pk, "purposes": purposes},
    )
    return job, receipt


@transaction.atomic
def _batch_write(
    actor: str, job: ImportJob, channel: str, purposes: list[str], parsed: ParsedRows, done: int
) -> None:
    if parsed.good:
        results = subjects_ingest(
            actor=actor,
            channel=channel,
            purposes=purposes,
            records=[record for _, record in parsed.good],
            source=Source.IMPORT,
        )
        rows_insert(
            ImportedRow,
            [
                {"job": job.pk, "row": number, "acquisition": result.acquisition_id}
                for (number, _), result in zip(parsed.good, results, strict=True)
            ],
        )
    rows_insert(
        ImportRowError,
        [
            {"job": job.pk, "row": p.row, "reason": p.reason[:300], "categories": p.categories}
            for p in parsed.problems
        ],
    )
    job.rows_done = done
    job.imported += len(parsed.good)
    job.rejected += len(parsed.problems)
    job.special_care += sum(1 for p in parsed.problems if p.categories)
    job.save(update_fields=["rows_done", "imported", "rejected", "special_care"])


@transaction.atomic
def _job_finish(actor: str, job: ImportJob, receipt: ReceiptRecord) -> ImportJob:
    job.status = ImportStatus.COMPLETE
    job.rows_total = job.rows_done
    job.finished_at = timezone.now()
    job.message = ""
    job.save(update_fields=["status", "rows_total", "finished_at", "message"])
    audit_record(
        actor=actor,
        action="collect.import.complete",
        detail={
            "receipt": receipt.ref,
            "job": job.pk,
            "rows": job.rows_done,
            "imported": job.imported,
            "rejected": job.rejected,
            "special_care": job.special_care,
        },
    )
    return job
