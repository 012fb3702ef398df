"""What the board shows, section by section, from the owning apps' aggregate counts (`counts`
modules): the dashboard over the last twelve months and the period reports over a month or a
year use the same builders. Every chart carries its numbers as a table (charts.py)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from django.contrib.auth.models import User
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hogo.audit import counts as audit_counts
from hogo.board import labels
from hogo.board.charts import Chart, Series, Table, bar_chart
from hogo.collect import counts as collect_counts
from hogo.consent import counts as consent_counts
from hogo.desk import counts as desk_counts
from hogo.periods import Month
from hogo.policy.selectors import PolicyNotLoaded, policy_in_force
from hogo.policy.wording import moment_shown
from hogo.roles import Role, has_role
from hogo.safety import counts as safety_counts
from hogo.share import counts as share_counts
from hogo.site import counts as site_counts
from hogo.vault import counts as vault_counts

DUE_SOON = timedelta(days=3)
OFFICER, AUDITOR, DESK, MARKETING = (
    Role.PRIVACY_OFFICER,
    Role.AUDITOR,
    Role.DESK_OPERATOR,
    Role.MARKETING_USER,
)
# Who sees which section: the officer and auditors everything (read-only: the board changes
# nothing), the desk its requests, marketing the aggregate counts of collection and consent.
READERS: dict[str, tuple[Role, ...]] = {
    "requests": (OFFICER, AUDITOR, DESK),
    "collection": (OFFICER, AUDITOR, MARKETING),
    "consent": (OFFICER, AUDITOR, MARKETING),
    "rights": (OFFICER, AUDITOR),
    "provision": (OFFICER, AUDITOR),
    "safety": (OFFICER, AUDITOR),
}
REPORT_READERS = (OFFICER, AUDITOR)


@dataclass(frozen=True)
class Headline:
    id: str
    label: str
    value: str
    alert: bool = False


@dataclass(frozen=True)
class ClockRow:
    ref: str
    status: str
    discovered: str
    reportable: str
    preliminary: str
    final: str
    late: bool


@dataclass
class Section:
    id: str
    title: str
    headlines: list[Headline] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    clocks: list[ClockRow] | None = None


def roles_of(user: User) -> frozenset[str]:
    """The roles a staff member holds, read once per page (has_role asks the database each
    time); a superuser holds every role, as in has_role."""
    if not has_role(user, *Role.values):
        return frozenset()
    if user.is_superuser:
        return frozenset(Role.values)
    return frozenset(user.groups.filter(name__in=Role.values).values_list("name", flat=True))


def sections_for(roles: frozenset[str]) -> list[str]:
    return [name for name, readers in READERS.items() if roles & set(readers)]


@lru_cache(maxsize=64)
def _month_labels(
    months: tuple[Month, ...], language: str
) -> tuple[list[str], list[str], list[str]]:
    """Under the bars, the second line (the year), the table's row headers: the same for every
    chart of a page, so made once per months and language (date formatting with its format
    lookups was most of a chart's CPU). `language` is part of the cache's key only."""
    sublabels = [
        labels.month_year(m) if i == 0 or m.month == 1 else "" for i, m in enumerate(months)
    ]
    return (
        [labels.month_short(m) for m in months],
        sublabels,
        [labels.month_long(m) for m in months],
    )


def _month_chart(
    *, id: str, title: str, months: Sequence[Month], series: Sequence[Series], **more: object
) -> Chart:
    categories, sublabels, row_headers = _month_labels(tuple(months), get_language() or "")
    return bar_chart(
        id=id,
        title=title,
        categories=categories,
        sublabels=sublabels,
        row_headers=row_headers,
        series=series,
        corner=_("Month"),
        **more,  # type: ignore[arg-type]
    )


def requests_figures(*, months: Sequence[Month], now: datetime, live: bool) -> Section:
    section = Section("requests", _("Requests from people"))
    kinds, statuses = desk_counts.case_kind_labels(), desk_counts.case_status_labels()
    if live:
        open_counts = desk_counts.cases_open_by_kind_status()
        deadlines = desk_counts.cases_deadlines(now=now, within=DUE_SOON)
        section.headlines = [
            Headline("open", _("Open requests"), f"{sum(open_counts.values()):,}"),
            Headline("due-soon", _("Due within 3 days"), f"{deadlines.due_soon:,}"),
            Headline("overdue", _("Overdue"), f"{deadlines.overdue:,}", deadlines.overdue > 0),
        ]
        shown = [s for s in statuses if any(k[1] == s for k in open_counts)]
        section.charts.append(
            bar_chart(
                id="chart-open",
                title=_("Open requests by kind and status"),
                categories=list(kinds.values()),
                series=[
                    Series(statuses[s], [open_counts.get((k, s), 0) for k in kinds]) for s in shown
                ],
                corner=_("Kind of request"),
            )
        )
    received = desk_counts.cases_received_per_month(months=months)
    section.charts.append(
        _month_chart(
            id="chart-received",
            title=_("Requests received per month, by kind"),
            months=months,
            series=[Series(kinds[k], received.get(k, [0] * len(months))) for k in kinds],
        )
    )
    times = desk_counts.case_answer_times(months=months)
    section.charts.append(
        _month_chart(
            id="chart-answer-times",
            title=_("Time to answer per month (days)"),
            months=months,
            series=[
                Series(_("Median"), [labels.in_days(t.median) for t in times]),
                Series(_("90th percentile"), [labels.in_days(t.p90) for t in times]),
            ],
            cell=lambda value: f"{value:.1f}",
            extra=[(_("Answered"), [f"{t.answered:,}" for t in times])],
            note=_(
                "From the receipt of a verified request to its answer (completed or refused), "
                "by the month of the answer; a month without answers shows 0."
            ),
        )
    )
    return section


def _channel_titles(channels: Sequence[str]) -> dict[str, str]:
    """Each channel's title in the page's language (its id where the policy has none); the
    policy is read once for them all."""
    try:
        policy = policy_in_force()[1]
    except PolicyNotLoaded:
        return {c: c for c in channels}
    language = get_language() or "ja"
    found = {c: policy.channels.get(c) for c in channels}
    return {c: f.title.get(language) if f else c for c, f in found.items()}


def collection_figures(*, months: Sequence[Month]) -> Section:
    section = Section("collection", _("Collection"))
    per_channel = collect_counts.acquisitions_per_channel(months=months)
    titles = _channel_titles(list(per_channel))
    section.charts.append(
        _month_chart(
            id="chart-acquisitions",
            title=_("Acquisitions per channel per month"),
            months=months,
            series=[Series(titles[c], v) for c, v in sorted(per_channel.items())],
        )
    )
    given = consent_counts.consents_given_per_month(months=months)
    section.charts.append(
        _month_chart(
            id="chart-special-care",
            title=_("Special-care personal information per month"),
            months=months,
            series=[
                Series(
                    _("Refused (rows of directory imports)"),
                    collect_counts.special_care_refusals(months=months),
                ),
                Series(
                    _("Explicit consents recorded"), given.get("special_care", [0] * len(months))
                ),
            ],
            note=_(
                "A form or API submission refused for special-care personal information is not "
                "stored, so only refused import rows can be counted."
            ),
        )
    )
    return section


def consent_figures(*, months: Sequence[Month]) -> Section:
    section = Section("consent", _("Consent"))
    choices = site_counts.cookie_choices_per_month(months=months)
    section.charts.append(
        _month_chart(
            id="chart-cookies",
            title=_("Cookie choices per month"),
            months=months,
            series=[
                *(Series(str(labels.COOKIE_METHODS[m]), v) for m, v in choices.by_method.items()),
                Series(str(labels.GPC), choices.gpc),
            ],
            note=_("Every choice counts, also a change of mind; GPC choices are among the others."),
        )
    )
    withdrawn = consent_counts.consents_withdrawn_per_month(months=months)
    section.charts.append(
        _month_chart(
            id="chart-withdrawals",
            title=_("Consent withdrawals per month"),
            months=months,
            series=[
                Series(str(label), withdrawn.get(kind, [0] * len(months)))
                for kind, label in labels.CONSENT_KINDS.items()
            ],
        )
    )
    return section


def rights_figures(*, months: Sequence[Month]) -> Section:
    section = Section("rights", _("Rights exercised"))
    corrected = audit_counts.events_per_month(actions=["vault.items.correct"], months=months)
    section.charts.append(
        _month_chart(
            id="chart-rights",
            title=_("Suspensions, erasures and corrections per month"),
            months=months,
            series=[
                Series(_("Suspensions of use"), vault_counts.suspensions_per_month(months=months)),
                Series(
                    _("Stops of provision"), vault_counts.provision_stops_per_month(months=months)
                ),
                Series(_("Erasures (people)"), vault_counts.erasures_per_month(months=months)),
                Series(_("Corrections"), corrected["vault.items.correct"]),
            ],
        )
    )
    return section


def provision_figures(*, months: Sequence[Month]) -> Section:
    section = Section("provision", _("Provision to third parties"))
    rows = share_counts.provisions_by_recipient_basis(since=months[0].start, until=months[-1].end)
    recipients = sorted({r.recipient for r in rows})
    bases = [b for b in labels.BASES if any(r.basis == b for r in rows)]
    found = {(r.recipient, r.basis): r for r in rows}
    section.charts.append(
        bar_chart(
            id="chart-provisions",
            title=_("Provisions per recipient and basis"),
            categories=recipients,
            series=[
                Series(
                    str(labels.BASES[b]),
                    [found[(r, b)].provisions if (r, b) in found else 0 for r in recipients],
                )
                for b in bases
            ],
            corner=_("Recipient"),
            extra=[
                (
                    _("People provided"),
                    [f"{sum(x.people for x in rows if x.recipient == r):,}" for r in recipients],
                )
            ],
        )
    )
    section.charts.append(
        _month_chart(
            id="chart-receipts",
            title=_("Receipt records (Art. 30) per month"),
            months=months,
            series=[Series(_("Receipt records"), collect_counts.receipts_per_month(months=months))],
        )
    )
    return section


def _clock(due: datetime, filed: datetime | None, now: datetime) -> tuple[str, bool]:
    if filed is not None:
        return _("filed %(at)s") % {"at": moment_shown(filed)}, False
    late = due < now
    text = _("overdue since %(at)s") if late else _("due by %(at)s")
    return text % {"at": moment_shown(due)}, late


def _clock_rows(now: datetime) -> list[ClockRow]:
    found = []
    for c in safety_counts.incident_clocks():
        preliminary, late_p = _clock(c.preliminary_due, c.preliminary_filed_at, now)
        final, late_f = _clock(c.final_due, c.final_filed_at, now)
        found.append(
            ClockRow(
                ref=c.ref,
                status=str(labels.INCIDENT_STATUSES.get(c.status, c.status)),
                discovered=moment_shown(c.discovered_at),
                reportable=_("yes") if c.reportable else _("no"),
                preliminary=preliminary if c.reportable else "—",
                final=final if c.reportable else "—",
                late=c.reportable and (late_p or late_f),
            )
        )
    return found


def _trainings_overdue(now: datetime) -> Table | None:
    per_course = safety_counts.trainings_overdue_count(now=now)
    return Table(
        caption=_("Overdue training by course"),
        corner=_("Course"),
        columns=[_("Staff members overdue")],
        rows=[(title, [f"{n:,}"]) for title, n in sorted(per_course.items())],
    )


# Lists of what is overdue in the safety section, each a function of the moment giving a
# table (or None to show nothing). Overdue supervision of contractors joins here once the
# share app offers a count of it.
SAFETY_OVERDUE: list[Callable[[datetime], Table | None]] = [_trainings_overdue]


def safety_figures(*, months: Sequence[Month], now: datetime, live: bool) -> Section:
    section = Section("safety", _("Safety"))
    if live:
        section.clocks = _clock_rows(now)
        overdue = safety_counts.trainings_overdue_count(now=now)
        section.headlines = [
            Headline("incidents-open", _("Open incidents"), f"{len(section.clocks):,}"),
            Headline(
                "training-overdue",
                _("Overdue trainings"),
                f"{sum(overdue.values()):,}",
                bool(overdue),
            ),
        ]
        section.tables = [t for make in SAFETY_OVERDUE if (t := make(now)) is not None]
    incidents = safety_counts.incidents_per_month(months=months)
    section.charts.append(
        _month_chart(
            id="chart-incidents",
            title=_("Incidents and trainings per month"),
            months=months,
            series=[
                Series(_("Incidents found"), incidents["all"]),
                Series(_("Reportable to the PPC"), incidents["reportable"]),
                Series(
                    _("Trainings completed"), safety_counts.completions_per_month(months=months)
                ),
            ],
        )
    )
    return section


def sections_build(
    *, names: Sequence[str], months: Sequence[Month], now: datetime, live: bool
) -> list[Section]:
    """The sections named, over `months`; `live` adds what is open now (queues, clocks)."""
    builders: dict[str, Callable[[], Section]] = {
        "requests": lambda: requests_figures(months=months, now=now, live=live),
        "collection": lambda: collection_figures(months=months),
        "consent": lambda: consent_figures(months=months),
        "rights": lambda: rights_figures(months=months),
        "provision": lambda: provision_figures(months=months),
        "safety": lambda: safety_figures(months=months, now=now, live=live),
    }
    return [builders[name]() for name in names]
