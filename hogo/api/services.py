from django.contrib.auth.models import User
from django.db import transaction

from hogo.api.models import ApiToken, token_digest
from hogo.errors import InvalidInput


@transaction.atomic
def token_create(*, user: User) -> str:
    """Create a bearer token for a staff user and return it; only its digest is kept."""
    if not (user.is_active and user.is_staff):
        raise InvalidInput("API tokens are only for active staff users", code="not_staff")
    token = ApiToken.generate()
    ApiToken.objects.create(user=user, digest=token_digest(token), prefix=token[5:13])
    return token
