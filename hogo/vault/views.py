"""The one public page of the vault: opting out of a marketing_mail purpose at
`/unsubscribe/<token>` (unsubscribe.py).

GET shows the question with one button; POST suspends. The POST is exempt from CSRF, and only
this view: a mail client's RFC 8058 one-click POST carries no cookie or token, and the signed
token in the URL is what authorizes it (it can only ever stop mail, for its own person).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hogo.errors import InvalidInput, NotFound
from hogo.policy.selectors import policy_active
from hogo.vault.unsubscribe import ONE_CLICK, unsubscribe_apply, unsubscribe_read


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    lang = request.GET.get("lang", "")
    if lang not in ("ja", "en"):
        lang = translation.get_language() or "ja"
    with translation.override(lang):
        try:
            if request.method == "POST":
                one_click = request.POST.get("List-Unsubscribe") == ONE_CLICK.split("=")[1]
                wanted = unsubscribe_apply(token=token, one_click=one_click)
                return _page(request, lang, token, wanted.purpose, done=True)
            return _page(request, lang, token, unsubscribe_read(token).purpose, done=False)
        except (InvalidInput, NotFound):
            return _page(request, lang, token, None, done=False, status=400)


def _page(
    request: HttpRequest,
    lang: str,
    token: str,
    purpose: str | None,
    *,
    done: bool,
    status: int = 200,
) -> HttpResponse:
    policy = policy_active()
    title = policy.purposes[purpose].title.get(lang) if purpose else ""
    other = "en" if lang == "ja" else "ja"
    context = {
        "lang": lang,
        "purpose": title,
        "done": done,
        "valid": purpose is not None,
        "org": policy.organization.name.get(lang),
        "desk": policy.organization.contact,
        "other_url": f"{request.path}?lang={other}",
        "other_lang": other,
    }
    return render(request, "vault/unsubscribe.html", context, status=status)
