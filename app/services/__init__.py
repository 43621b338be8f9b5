"""Plain functions behind the routes: they own the commit and raise domain errors (app.errors)."""
