"""The child_protection_2012 regime: unannounced inspections of child protection arrangements.

Everything the regime says is declarative data in ``regime/`` (cited to a
council's briefing on the 2012 framework and to public sources); this module only
registers it, its templates, the crosswalk files in ``crosswalks/`` that relate
its judgements to those of the 2009 and 2010 regimes it followed, and the example
inspection in ``examples/`` that ``inspectkit demo`` builds.
"""

from __future__ import annotations

from inspectkit import packaged_crosswalks_hook, packaged_examples_hook, packaged_regime_hook

inspectkit_register_regimes = packaged_regime_hook(__name__)
inspectkit_register_crosswalks = packaged_crosswalks_hook(__name__)
inspectkit_register_examples = packaged_examples_hook(__name__)
