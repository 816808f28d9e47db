"""The inspection store: inspections in the database, and workspace folders in and out.

:mod:`~inspectkit.web.store.records` turns a stored row into the core's own
objects (an ``Inspection``, a ``Plan``) and back; :mod:`~inspectkit.web.store.changes`
saves a change and its audit entry in one transaction;
:mod:`~inspectkit.web.store.folders` imports and exports workspace folders.
"""
