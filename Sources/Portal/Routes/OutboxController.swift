import Foundation
import HTMLKit
import HTTPServer
import RepairCore

/// `/admin/outbox` and `/api/v1/admin/outbox` (admins): what mail is waiting, sent or dead, and why; a dead mail
/// can be given another chance.
struct OutboxController: FeatureController, PageRendering {
    /// Most outbox rows one page shows (default 200, newest first).
    static let pageSize = 200

    /// Read and retry the outbox rows.
    let outbox: any OutboxRepository
    /// The time a retried mail is due again.
    let now: @Sendable () -> Date
    let layout: PageLayout

    /// An outbox row in the JSON API.
    struct OutboxBody: Encodable, Sendable {
        var id: Int64
        var messageID: String
        var recipient: String
        var subject: String
        /// `pending`, `sent` or `dead`.
        var state: String
        var attempts: Int
        var createdAt: Date
        var nextAttemptAt: Date
        var sentAt: Date?
        var lastError: String

        init(_ entry: OutboxEntry) {
            id = entry.id
            messageID = entry.mail.messageID
            recipient = entry.mail.recipient
            subject = entry.mail.subject
            state = OutboxController.state(of: entry)
            attempts = entry.attempts
            createdAt = entry.createdAt
            nextAttemptAt = entry.nextAttemptAt
            sentAt = entry.sentAt
            lastError = entry.lastError
        }
    }

    static func state(of entry: OutboxEntry) -> String {
        entry.sentAt != nil ? "sent" : entry.isDead ? "dead" : "pending"
    }

    func register(in routes: inout PortalRoutes) {
        routes.group(.allowed(.administer)) { router in registerRoutes(&router) }
    }

    private func registerRoutes(_ router: inout RouteGroup) {
        router.add(.get, "/admin/outbox") { context, viewer in
            let request = context.request
            let flash = request.query("done") == "retry" ? Flash(.notice, L("outbox.retried")) : nil
            return page(
                request, viewer: viewer, title: L("outbox.title"), flash: flash,
                content: try outboxTable(viewer: viewer).nowrap(0).numeric(4).wide(5).html)
        }
        router.add(.post, "/admin/outbox/:id/retry", options: router.bodyOptions) { context, viewer in
            let request = context.request
            _ = try postedForm(request, viewer: viewer)
            try retryDeadMail(try request.rowID(.outboxEntry))
            return .redirect(to: "/admin/outbox?done=retry")
        }
        router.add(.get, "/api/v1/admin/outbox") { _, _ in
            return try jsonResponse(try outbox.outboxEntries(limit: Self.pageSize).map(OutboxBody.init))
        }
        router.add(
            .post, "/api/v1/admin/outbox/:id/retry", options: router.bodyOptions
        ) { context, _ in
            let request = context.request
            let id = try request.rowID(.outboxEntry)
            try retryDeadMail(id)
            guard let entry = try outbox.outboxEntry(id: id) else {
                throw Problem.notFound(.outboxEntry, key: String(id))
            }
            return try jsonResponse(OutboxBody(entry))
        }
    }

    private func retryDeadMail(_ id: Int64) throws {
        guard try outbox.retryOutboxEntry(id: id, at: now()) else {
            guard try outbox.outboxEntry(id: id) != nil else { throw Problem.notFound(.outboxEntry, key: String(id)) }
            throw Problem(.notDead, parameters: ["id": .number(Int(id))])
        }
    }

    private func outboxTable(viewer: Viewer) throws -> Table {
        let rows = try outbox.outboxEntries(limit: Self.pageSize).map { entry -> [HTML] in
            let state = Self.state(of: entry)
            let action: HTML =
                state == "dead"
                ? Form.form(
                    action: "/admin/outbox/\(entry.id)/retry", csrfToken: viewer.csrfToken,
                    content: Form.submitButton(L("outbox.retry")))
                : .empty
            return [
                HTML.text(LocalFormat.dateTime(entry.createdAt)), HTML.text(entry.mail.recipient),
                HTML.text(entry.mail.subject), HTML.text(L("outbox.state.\(state)")), HTML.text(String(entry.attempts)),
                HTML.text(entry.lastError.isEmpty ? "—" : entry.lastError), action,
            ]
        }
        return Table(
            columns: [
                L("column.queued"), L("column.to"), L("column.subject"), L("column.state"), L("column.failed_attempts"),
                L("column.last_error"), "",
            ], rows: rows,
            caption: L("outbox.caption"), emptyMessage: L("outbox.empty"))
    }
}
