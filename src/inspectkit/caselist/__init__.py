"""Council case lists: the declared fields and codes, reading, validating.

``read_case_list(path, regime)`` turns a council's CSV or XLSX list into a
``CaseList`` of canonical values, or raises ``InputError`` naming every problem
by row and column.  ``fake`` writes synthetic lists; ``template`` writes empty ones.
"""

import os

# polars' allocator (jemalloc) keeps freed memory for ten seconds by default, and reading
# a list in batches frees and takes memory all the time: handing it back within 0.1 s
# took the peak of reading and sampling a million rows from 410-480 MiB to 330-350 MiB
# at much the same speed (issue 12).  It counts only if polars is not imported yet.
os.environ.setdefault(
    "_RJEM_MALLOC_CONF", "background_thread:true,dirty_decay_ms:100,muzzy_decay_ms:0"
)

from inspectkit.caselist.problems import PROBLEM_CAP
from inspectkit.caselist.reader import read_case_list, read_with_fields
from inspectkit.caselist.sources import file_sha256
from inspectkit.caselist.table import Case, CaseList

__all__ = ["PROBLEM_CAP", "Case", "CaseList", "file_sha256", "read_case_list", "read_with_fields"]
