"""The organization's other systems in the staff console (/console/systems/): each declared
system with its kind, owner and country, whether it can be reached now, and its latest scan
(undeclared special-care information is a finding for the privacy officer). The officer may
start a scan, after a confirmation page. Nothing personal is shown: the findings are labels
and counts, and a failure never carries the URL or a credential."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, pgettext

from hogo.audit.services import actor_for
from hogo.policy.schema import System
from hogo.policy.selectors import PolicyNotLoaded
from hogo.policy.wording import moment_shown
from hogo.roles import Role
from hogo.staffpages import staff_context, staff_view
from hogo.systems.engine import SystemFailure
from hogo.systems.models import ReachOutcome, SystemReach, SystemScan
from hogo.systems.reachability import systems_reach_check
from hogo.systems.selectors import system_scans_latest, systems_declared
from hogo.systems.services import system_scan_run

VIEWERS = (Role.PRIVACY_OFFICER, Role.AUDITOR)
SCANNERS = (Role.PRIVACY_OFFICER,)


def _kind(kind: str) -> str:
    return {
        "sql": pgettext("systems", "SQL database (reached by hogo)"),
        "webhook": pgettext("systems", "Webhook (a signed request to the system)"),
        "manual": pgettext("systems", "By hand (a task for staff)"),
    }.get(kind, kind)


def _reach_words(outcome: str) -> str:
    """A probe's outcome as staff read it."""
    return {
        ReachOutcome.CONNECTED: pgettext("systems", "Yes: connected"),
        ReachOutcome.HANDSHAKE: pgettext(
            "systems", "Yes: TLS handshake completed, certificate trusted"
        ),
        ReachOutcome.REFUSED: pgettext("systems", "No: connection refused"),
        ReachOutcome.NO_ANSWER: pgettext("systems", "No: no answer within 2 seconds"),
        ReachOutcome.UNKNOWN_HOST: pgettext("systems", "No: host name not found"),
        ReachOutcome.TLS_REFUSED: pgettext(
            "systems", "No: TLS refused, the certificate is not trusted"
        ),
        ReachOutcome.TLS_FAILED: pgettext("systems", "No: the TLS handshake failed"),
        ReachOutcome.NOT_ALLOWED: pgettext(
            "systems", "No: the endpoint is not https on the organization's domain"
        ),
        ReachOutcome.FAILED: pgettext("systems", "No: cannot connect"),
    }.get(ReachOutcome(outcome), outcome)


def _found(label: str) -> str:
    """A detector label (hogo.detect) as staff read it."""
    return {
        "religion": pgettext("systems", "religion or creed"),
        "race_ethnicity": pgettext("systems", "race or ethnicity"),
        "social_status": pgettext("systems", "social status"),
        "disability": pgettext("systems", "disability"),
        "health": pgettext("systems", "medical history or health"),
        "criminal_record": pgettext("systems", "criminal record"),
        "crime_victim": pgettext("systems", "having been a victim of crime"),
        "sexual_orientation": pgettext("systems", "sexual orientation"),
        "political": pgettext("systems", "political opinion"),
        "email": pgettext("systems", "e-mail addresses"),
        "phone": pgettext("systems", "phone numbers"),
        "postal_code": pgettext("systems", "postal codes"),
        "address": pgettext("systems", "postal addresses"),
        "my_number": pgettext("systems", "My Number (individual numbers)"),
        "credit_card": pgettext("systems", "credit card numbers"),
        "ip_address": pgettext("systems", "IP addresses"),
        "person_name": pgettext("systems", "personal names"),
    }.get(label, label)


def _finding(f: dict[str, object]) -> str:
    """One undeclared column of a scan, in a sentence: where, what, how often."""
    words = {
        "where": f"{f.get('table')}.{f.get('column')}",
        "found": _found(str(f.get("found", ""))),
        "values": f.get("values"),
        "sampled": f.get("sampled"),
    }
    if f.get("kind") == "special-care":
        return (
            pgettext(
                "systems",
                "%(where)s: %(found)s (special-care information, not declared; "
                "in %(values)s of %(sampled)s values)",
            )
            % words
        )
    return (
        pgettext(
            "systems",
            "%(where)s: %(found)s (an identifier, not declared; in %(values)s of "
            "%(sampled)s values)",
        )
        % words
    )


def _country(code: str) -> str:
    return {"JP": pgettext("systems", "Japan")}.get(code, code)


