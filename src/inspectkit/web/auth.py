"""Django's own model backend, reading a person's profile (their role) with their account.

Every page asks who is signed in (Django reads the account by the id the session
holds) and then what their role is (:mod:`inspectkit.web.access`, for the
navigation and the view): two queries, each about half a millisecond of ORM
work on SQLite and a millisecond on PostgreSQL.  Reading the profile in the same
query as the account (``select_related``) makes them one, on every page.
Everything else — password checks, ``is_active``, permissions — is
``ModelBackend``'s, unchanged.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ProfileBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        users = get_user_model()
        try:
            user = users._default_manager.select_related("profile").get(pk=user_id)
        except users.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
