"""`flask` CLI groups, one module each."""


def register_commands(app):
    from app.commands.moderators import moderators_cli
    from app.commands.policy import policy_cli
    from app.commands.threads import threads_cli

    app.cli.add_command(threads_cli)
    app.cli.add_command(moderators_cli)
    app.cli.add_command(policy_cli)
