"""``layoffs-tui feeds``: list the feed list with each feed's last poll, and edit it in place.

The edits are ``tui.feedlist`` (shared with the app's feeds screen); this module only parses
options and prints. Refused edits are ``FeedListError``: one line on stderr, exit 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli.context import CliContext, pass_context
from tui.config import FeedConfig
from tui.feedlist import add_feed, remove_feed, set_enabled
from tui.store.feeds import FeedStatus, feed_statuses
from tui.wording import plural, status_words


@click.group("feeds")
def feeds_group() -> None:
    """List and edit the feed list (feeds.toml), keeping your comments and order."""


def describe_status(status: FeedStatus | None) -> str:
    """"never polled", or when the last poll ran and how it went."""
    if status is None or not status.last_polled_at:
        return "never polled"
    outcome = status_words(status.last_status)
    if status.http_status:
        outcome += f" (HTTP {status.http_status})"
    if status.last_error:
        outcome += f": {status.last_error}"
    when = status.last_polled_at.replace("T", " ").replace("Z", " UTC")
    articles = f", {plural(status.articles, 'article')}"
    return f"last poll {when}: {outcome}{articles}"


def _statuses(obj: CliContext) -> dict[str, FeedStatus]:
    """Poll state by URL; an empty map (every feed "never polled") when the default database does not
    exist yet (the first run). A ``--db`` that names no database is a mistake, said as one."""
    if obj.db_path is not None:
        obj.require_db()
    elif not obj.resolved_db_path.exists():
        return {}
    db = obj.db()
    try:
        return feed_statuses(db)
    finally:
        db.close()


@feeds_group.command("list")
@pass_context
def list_command(obj: CliContext) -> None:
    """Show every feed: name, URL, enabled, tags, and its last poll from the database."""
    config = obj.config()
    statuses = _statuses(obj)
    if not config.feeds:
        click.echo(f"No feeds in {obj.resolved_config_path}; add one with `layoffs-tui feeds add URL`.")
        return
    for feed in config.feeds:
        state = "enabled" if feed.enabled else "disabled"
        tags = f"  [{', '.join(feed.tags)}]" if feed.tags else ""
        click.echo(f"{feed.name}  ({state}){tags}")
        click.echo(f"    {feed.url}")
        click.echo(f"    {describe_status(statuses.get(feed.url))}")
    enabled = len(config.enabled_feeds)
    click.echo(f"{plural(len(config.feeds), 'feed')}, {enabled} enabled, in {obj.resolved_config_path}")


def editable_config_path(obj: CliContext) -> Path:
    """The feed list to edit. The default one is created from the bundled list first (and the user
    told where); an explicit ``--config`` that does not exist yet is created by ``feeds add``."""
    if obj.config_path is None:
        obj.config()
    return obj.resolved_config_path


def _done(verb: str, feed: FeedConfig, obj: CliContext) -> None:
    click.echo(f"{verb} {feed.name!r} ({feed.url}) in {obj.resolved_config_path}")


@feeds_group.command("add")
@click.argument("url")
@click.option("--name", help="A name to show (default: the URL's host).")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="A tag for grouping. Repeatable.")
@pass_context
def add_command(obj: CliContext, url: str, name: str | None, tags: tuple[str, ...]) -> None:
    """Add the feed at URL (http or https) to the end of the feed list."""
    _done("Added", add_feed(editable_config_path(obj), url, name=name, tags=tags), obj)


@feeds_group.command("remove")
@click.argument("name_or_url")
@pass_context
def remove_command(obj: CliContext, name_or_url: str) -> None:
    """Remove a feed, given its name or URL. Its stored articles stay in the database."""
    _done("Removed", remove_feed(editable_config_path(obj), name_or_url), obj)


@feeds_group.command("enable")
@click.argument("name_or_url")
@pass_context
def enable_command(obj: CliContext, name_or_url: str) -> None:
    """Poll this feed again (given its name or URL)."""
    _done("Enabled", set_enabled(editable_config_path(obj), name_or_url, True), obj)


@feeds_group.command("disable")
@click.argument("name_or_url")
@pass_context
def disable_command(obj: CliContext, name_or_url: str) -> None:
    """Keep this feed in the list but stop polling it (given its name or URL)."""
    _done("Disabled", set_enabled(editable_config_path(obj), name_or_url, False), obj)
