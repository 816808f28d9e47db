"""The slac_2009 regime: inspections of safeguarding and looked after children services (2009).

Everything the regime says is declarative data in ``regime/`` (cited to the
framework, reference 090027, and a council's briefing on it); this module only
registers it and its templates.
"""

from __future__ import annotations

from inspectkit import packaged_regime_hook

inspectkit_register_regimes = packaged_regime_hook(__name__)
