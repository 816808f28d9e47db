"""The Django app holding inspectkit's models, views and templates."""

from __future__ import annotations

from django.apps import AppConfig


class InspectkitWebConfig(AppConfig):
    name = "inspectkit.web"
    label = "inspectkit"
    verbose_name = "inspectkit"
    default_auto_field = "django.db.models.BigAutoField"
