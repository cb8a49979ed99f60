import Foundation
import RepairCore

// Confirmation links, sessions, API tokens, settings, the outbox and the audit log.
extension Rows {
    static let confirmationColumns = "token_hash, user_id, created_at, expires_at, used_at"
    static let insertConfirmation = insertSQL("account_confirmations", confirmationColumns)
    static func confirmation(_ row: any SQLRow) -> AccountConfirmation {
        AccountConfirmation(
            tokenHash: row.text("token_hash"), userID: row.int64("user_id"), createdAt: row.date("created_at"),
            expiresAt: row.date("expires_at"), usedAt: row.optionalDate("used_at"))
    }
    static func confirmationValues(_ link: AccountConfirmation) -> [SQLValue] {
        [.text(link.tokenHash), .integer(link.userID), time(link.createdAt), time(link.expiresAt), time(link.usedAt)]
    }

    static let sessionColumns = "token_hash, user_id, created_at, expires_at"
    static let insertSession = insertSQL("sessions", sessionColumns)

    static let apiTokenColumns = "id, user_id, name, token_hash, created_at, last_used_at, revoked_at"
    static let insertAPIToken = insertSQL("api_tokens", apiTokenColumns)
    static func apiToken(_ row: any SQLRow) -> APITokenRecord {
        APITokenRecord(
            id: row.int64("id"), name: row.text("name"), createdAt: row.date("created_at"),
            lastUsedAt: row.optionalDate("last_used_at"), revokedAt: row.optionalDate("revoked_at"))
    }

    static let settingColumns = "key, value"
    static let insertSetting = insertSQL("portal_settings", settingColumns)

    static let outboxColumns = """
        id, message_id, recipient, recipient_name, subject, body, created_at, attempts, next_attempt_at, sent_at, \
        last_error, dead
        """
    static let insertOutboxEntry = insertSQL("outbox", outboxColumns)
    static func outboxEntry(_ row: any SQLRow) -> OutboxEntry {
        OutboxEntry(
            id: row.int64("id"),
            mail: OutgoingMail(
                recipient: row.text("recipient"), recipientName: row.text("recipient_name"),
                subject: row.text("subject"), body: row.text("body"), messageID: row.text("message_id")),
            createdAt: row.date("created_at"), attempts: Int(row.int64("attempts")),
            nextAttemptAt: row.date("next_attempt_at"), sentAt: row.optionalDate("sent_at"),
            lastError: row.text("last_error"), isDead: row.bool("dead"))
    }
    static func outboxValues(_ entry: OutboxEntry) -> [SQLValue] {
        let mail = entry.mail
        return [
            idValue(entry.id), .text(mail.messageID), .text(mail.recipient), .text(mail.recipientName),
            .text(mail.subject), .text(mail.body), time(entry.createdAt), .integer(Int64(entry.attempts)),
            time(entry.nextAttemptAt), time(entry.sentAt), .text(entry.lastError), .bool(entry.isDead),
        ]
    }

    static let auditColumns = "id, at, actor_id, action, entity, entity_key, details"
    static let insertAuditEntry = insertSQL("audit_log", auditColumns)
    static func auditEntry(_ row: any SQLRow) -> AuditEntry {
        AuditEntry(
            id: row.int64("id"), at: row.date("at"), actorID: row.optionalInt64("actor_id"),
            action: row.text("action"), entity: row.text("entity"), entityKey: row.text("entity_key"),
            details: row.text("details"))
    }
    static func auditValues(_ entry: AuditEntry) -> [SQLValue] {
        [
            idValue(entry.id), time(entry.at), .nullable(entry.actorID), .text(entry.action), .text(entry.entity),
            .text(entry.entityKey), .text(entry.details),
        ]
    }
}