def _role(role: str) -> str:
    return {
        "desk_operator": pgettext("systems", "Desk operators"),
        "privacy_officer": pgettext("systems", "The privacy officer"),
    }.get(role, role)


@dataclass(frozen=True)
class Row:
    system: System
    title: str
    kind: str
    owner: str
    handled_by: str
    reach: SystemReach | None
    reach_words: str
    reach_checked: str  # when, as staff read it
    host: str  # a webhook's declared host
    country: str
    findings: list[tuple[bool, str]]  # (special-care, the sentence) per undeclared column
    scan: SystemScan | None
    scanned: str  # when, as staff read it
    scanned_by: str


def _who(actor: str) -> str:
    """A staff member's user name, or the command line, for the audit actor that ran a scan."""
    kind, _, pk = actor.partition(":")
    if kind == "user" and pk.isdigit():
        user = User.objects.filter(pk=int(pk)).first()
        if user is not None:
            return user.get_username()
    if actor == "system:cli":
        return pgettext("systems", "the command line (hogo systems scan)")
    return actor


def _lang() -> str:
    return "en" if (get_language() or "ja").startswith("en") else "ja"


def _rows() -> list[Row]:
    lang = _lang()
    systems = systems_declared()
    scans = system_scans_latest(systems=[s.id for s in systems])
    reach = systems_reach_check(systems=systems)
    return [
        Row(
            system=s,
            title=s.title.get(lang),
            kind=_kind(s.kind),
            owner=s.owner.get(lang),
            handled_by=_role(s.manual.role) if s.manual else "",
            reach=reach.get(s.id),
            reach_words=_reach_words(reach[s.id].outcome) if s.id in reach else "",
            reach_checked=moment_shown(reach[s.id].checked_at, lang) if s.id in reach else "",
            host=(urlsplit(s.webhook.url).hostname or "") if s.webhook else "",
            country=_country(s.country),
            findings=[
                (f.get("kind") == "special-care", _finding(f))
                for f in (scans[s.id].findings if s.id in scans else [])
            ],
            scan=scans.get(s.id),
            scanned=moment_shown(scans[s.id].ran_at, lang) if s.id in scans else "",
            scanned_by=_who(scans[s.id].ran_by) if s.id in scans else "",
        )
        for s in systems
    ]


@staff_view(VIEWERS)
def systems_page(request: HttpRequest) -> HttpResponse:
    title = pgettext("systems", "Other systems holding personal data")
    try:
        rows = _rows()
    except PolicyNotLoaded:
        return TemplateResponse(
            request,
            "systems/console.html",
            staff_context(request, title, handlers=SCANNERS, no_policy=True),
        )
    findings = sum(1 for r in rows if r.scan and r.scan.special_care)
    context = staff_context(request, title, handlers=SCANNERS, rows=rows, findings=findings)
    return TemplateResponse(request, "systems/console.html", context)


@staff_view(VIEWERS)
def systems_reach_now(request: HttpRequest) -> HttpResponse:
    """ "Check now": every system probed again, whatever its last result, then the page."""
    if request.method == "POST":
        try:
            systems_reach_check(systems=systems_declared(), refresh=True)
        except PolicyNotLoaded:
            pass
        else:
            messages.success(request, pgettext("systems", "Checked now: the results are below."))
    return redirect("systems_console:list")


@staff_view(SCANNERS)
def system_scan_start(request: HttpRequest, ident: str) -> HttpResponse:
    if request.method != "POST":
        return redirect("systems_console:list")
    system = next((s for s in systems_declared(kinds=("sql",)) if s.id == ident), None)
    if system is None:
        messages.error(request, pgettext("systems", "The policy declares no such SQL system."))
        return redirect("systems_console:list")
    title = system.title.get(_lang())
    if request.POST.get("confirmed") != "yes":
        context = staff_context(
            request,
            pgettext("systems", "Confirm: scan %(system)s") % {"system": title},
            handlers=SCANNERS,
            system=system,
            system_title=title,
        )
        return TemplateResponse(request, "systems/scan_confirm.html", context)
    user = request.user
    assert isinstance(user, User)
    try:
        system_scan_run(actor=actor_for(user), system=system)
    except SystemFailure as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, pgettext("systems", "Scanned: the latest scan is shown below."))
    return redirect("systems_console:list")
