"""Members' area test support: a member registered through the public form and activated
through the mailed link, logged in."""

import re
from dataclasses import dataclass

from django.core import mail
from django.test import Client

from hogo.collect.models import Member
from hogo.tests.collect import form_post
from hogo.tests.mail import Inbox, body, committed

PASSWORD = "blue kettle under the bridge"
HANAKO = {
    "name": "Hanako Yamada",
    "email": "hanako.yamada@example.jp",
    "organization": "Mitsuboshi Denki",
    "country": "Japan",
}
TARO = {
    "name": "Taro Suzuki",
    "email": "taro.suzuki@example.jp",
    "organization": "Kawasaki Kikai",
    "country": "Japan",
}


@dataclass
class Registered:
    member: Member
    client: Client  # logged in
    activation_path: str


def activation_path(body: str) -> str:
    link = re.search(r"https?://testserver(/\S+/activate/\S+/)", body)
    assert link is not None, "no activation link in the mail"
    return link.group(1)


def register(
    values: dict[str, str], *, lang: str = "en", login: bool = True, inbox: Inbox | None = None
) -> Registered:
    """Registers through the member-registration form, sets the password through the link
    from the mail, and (by default) logs in with the member number."""
    client = Client()
    mail.outbox.clear()
    with committed():
        response = form_post(client, "member-registration", values, lang=lang)
    assert response.status_code == 302
    sent = body(inbox.last(values["email"])) if inbox else str(mail.outbox[-1].body)
    path = activation_path(sent)
    activated = client.post(path, {"password": PASSWORD, "password_again": PASSWORD})
    assert activated.status_code == 200
    member = Member.objects.order_by("-pk").first()
    assert member is not None
    if login:
        logged_in = client.post(
            f"/{lang}/members/login/",
            {"identifier": member.member_number, "password": PASSWORD},
        )
        assert logged_in.status_code == 302, logged_in.content.decode()
    return Registered(member=member, client=client, activation_path=path)
