"""Writes: issuing and revoking API tokens, each one audit event. Using a token (its
`last_used_at`) is bookkeeping, not recorded in the chain."""

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from hogo.api.models import ApiToken, token_digest, token_prefix
from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput, NotFound

MAX_NAMED = 100  # tokens and users named in one revocation event


@transaction.atomic
def token_create(*, actor: str, user: User) -> str:
    """Create a bearer token for a staff user and return it; only its digest is kept."""
    if not (user.is_active and user.is_staff):
        raise InvalidInput("API tokens are only for active staff users", code="not_staff")
    token = ApiToken.generate()
    row = ApiToken.objects.create(user=user, digest=token_digest(token), prefix=token_prefix(token))
    audit_record(
        actor=actor,
        action="api.token.create",
        detail={"token": row.prefix, "user": f"user:{user.pk}"},
    )
    return token


@transaction.atomic
def token_revoke(*, actor: str, prefix: str) -> ApiToken:
    """Revoke the live token with this prefix (as `hogo token list` shows it); it stops working
    at once. Refused when no token, or more than one, has the prefix, or it is revoked already."""
    matching = list(ApiToken.objects.select_for_update().filter(prefix=prefix))
    if not matching:
        raise NotFound(f"no API token starts with {prefix!r}")
    if len(matching) > 1:
        raise Conflict(
            f"{len(matching)} tokens start with {prefix!r}: revoke them by user with --all",
            code="ambiguous",
        )
    [token] = matching
    if token.revoked_at is not None:
        raise Conflict(f"token {prefix} was revoked already", code="revoked")
    return _revoked(actor, [token])[0]


@transaction.atomic
def tokens_revoke(*, actor: str, tokens: Sequence[ApiToken]) -> list[ApiToken]:
    """Revoke these tokens (the live ones among them: a revoked token stays as it was)."""
    live = list(
        ApiToken.objects.select_for_update()
        .filter(pk__in=[t.pk for t in tokens], revoked_at__isnull=True)
        .order_by("pk")
    )
    return _revoked(actor, live) if live else []


def _revoked(actor: str, tokens: list[ApiToken]) -> list[ApiToken]:
    now = timezone.now()
    ApiToken.objects.filter(pk__in=[t.pk for t in tokens]).update(revoked_at=now)
    for token in tokens:
        token.revoked_at = now
    audit_record(
        actor=actor,
        action="api.token.revoke",
        detail={
            "count": len(tokens),
            # Enough to find them; the audit detail stays small however many were revoked.
            "tokens": [t.prefix for t in tokens[:MAX_NAMED]],
            "users": sorted({f"user:{t.user_id}" for t in tokens})[:MAX_NAMED],
        },
    )
    return tokens
