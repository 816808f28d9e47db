"""Every Word document says what it is: en-GB, its own title, Ofsted as author, its date.

python-docx's defaults (en-US styles, "python-docx" in the properties, 2013 dates) must
never reach a council: Word spell-checks by the styles' language and shows the core
properties in File > Info.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime

from tests.documents.conftest import DEVELOPMENT, SATISFACTORY, STRENGTH
from tests.documents.test_doc_reports import example_workspace

from inspectkit.documents import render_workspace
from inspectkit.documents.properties import language_tag
from inspectkit.plugins import get_host
from inspectkit.workspace import load_workspace


def _parts(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        return {n: package.read(n).decode("utf-8", "replace") for n in package.namelist()}


def test_cra_documents_carry_en_gb_their_title_ofsted_and_the_letter_date(cra_workspace):
    import docx

    result = render_workspace(
        load_workspace(cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT]), get_host())
    )
    titles = {
        "letter.docx": "Post-inspection letter: Northwold Borough Council",
        "staff_information.docx": (
            "Information for staff in agencies being inspected: Northwold Borough Council"
        ),
    }
    for path in (p for p in result.documents if p.suffix == ".docx"):
        core = docx.Document(str(path)).core_properties
        assert core.title == titles[path.name]
        assert (core.author, core.last_modified_by, core.language) == ("Ofsted", "Ofsted", "en-GB")
        # Sunderland 2012 §3.1: the letter of 18-19 October 2011's inspection, 16 November
        assert core.created == core.modified == datetime(2011, 11, 16, tzinfo=core.created.tzinfo)
        parts = _parts(path)
        assert not any("python-docx" in text for text in parts.values()), path.name
        languages = set(re.findall(r'<w:lang w:val="([^"]+)"', parts["word/styles.xml"]))
        assert languages == {"en-GB"}, path.name


def test_reports_and_a_welsh_locale(tmp_path):
    import docx

    (report,) = render_workspace(
        load_workspace(example_workspace(tmp_path, "slac_2009"), get_host())
    ).documents
    core = docx.Document(str(report)).core_properties
    assert core.title.startswith("Inspection of safeguarding and looked after children services: ")
    assert core.author == "Ofsted"
    welsh = example_workspace(tmp_path / "cy", "child_protection_2012", extra="")
    inspection = welsh / "inspection.toml"
    inspection.write_text(
        inspection.read_text("utf-8").replace(
            "\n# letter_date", '\nlocale = "cy"\n# letter_date', 1
        ),
        "utf-8",
    )
    (report,) = render_workspace(load_workspace(welsh, get_host())).documents
    assert docx.Document(str(report)).core_properties.language == "cy-GB"
    assert 'w:val="cy-GB"' in _parts(report)["word/styles.xml"]


def test_language_tags() -> None:
    assert (language_tag("en_GB"), language_tag("cy"), language_tag("en")) == (
        "en-GB",
        "cy-GB",
        "en-GB",
    )
