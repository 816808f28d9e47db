"""Django settings for the test suite: the application's own, on a throw-away data folder.

The data folder (secret key, SQLite file) is made fresh per test run and removed
at exit, so tests never touch a person's real data.  With
``INSPECTKIT_TEST_POSTGRES_URL`` set (CI sets it), the same tests run on
PostgreSQL: pytest-django creates and drops a ``test_`` database there.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_folder = tempfile.mkdtemp(prefix="inspectkit-test-data-")
atexit.register(shutil.rmtree, _folder, ignore_errors=True)
os.environ["INSPECTKIT_DATA_DIR"] = _folder
os.environ.pop("INSPECTKIT_DATABASE_URL", None)
os.environ.pop("INSPECTKIT_SECRET_KEY", None)
os.environ.pop("INSPECTKIT_HTTPS", None)
os.environ.pop("INSPECTKIT_ALLOWED_HOSTS", None)

from inspectkit.web.database import database_settings  # noqa: E402
from inspectkit.web.settings import *  # noqa: E402, F403

POSTGRES_URL = os.environ.get("INSPECTKIT_TEST_POSTGRES_URL", "").strip()
if POSTGRES_URL:
    DATABASES = {"default": database_settings(POSTGRES_URL)}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# fast hashing in tests only; test_security checks the real settings put argon2 first
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
