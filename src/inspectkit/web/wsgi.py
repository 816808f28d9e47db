"""The WSGI application waitress serves (Django configured by ``inspectkit.web.setup``)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inspectkit.web.settings")
application = get_wsgi_application()
