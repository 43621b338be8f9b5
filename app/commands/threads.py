"""`flask threads register KEY --url --title [--closed]`: register an article ahead of comments."""
import click
from flask.cli import AppGroup

from app.services import threads

threads_cli = AppGroup("threads", help="Register and inspect comment threads.")


@threads_cli.command("register")
@click.argument("key")
@click.option("--url", default=None)
@click.option("--title", default=None)
@click.option("--closed/--open", default=False)
def register_thread(key, url, title, closed):
    thread = threads.register(threads.canonical_key(key), url=url, title=title, closed=closed)
    click.echo(f"thread {thread.key}: {'closed' if thread.closed else 'open'}")
