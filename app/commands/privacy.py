"""`flask privacy export EMAIL` (JSON on stdout) and `flask privacy erase EMAIL`."""
import json

import click
from flask.cli import AppGroup

from app.services import privacy

privacy_cli = AppGroup("privacy", help="Export or erase what is stored about a reader's email.")


@privacy_cli.command("export")
@click.argument("email")
def export_email(email):
    """Print everything stored about EMAIL as JSON."""
    click.echo(json.dumps(privacy.export(email), ensure_ascii=False, indent=2))


@privacy_cli.command("erase")
@click.argument("email")
@click.option("--remove-text/--keep-text", default=None,
              help="Also remove the comments' text (default: the PRIVACY_ERASE_BODY setting).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase_email(email, remove_text, yes):
    """Anonymize name, email and website of every comment by EMAIL (audited)."""
    if not yes:
        click.confirm("Erase the personal data of every comment by this address?", abort=True)
    result = privacy.erase(email, remove_text=remove_text)
    click.echo(json.dumps(result))
