"""The core's own extensions, registered through the same hooks as any plugin's.

Every :class:`inspectkit.plugins.PluginHost` loads these first (``DEFAULT_PLUGINS``), as
llm and datasette load their default plugins: the condition kinds regime data may use
and the file formats each command writes.  An outside plugin adds to them with the same
hooks; nothing in the core names a format or a kind outside this package.
"""
