"""Database models, one module per concern; import them from here."""
from app.models.accounts import ApiToken, Moderator, Role, SignInThrottle, TokenKind
from app.models.audit import AuditAction, AuditEntry
from app.models.comments import Comment, Status, Thread
from app.models.moderation import CommentClaim
from app.models.policies import PolicyAuditAction
from app.models.settings import Setting, ThreadControl
from app.models.trust import Ban, BanKind, CommentReport
from app.models.webhooks import DeliveryState, WebhookDelivery

# Every action the audit log records: what its filters accept and offer.
AUDIT_ACTIONS = (*AuditAction, *PolicyAuditAction)

__all__ = ["AUDIT_ACTIONS", "ApiToken", "AuditAction", "AuditEntry", "Ban", "BanKind", "Comment", "CommentClaim",
           "CommentReport", "DeliveryState", "Moderator", "PolicyAuditAction", "Role", "Setting", "SignInThrottle",
           "Status", "Thread", "ThreadControl", "TokenKind", "WebhookDelivery"]
