"""A document shown in the page, made from the very Word file that is downloaded.

The preview is not a second rendering of the inspection: it is the checked ``.docx``
bytes (``render_documents``) read back by mammoth, a well-kept docx → HTML converter,
so its content and order are the Word file's paragraph for paragraph.  mammoth writes
plain semantic HTML (paragraphs, headings, lists, tables) with no inline style or
script, which the Content-Security-Policy requires, and escapes every piece of text
(an inspector's ``<`` or ``{{`` stays text).  The document's headings are moved one
level down so the page's own heading stays the only ``h1``; pictures come as
``data:`` images, which the policy allows.
"""

from __future__ import annotations

import io

import mammoth
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Word's paragraph styles → HTML one level below the page's heading
STYLE_MAP = "\n".join(
    [
        "p[style-name='Title'] => h2.document-title:fresh",
        "p[style-name='Subtitle'] => p.document-subtitle:fresh",
        "p[style-name='Heading 1'] => h2:fresh",
        "p[style-name='Heading 2'] => h3:fresh",
        "p[style-name='Heading 3'] => h4:fresh",
        "p[style-name='Heading 4'] => h5:fresh",
        "p[style-name='Heading 5'] => h6:fresh",
        "p[style-name='Heading 6'] => h6:fresh",
    ]
)


def word_preview(content: bytes) -> SafeString:
    """HTML of a ``.docx`` file's body, safe to place in a page (mammoth escapes text)."""
    result = mammoth.convert_to_html(io.BytesIO(content), style_map=STYLE_MAP)
    return mark_safe(str(result.value))  # mammoth escapes every text it writes


def text_preview(content: bytes) -> SafeString:
    """A plain-text document (an email to paste) as preformatted, escaped text."""
    return mark_safe(f'<pre class="document-text">{escape(content.decode("utf-8"))}</pre>')
