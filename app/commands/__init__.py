"""`flask` CLI groups, one module each."""


def register_commands(app):
    from app.commands.threads import threads_cli

    app.cli.add_command(threads_cli)
    try:
        from app.commands.policy import policy_cli
    except ImportError:  # the rule engine's CLI arrives with app/rules
        return
    app.cli.add_command(policy_cli)
