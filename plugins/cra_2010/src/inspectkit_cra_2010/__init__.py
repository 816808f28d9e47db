"""The cra_2010 regime: unannounced inspections of contact, referral and assessment (2010).

Everything the regime says is declarative data in ``regime/`` (cited to the
guidance, reference 100025); this module only registers it, its templates, and
the example inspections in ``examples/`` that ``inspectkit demo`` builds.
"""

from __future__ import annotations

from inspectkit import packaged_examples_hook, packaged_regime_hook

inspectkit_register_regimes = packaged_regime_hook(__name__)
inspectkit_register_examples = packaged_examples_hook(__name__)
