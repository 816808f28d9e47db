"""The first administrator: made on first start, its password shown once and kept hashed.

With no one to sign in as, nobody could use a fresh installation; a fixed
default password would be known to everyone.  So the first start creates one
administrator with a random password, which the caller prints once to the
terminal (never to a log).  The database keeps only its argon2 hash.
"""

from __future__ import annotations

import secrets

from attrs import frozen
from django.contrib.auth import get_user_model
from django.db import transaction

FIRST_ADMIN = "admin"


@frozen
class FirstAdmin:
    username: str
    password: str


def create_first_admin() -> FirstAdmin | None:
    """A new administrator when there is no account at all, else None."""
    # lazy: Django's models load only once its apps are set up
    from inspectkit.web.models import Profile, Role

    users = get_user_model()
    with transaction.atomic():
        if users.objects.exists():
            return None
        password = secrets.token_urlsafe(15)
        user = users.objects.create_superuser(username=FIRST_ADMIN, email="", password=password)
        Profile.objects.create(user=user, role=Role.ADMIN)
    return FirstAdmin(username=FIRST_ADMIN, password=password)
