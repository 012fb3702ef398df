"""The public announcement of an incident (APPI Art. 26(2) proviso): where notice to the people
affected is impossible, the officer publishes what happened at /<lang>/notices/incidents/<ref>/
as the alternative measure. Written by the officer in Japanese and English; no personal data
(the form says so); the page closes with the organization and its desk from the policy.
Publishing and each later change are a timeline step and an audit event."""

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import get_language

from hogo.audit.services import audit_record
from hogo.policy.selectors import policy_active
from hogo.policy.wording import date_shown
from hogo.safety.models import IncidentStep, StepKind
from hogo.safety.notice_content import Texts, closing, texts_checked
from hogo.safety.notice_models import IncidentAnnouncement
from hogo.safety.selectors import incident_get


@transaction.atomic
def announcement_publish(*, actor: str, ref: str, texts: Texts) -> IncidentAnnouncement:
    """Publishes the announcement, or replaces its text (the first publication's date stays)."""
    incident = incident_get(ref=ref, lock=True)
    texts_checked(texts, heading="title")
    now = timezone.now()
    values = {
        "title_ja": texts.subject_ja.strip(),
        "body_ja": texts.body_ja.strip(),
        "title_en": texts.subject_en.strip(),
        "body_en": texts.body_en.strip(),
        "updated_at": now,
        "published_by": actor,
    }
    announcement, created = IncidentAnnouncement.objects.update_or_create(
        incident=incident, defaults=values, create_defaults={**values, "published_at": now}
    )
    IncidentStep.objects.create(
        incident=incident,
        at=now,
        actor=actor,
        kind=StepKind.ANNOUNCED,
        detail={"changed": not created},
    )
    audit_record(
        actor=actor,
        action="safety.announcement.publish",
        detail={"incident": ref, "changed": not created},
    )
    return announcement


def announcement_page(request: HttpRequest, ref: str) -> HttpResponse:
    """The public page: the officer's text in the page's language, and the desk."""
    lang = "en" if (get_language() or "ja").startswith("en") else "ja"
    announcement = (
        IncidentAnnouncement.objects.filter(incident__ref=ref).select_related("incident").first()
    )
    if announcement is None:
        raise Http404("no announcement")
    policy = policy_active()
    other = "ja" if lang == "en" else "en"
    context = {
        "title": announcement.title_en if lang == "en" else announcement.title_ja,
        "body": announcement.body_en if lang == "en" else announcement.body_ja,
        "published": date_shown(announcement.published_at, lang),
        "updated": date_shown(announcement.updated_at, lang)
        if announcement.updated_at.date() != announcement.published_at.date()
        else "",
        "org": policy.organization.name.get(lang),
        "closing": closing(policy, lang),
        "other_lang": other,
        "other_name": "English" if other == "en" else "日本語",
        "other_url": translate_url(request.path, other),
    }
    with translation.override(lang):
        return render(request, "safety/notices/announcement.html", context)
