"""`flask moderators create|list|disable|set-role`: manage moderator accounts from the shell.

The password is asked for (hidden, twice), never taken from a default; changes are audited with no
actor (the command line).
"""
import click
from flask.cli import AppGroup

from app.errors import DomainError
from app.models import Role
from app.services import accounts

moderators_cli = AppGroup("moderators", help="Manage moderator accounts.")
ROLES = click.Choice([str(r) for r in Role])


def _account(email):
    account = accounts.find_by_email(email)
    if account is None:
        raise click.ClickException(f"no account with email {email}")
    return account


def _run(action):
    try:
        return action()
    except DomainError as err:
        detail = err.extra.get("errors") or err.detail or err.title
        raise click.ClickException(str(detail)) from None


@moderators_cli.command("create")
@click.argument("email")
@click.option("--name", "display_name", required=True, help="Display name.")
@click.option("--role", type=ROLES, default=str(Role.MODERATOR), show_default=True)
@click.password_option(help="Asked for when not given.")
def create_moderator(email, display_name, role, password):
    account = _run(lambda: accounts.create_account(None, email=email, display_name=display_name,
                                                   password=password, role=role))
    click.echo(f"created {account.email} ({account.role})")


@moderators_cli.command("list")
def list_moderators():
    for a in accounts.list_accounts():
        click.echo(f"{a.id}\t{a.email}\t{a.role}\t{'active' if a.active else 'disabled'}\t{a.display_name}")


@moderators_cli.command("disable")
@click.argument("email")
def disable_moderator(email):
    account = _run(lambda: accounts.update_account(None, _account(email).id, {"active": False}))
    click.echo(f"disabled {account.email}; its sessions and tokens are revoked")


@moderators_cli.command("enable")
@click.argument("email")
def enable_moderator(email):
    account = _run(lambda: accounts.update_account(None, _account(email).id, {"active": True}))
    click.echo(f"enabled {account.email}")


@moderators_cli.command("set-role")
@click.argument("email")
@click.argument("role", type=ROLES)
def set_role(email, role):
    account = _run(lambda: accounts.update_account(None, _account(email).id, {"role": role}))
    click.echo(f"{account.email} is now {account.role}")
