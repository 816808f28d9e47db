"""Django settings for ``inspectkit serve``: security from the framework, chosen here once.

Read from the environment the ``serve`` command (or a test) sets before Django
starts: the data folder and database (:mod:`inspectkit.web.database`),
``INSPECTKIT_HTTPS=1`` when users reach the server over HTTPS through a proxy
(secure cookies, HSTS, the proxy's ``X-Forwarded-Proto`` trusted), and
``INSPECTKIT_ALLOWED_HOSTS`` (comma-separated) for the names it answers to.
"""

from __future__ import annotations

import os
from datetime import timedelta

import jinja2
from csp.constants import NONE, SELF

from inspectkit.web.database import database_settings, database_url, ensure_data_dir
from inspectkit.web.secret import secret_key

DATA_DIR = ensure_data_dir()
SECRET_KEY = secret_key(DATA_DIR)
DEBUG = False
HTTPS = os.environ.get("INSPECTKIT_HTTPS", "") == "1"
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = [
    name.strip() for name in os.environ.get("INSPECTKIT_ALLOWED_HOSTS", "").split(",") if name
] or LOOPBACK_NAMES

INSTALLED_APPS = [
    "inspectkit.web.apps.InspectkitWebConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # every view needs a signed-in user unless marked login_not_required (sign-in only)
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "inspectkit.web.urls"
WSGI_APPLICATION = "inspectkit.web.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inspectkit.web.access.role_context",
            ],
        },
    },
    {
        # the findings page's rows alone (inspectkit.web.finding_rows): a 60-finding page
        # drawn with Django's widgets cost 200 ms of CPU
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"undefined": jinja2.StrictUndefined},
    },
]

DATABASES = {"default": database_settings(database_url())}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# -- people ------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, reading the profile with the account: one query fewer on every page
    "inspectkit.web.auth.ProfileBackend",
]
LOGIN_URL = "inspectkit:sign-in"
LOGIN_REDIRECT_URL = "inspectkit:home"
LOGOUT_REDIRECT_URL = "inspectkit:sign-in"

# django-axes: five wrong passwords for one account from one address lock that pair
# out for fifteen minutes; a right password clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "inspectkit/locked_out.html"

# -- sessions, cookies and headers --------------------------------------------------
# Sessions stay in the database alone (Django's default), never in a per-process cache:
# several servers on one database must all see a sign-out at once. The cache holds only
# rendered regime, plan and comparison parts (inspectkit.web.fragments).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_AGE = int(timedelta(hours=10).total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS:
    # the scheme comes from waitress, which believes X-Forwarded-Proto from the trusted
    # proxy only (``serve --trusted-proxy``)
    SECURE_HSTS_SECONDS = int(timedelta(days=365).total_seconds())

# No inline script or style anywhere: every script and stylesheet is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# -- static files: served by WhiteNoise from the installed package, no collectstatic ---
STATIC_URL = "/static/"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Warnings and errors to stderr; never request bodies (they may hold inspection text).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}

# -- case-list uploads --------------------------------------------------------------
# A case list names children: every upload is streamed to a temporary file (never held
# whole in memory), read, sampled and deleted within the request.  Larger than the
# limit (INSPECTKIT_UPLOAD_LIMIT_MB, default 250) is refused before it is read.
FILE_UPLOAD_MAX_MEMORY_SIZE = 0
FILE_UPLOAD_HANDLERS = [
    "inspectkit.web.upload_limit.LimitedUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
INSPECTKIT_UPLOAD_LIMIT = int(os.environ.get("INSPECTKIT_UPLOAD_LIMIT_MB", "250")) * 1024 * 1024
