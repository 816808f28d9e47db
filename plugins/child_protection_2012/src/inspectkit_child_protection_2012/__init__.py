"""The child_protection_2012 regime: unannounced inspections of child protection arrangements.

Everything the regime says is declarative data in ``regime/`` (cited to a
council's briefing on the 2012 framework and to public sources); this module only
registers it and its templates.
"""

from __future__ import annotations

from inspectkit import packaged_regime_hook

inspectkit_register_regimes = packaged_regime_hook(__name__)
