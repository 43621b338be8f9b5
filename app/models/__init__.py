"""Database models, one module per concern; import them from here."""
from app.models.comments import Comment, Status, Thread

__all__ = ["Comment", "Status", "Thread"]
