"""Rate limiting of public form submissions, shared by every web process through the database.

Fixed windows per client network: the count lives in `FormThrottle`, keyed by an HMAC of the
truncated network under the secret key, so the table holds no address.
"""

import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from hogo.collect.models import FormThrottle


def throttle_key(network: str | None) -> str:
    return salted_hmac(
        "hogo.collect.FormThrottle", network or "unknown", algorithm="sha256"
    ).hexdigest()


@transaction.atomic
def form_throttle_hit(*, network: str | None, now: float | None = None) -> bool:
    """Counts one submission from `network`; False when it is over the limit."""
    limit, seconds = settings.FORM_RATE
    at = time.time() if now is None else now
    window = int(at // seconds) * seconds
    key = throttle_key(network)
    rows = FormThrottle.objects.filter(key=key, window=window)
    if not rows.update(count=F("count") + 1):
        try:
            with transaction.atomic():
                FormThrottle.objects.create(key=key, window=window, count=1)
        except IntegrityError:
            rows.update(count=F("count") + 1)  # another process opened the window first
        # Windows before the previous one count for nothing any more.
        FormThrottle.objects.filter(window__lt=window - seconds).delete()
    return rows.values_list("count", flat=True).get() <= limit
