"""API tokens: issuing and revoking are audited (never the token itself), a revoked token gets
401 at once, `hogo token list|revoke` name tokens by prefix with clear errors, and the officer
revokes tokens in the console after a confirmation page. Using a token is not audited."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from hogo.api.models import ApiToken
from hogo.api.services import token_create
from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_verify
from hogo.policy.schema import Policy

ADMIN = "/console/admin/api/apitoken/"


def token_cli(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def get_policy(token: str) -> int:
    response = Client().get("/api/v1/policy/", headers={"Authorization": f"Bearer {token}"})
    return response.status_code


def test_it_audits_issuing_without_the_token(officer: User, active_policy: Policy) -> None:
    out, err = token_cli("create", "olivia")
    token = out.strip()
    prefix = token[5:13]
    assert err.strip() == (
        f"token {prefix} for olivia; revoke it with `hogo token revoke {prefix}`"
    )
    event = AuditEvent.objects.get(action="api.token.create")
    assert event.actor == "system:cli"
    assert event.detail == {"token": prefix, "user": f"user:{officer.pk}"}
    assert token not in str(event.detail)
    assert get_policy(token) == 200


def test_using_a_token_updates_last_used_but_not_the_audit_chain(
    officer: User, active_policy: Policy
) -> None:
    token = token_create(actor="system:test", user=officer)
    events = AuditEvent.objects.count()
    assert get_policy(token) == 200
    assert ApiToken.objects.get().last_used_at is not None
    assert AuditEvent.objects.count() == events


def test_a_revoked_token_gets_401(officer: User, active_policy: Policy) -> None:
    token = token_create(actor="system:test", user=officer)
    prefix = token[5:13]
    assert token_cli("revoke", prefix)[0] == f"revoked {prefix} of olivia\n"
    assert get_policy(token) == 401
    event = AuditEvent.objects.get(action="api.token.revoke")
    assert event.detail == {"count": 1, "tokens": [prefix], "users": [f"user:{officer.pk}"]}
    assert audit_verify().ok


def test_it_lists_tokens_by_prefix_never_the_token(officer: User, desk_operator: User) -> None:
    mine = token_create(actor="system:test", user=officer)
    theirs = token_create(actor="system:test", user=desk_operator)
    token_cli("revoke", theirs[5:13])
    out, _ = token_cli("list")
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{mine[5:13]}  olivia  created ")
    assert lines[0].endswith("last used never  live")
    assert lines[1].startswith(f"{theirs[5:13]}  daniel  ")
    assert " revoked " in lines[1]
    assert mine not in out
    assert theirs not in out
    assert token_cli("list", "daniel")[0].count("\n") == 1


def test_it_revokes_every_token_of_a_user(officer: User, active_policy: Policy) -> None:
    tokens = [token_create(actor="system:test", user=officer) for _ in range(3)]
    assert token_cli("revoke", "--user", "olivia", "--all")[0] == "revoked 3 token(s) of olivia\n"
    assert [get_policy(t) for t in tokens] == [401, 401, 401]
    assert token_cli("revoke", "--user", "olivia", "--all")[0] == "revoked 0 token(s) of olivia\n"
    assert AuditEvent.objects.filter(action="api.token.revoke").count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("revoke", "zzzzzzzz"), "no API token starts with 'zzzzzzzz'"),
        (("revoke",), "give a token prefix, or --user USERNAME --all (not both)"),
        (("revoke", "--all"), "to revoke by user, give both --user USERNAME and --all"),
        (("revoke", "--user", "nobody", "--all"), "no user named 'nobody'"),
        (("list", "nobody"), "no user named 'nobody'"),
    ],
)
def test_it_explains_a_bad_revocation(officer: User, args: tuple[str, ...], message: str) -> None:
    token_create(actor="system:test", user=officer)
    with pytest.raises(CommandError) as caught:
        token_cli(*args)
    assert str(caught.value) == message
    assert ApiToken.objects.get().revoked_at is None


def test_it_refuses_to_revoke_twice_or_an_ambiguous_prefix(officer: User) -> None:
    token = token_create(actor="system:test", user=officer)
    prefix = token[5:13]
    token_cli("revoke", prefix)
    with pytest.raises(CommandError, match=f"token {prefix} was revoked already"):
        token_cli("revoke", prefix)
    ApiToken.objects.create(user=officer, digest="0" * 64, prefix=prefix)
    with pytest.raises(CommandError, match=f"2 tokens start with '{prefix}'"):
        token_cli("revoke", prefix)


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_officer_revokes_in_the_console_after_confirming(
    officer: User, desk_operator: User, active_policy: Policy
) -> None:
    token = token_create(actor="system:test", user=desk_operator)
    row = ApiToken.objects.get()
    client = logged_in(officer)
    listing = client.get(ADMIN).content.decode()
    assert row.prefix in listing
    assert token not in listing
    form = {"action": "revoke", "_selected_action": [row.pk]}
    confirm = client.post(ADMIN, form)
    assert confirm.status_code == 200
    assert "APIトークンを失効させますか？" in confirm.content.decode()  # the console is Japanese
    assert get_policy(token) == 200  # nothing happens before the confirmation
    done = client.post(ADMIN, {**form, "confirmed": "yes"})
    assert done.status_code == 302
    assert "1件のトークンを失効させました。" in client.get(ADMIN).content.decode()
    assert get_policy(token) == 401
    assert AuditEvent.objects.get(action="api.token.revoke").actor == f"user:{officer.pk}"


def test_only_the_officer_sees_and_revokes_tokens(desk_operator: User, auditor: User) -> None:
    token_create(actor="system:test", user=desk_operator)
    row = ApiToken.objects.get()
    for user in (desk_operator, auditor):
        client = logged_in(user)
        assert client.get(ADMIN).status_code == 403
        form = {"action": "revoke", "_selected_action": [row.pk], "confirmed": "yes"}
        assert client.post(ADMIN, form).status_code == 403
    assert ApiToken.objects.get().revoked_at is None
