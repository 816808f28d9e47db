"""The slac_2009 regime: inspections of safeguarding and looked after children services (2009).

Everything the regime says is declarative data in ``regime/`` (cited to the
framework, reference 090027, and a council's briefing on it); this module only
registers it, its templates, and the example inspection in ``examples/`` that
``inspectkit demo`` builds.
"""

from __future__ import annotations

from inspectkit import packaged_examples_hook, packaged_regime_hook

inspectkit_register_regimes = packaged_regime_hook(__name__)
inspectkit_register_examples = packaged_examples_hook(__name__)
