"""`hogo reconsent list` shows the campaigns; `hogo reconsent send` finishes a send the mail
server interrupted, and asks nobody twice."""

import io
from collections.abc import Callable

from django.core.management import call_command

from hogo.policy.schema import Policy
from hogo.reconsent.models import ConsentRequest, RequestStatus
from hogo.reconsent.services import requests_queue
from hogo.tests.mail import Inbox, committed
from hogo.tests.reconsent import ACTOR, ADDED, HANAKO, ORIGIN, contract


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("reconsent", *args, stdout=out)
    return out.getvalue()


def test_it_lists_the_campaigns_and_finishes_an_interrupted_send(
    version_1: Policy, load_version_2: Callable[[], Policy], inbox: Inbox
) -> None:
    contract(HANAKO)
    load_version_2()
    assert f"version 2 {ADDED} [purpose_added]: 1 not asked" in run("list")
    inbox.stop()
    with committed():
        requests_queue(actor=ACTOR, version=2, purpose=ADDED, origin=ORIGIN)
    inbox.start()
    ConsentRequest.objects.update(next_attempt_at=ConsentRequest.objects.get().queued_at)
    assert run("send").startswith("sent 1;")
    assert run("send").startswith("sent 0;")
    assert len(inbox.to(HANAKO)) == 1
    assert ConsentRequest.objects.get().status == RequestStatus.SENT
