"""Council case lists: the declared fields and codes, reading, validating.

``read_case_list(path, regime)`` turns a council's CSV or XLSX list into a
``CaseList`` of canonical values, or raises ``InputError`` naming every problem
by row and column.  ``fake`` writes synthetic lists; ``template`` writes empty ones.
"""

from inspectkit.caselist.problems import PROBLEM_CAP
from inspectkit.caselist.reader import read_case_list, read_with_fields
from inspectkit.caselist.sources import file_sha256
from inspectkit.caselist.table import Case, CaseList

__all__ = ["PROBLEM_CAP", "Case", "CaseList", "file_sha256", "read_case_list", "read_with_fields"]
