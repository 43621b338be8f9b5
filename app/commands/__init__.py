"""`flask` CLI groups, one module each."""


def register_commands(app):
    from app.commands.dev import dev_cli
    from app.commands.moderators import moderators_cli
    from app.commands.policy import policy_cli
    from app.commands.privacy import privacy_cli
    from app.commands.threads import threads_cli

    for group in (threads_cli, moderators_cli, policy_cli, privacy_cli, dev_cli):
        app.cli.add_command(group)
