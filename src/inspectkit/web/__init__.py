"""``inspectkit serve``: the web application, a Django project inside the core.

It is a layer above the command line's: it calls the core's public API (the
plugin host, planning, comparison, workspaces) and never a plugin directly, so
an out-of-tree regime appears in every page as it does in every command.
Django is set up only by the commands that need it (``serve``, ``db``,
``import``, ``export``); the rest of inspectkit never imports it.
"""
