"""The watchlist: companies the user follows, and the alerts a poll gives when one of them cuts jobs.

``settings`` holds the ``[watch]`` table of feeds.toml (``tui.config`` validates it through it, so
this package imports nothing at import time: ``tui.config`` -> ``tui.watch.settings`` must not loop
back); ``names`` resolves a watched name to the companies it covers; ``alerts`` finds the alerts a
poll brought; ``command`` runs the user's ``alert_command``. Import the modules themselves.
"""
