"""Database models, one module per concern; import them from here."""
from app.models.accounts import ApiToken, Moderator, Role, SignInThrottle, TokenKind
from app.models.audit import AuditAction, AuditEntry
from app.models.comments import Comment, Status, Thread
from app.models.moderation import CommentClaim

__all__ = ["ApiToken", "AuditAction", "AuditEntry", "Comment", "CommentClaim", "Moderator", "Role",
           "SignInThrottle", "Status", "Thread", "TokenKind"]
