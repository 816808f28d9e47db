"""Build cra_2010's Word templates: the letter (100025 Annex D) and the staff sheet (Annex C).

Annex B is an email, so ``notification_email.txt`` is plain text, written by hand.

From this plugin's folder, run ``python scripts/build_cra_2010_templates.py`` after
changing the wording below, and commit both this script and the .docx files it
writes.  The blocks come from ``inspectkit.template_blocks``; the context names are documented in
inspectkit's docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from inspectkit.docx_style import (
    GREY,
    Doc,
    new_document,
)
from inspectkit.template_blocks import (
    address,
    build_all,
    finding_section,
    key_value_table,
    para,
    tag,
)

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "inspectkit_cra_2010" / "templates"


def cra_letter() -> Doc:
    """Annex D: the post-inspection letter, wording as the template gives it."""
    doc = new_document("Unannounced inspection · contact, referral and assessment")
    para(doc, "{{ letter_date }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # Annex D "Dear [insert name]": the addressee by name where the file records one
    # (Regime.names.addressee), else by title.
    address(
        doc,
        "{% if recipient_name %}{{ recipient_name }}, {% endif %}{{ recipient }}",
        "{{ council }}",
    )
    para(doc, "Dear {{ recipient_name or recipient }}")
    para(
        doc,
        (
            "b",
            "Annual unannounced inspection of contact, referral and assessment arrangements "
            "within {{ council }} children's services",
        ),
    )
    para(
        doc,
        "This letter summarises the findings of the recent unannounced inspection of contact, "
        "referral and assessment arrangements within local authority children's services in ",
        ("b", "{{ council }}"),
        " which was conducted on ",
        ("b", "{{ dates.site_visit.range }}"),
        ". The inspection was carried out under section 138 of the Education and Inspections "
        "Act 2006. It will contribute to the annual review of the performance of the "
        "authority's children's services, for which Ofsted will award a rating later in the "
        "year. I would like to thank all of the staff we met for their assistance in "
        "undertaking this inspection.",
    )
    para(
        doc,
        "The inspection sampled the quality and effectiveness of contact, referral and "
        "assessment arrangements and their impact on minimising any child abuse and neglect. "
        "Inspectors considered a range of evidence, including: electronic case records; "
        "supervision files and notes; observation of social workers and senior practitioners "
        "undertaking referral and assessment duties; and other information provided by staff "
        "and managers. Inspectors also spoke to a range of staff including managers, social "
        "workers, other practitioners and administrative staff.",
    )
    para(doc, "{{ statements.outcome }}")
    para(doc, "From the evidence gathered, the following features of the service were identified:")
    # Annex D's headings each come with "[delete this text]": a kind of finding with nothing
    # recorded has no heading, and no sentence Annex D does not have.
    finding_section(doc, "Strengths", "findings.area_of_strength")
    finding_section(doc, "Satisfactory practice", "findings.satisfactory")
    # Annex D's "Area(s)": the singular or plural of what was recorded
    finding_section(
        doc,
        "Area{{ 's' if findings.area_for_development | length > 1 }} for development",
        "findings.area_for_development",
    )
    tag(doc, "if findings.area_for_priority_action")
    plural = "{{ 's' if findings.area_for_priority_action | length > 1 }}"
    para(doc, f"This visit has identified the following area{plural} for priority action:")
    para(doc, f"Area{plural} for priority action", style="Heading 2")
    tag(doc, "for f in findings.area_for_priority_action")
    para(doc, "{{ f.text }}", style="List Bullet")
    tag(doc, "endfor")
    tag(doc, "endif")
    para(doc, "{{ statements.future_inspection }}")
    tag(doc, "if statements.limiting_statement is defined")
    para(doc, "{{ statements.limiting_statement }}")
    tag(doc, "endif")
    para(doc, "Yours sincerely").paragraph_format.space_before = Pt(12)
    # Annex D "Name of inspector, HMI": the lead inspector's name where recorded, then the role
    signature = para(doc, "{{ lead_person.name or lead_person.role }}")
    signature.paragraph_format.space_before = Pt(30)
    signature.paragraph_format.space_after = Pt(0)
    tag(doc, "if lead_person.name")
    para(doc, "{{ lead_person.role }}")
    tag(doc, "endif")
    # 100025 §46: the letter goes to the Chief Executive, the Director of Children's
    # Services, the Chair of the Local Safeguarding Children Board and the lead member.
    copy = para(
        doc,
        "Copy: Chief Executive; Chair of the Local Safeguarding Children Board; "
        "lead member for children's services",
    )
    copy.paragraph_format.space_before = Pt(18)
    for run in copy.runs:
        run.font.size = Pt(9)
        run.font.color.rgb = GREY
    return doc


def cra_staff_information() -> Doc:
    """Annex C: the information sheet for staff in the agencies being inspected."""
    doc = new_document("Information for staff")
    para(
        doc,
        "Unannounced Ofsted inspections of contact, referral and assessment arrangements",
        style="Title",
    )
    para(doc, "{{ council }}", style="Heading 2")
    para(doc, "1. Introduction", style="Heading 1")
    para(
        doc,
        "The purpose of the annual unannounced inspection of contact, referral and assessment "
        "arrangements within local authorities is to assess the effectiveness of front-line "
        "practice in managing potential risks to children and young people and minimising the "
        "incidence of abuse and neglect.",
    )
    para(
        doc,
        "The focus is primarily on the local authority as the lead agency for child "
        "protection, but integral to this is the contribution of partner agencies and the "
        "effectiveness of multi-agency working. The inspection will inform future inspections, "
        "in particular the full inspection of safeguarding and looked after children, Ofsted's "
        "annual assessment of children's services and the Comprehensive Area Assessment. It may "
        "trigger further inspection activity.",
    )
    para(
        doc,
        "Inspections will normally be carried out by two HMIs, both of whom will have a social "
        "work background and experience of child protection and safeguarding services.",
    )
    para(doc, "2. Purpose of the inspections", style="Heading 1")
    para(doc, "Inspections will normally last for two days and include an evaluation of:")
    for item in (
        "the quality and timeliness of referrals and assessments, including the extent and "
        "quality of partner agency involvement, the involvement of children and their families, "
        "and how this impacts on the services offered to children and their families",
        "the quality of management oversight and decision-making, including the senior "
        "management audit of how well workers manage risk of harm through effective referral "
        "and assessment; case allocation and caseload management; the quality of direct "
        "supervision and support; and the quality of case-file recording and arrangements for "
        "informing and involving senior managers in decision-making",
        "the application of thresholds, their clarity and consistency and how these impact on "
        "outcomes for children",
        "the impact of strategy discussions and enquiries in protecting children and young people",
        "the effectiveness of communication, liaison and joint working between agencies",
        "the effectiveness of out-of-hours provision, including accident and emergency health "
        "services, in managing risk of harm through effective information sharing, referral "
        "and assessment",
        "the effectiveness of the service in meeting the needs of children from particular groups",
        "how well services act on users' views",
        "the role and responsibilities of support staff, level of training and support "
        "received and how this impacts on the quality of service delivery",
        "the effectiveness of social workers and unqualified staff, including family support "
        "and social work assistants, in identifying, assessing and managing risk of harm for "
        "children and their families.",
    ):
        para(doc, item, style="List Bullet")
    para(
        doc,
        "The inspectors will undertake the inspection by carrying out the following activities:",
    )
    for item in (
        "meeting with team manager or manager on duty",
        "observation of 'duty room' practice and procedures",
        "interviews with social workers, support and administrative staff",
        "interviews with staff from other agencies if appropriate",
        "examination of a sample of case files, usually alongside the responsible social worker",
        "wherever possible, obtaining the views of children and parents.",
    ):
        para(doc, item, style="List Bullet")
    para(doc, "3. Feedback and reporting", style="Heading 1")
    para(
        doc,
        "The inspectors will provide managers with a summary of the main findings at the end "
        "of the inspection and will follow this up with a letter within five days of the end "
        "of the inspection.",
    )
    para(doc, "Thank you for your assistance with this inspection.")
    para(doc, "Confidentiality will be preserved wherever possible.")
    para(
        doc,
        "Ofsted inspectors are currently conducting an unannounced inspection of contact, "
        "referral and assessment arrangements in this authority. If you wish to speak to an "
        "inspector please contact either:",
    )
    key_value_table(
        doc,
        [
            ("Name of inspector(s)", "{{ team | join('; ') }}"),
            (
                "Mobile number",
                "{{ members | selectattr('telephone') | map(attribute='telephone') | join('; ')"
                " or lead_telephone or '......................' }}",
            ),
        ],
    )
    return doc


BUILDERS = {
    TEMPLATES / "letter.docx": cra_letter,
    TEMPLATES / "staff_information.docx": cra_staff_information,
}


if __name__ == "__main__":
    build_all(BUILDERS)
