"""Every URL of the application.

Only sign-in and static files are open to a signed-out visitor: Django's
``LoginRequiredMiddleware`` refuses every other view, and the test suite walks
this configuration to prove it.  The admin's own sign-in page sends people to
inspectkit's, so there is one sign-in (rate-limited by django-axes).
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from inspectkit.web.views import (
    action_plan,
    audit,
    case_data,
    compare,
    documents,
    findings,
    home,
    inspections,
    new_inspection,
    outcomes,
    plan,
    readiness,
    regimes,
    sample,
    standing,
)

app_name = "inspectkit"

pages = [
    path("", home.home, name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(template_name="inspectkit/sign_in.html"),
        name="sign-in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("regimes/", regimes.regime_list, name="regimes"),
    path("regimes/<str:regime_id>/", regimes.regime_detail, name="regime"),
    path("plan/", plan.plan_page, name="plan"),
    path("plan/plan.<str:kind>", plan.plan_download, name="plan-download"),
    path("compare/", compare.compare_page, name="compare"),
    path("compare/comparison.<str:kind>", compare.compare_download, name="compare-download"),
    path("outcomes/", outcomes.outcomes_page, name="outcomes"),
    path("outcomes/outcomes.<str:kind>", outcomes.outcomes_download, name="outcomes-download"),
    path("outcomes/charts/<str:chart>.svg", outcomes.outcomes_chart, name="outcomes-chart"),
    path("inspections/", inspections.inspection_list, name="inspections"),
    path("inspections/new/", new_inspection.new_inspection, name="inspection-new"),
    path("inspections/<int:pk>/", inspections.inspection_detail, name="inspection"),
    path(
        "inspections/<int:pk>/plan.<str:kind>",
        inspections.inspection_plan_download,
        name="inspection-plan",
    ),
    path("inspections/<int:pk>/sample/", sample.sample_page, name="sample"),
    path("inspections/<int:pk>/sample.<str:kind>", sample.sample_download, name="sample-download"),
    path(
        "inspections/<int:pk>/caselist-problems.csv",
        sample.report_download,
        name="caselist-report",
    ),
    path(
        "inspections/<int:pk>/documents/<str:document>",
        documents.document_download,
        name="document",
    ),
    path(
        "inspections/<int:pk>/documents/<str:document>/preview/",
        documents.document_preview,
        name="document-preview",
    ),
    path(
        "inspections/<int:pk>/documents/<str:document>/pdf/",
        documents.document_pdf,
        name="document-pdf",
    ),
    path(
        "inspections/<int:pk>/documents/<str:document>/pdf/file",
        documents.document_pdf_file,
        name="document-pdf-file",
    ),
    path("inspections/<int:pk>/findings/", findings.findings_page, name="findings"),
    path("inspections/<int:pk>/findings/check/", findings.findings_check, name="findings-check"),
    path(
        "inspections/<int:pk>/case-data/delete/",
        case_data.delete_case_data,
        name="case-data-delete",
    ),
    path("inspections/<int:pk>/steps/", standing.record_done, name="standing"),
    path("inspections/<int:pk>/action-plan/", action_plan.plan_page, name="action-plan"),
    path(
        "inspections/<int:pk>/action-plan.<str:kind>",
        action_plan.plan_download,
        name="action-plan-download",
    ),
    path("action-plans/", action_plan.plan_list, name="action-plans"),
    path("readiness/", readiness.checklist_list, name="readiness-list"),
    path("readiness/<int:checklist>/", readiness.checklist_page, name="readiness"),
    path(
        "readiness/<int:checklist>/readiness.<str:kind>",
        readiness.checklist_download,
        name="readiness-download",
    ),
    path("audit/", audit.audit_log, name="audit"),
]

# The admin's sign-in form would be a second, separate way in: send it to ours.
admin.site.login = RedirectView.as_view(  # type: ignore[assignment]
    pattern_name="inspectkit:sign-in", query_string=True
)
admin.site.site_header = "inspectkit administration"
admin.site.site_title = "inspectkit"

urlpatterns = [
    # browsers ask for /favicon.ico on pages that name no icon (the admin's): a static file
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=static("inspectkit/favicon.svg"))),
        name="favicon",
    ),
    path("admin/", admin.site.urls),
    path("", include((pages, app_name))),
]
