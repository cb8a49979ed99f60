import Foundation
import HTMLKit
import HTTPServer
import RepairCore
import WebSecurity

extension Portal {
    /// Longest API token name, in characters.
    static let maximumTokenNameLength = 100

    /// `/account/tokens`: any signed-in user lists, creates and revokes their own API tokens (`manageOwnTokens`).
    func registerAPITokenRoutes(_ routes: inout PortalRoutes) {
        routes.group(.allowed(.manageOwnTokens)) { router in registerAPITokenRoutes(&router) }
    }

    private func registerAPITokenRoutes(_ router: inout RouteGroup) {
        let formOptions = router.bodyOptions
        router.add(.get, "/account/tokens") { [self] context, viewer in
            let request = context.request
            return try tokensPage(request, viewer: viewer)
        }
        router.add(.post, "/account/tokens", options: formOptions) { [self] context, viewer in
            let request = context.request
            let fields = try postedForm(request, viewer: viewer)
            let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let controlError = TextRules.violation(of: name, field: "name", lines: .single)
            if name.isEmpty || name.count > Self.maximumTokenNameLength || controlError != nil {
                let message =
                    controlError.map { "The name \(localizer.text($0.rule))." }
                    ?? (name.isEmpty ? "Give the token a name." : "At most \(Self.maximumTokenNameLength) characters.")
                return try tokensPage(
                    request, viewer: viewer, name: name, nameError: message, status: .unprocessableContent)
            }
            let created = try APITokenStore(store: store).create(userID: viewer.user.id, name: name, at: now())
            // The token is shown in this answer only: the database keeps just its hash.
            let shown: HTML = """
                <div class="flash success" role="status"><p>Token “\(name)” created. Copy it now; it will not be shown again:</p>
                <p><code class="new-token">\(created.token)</code></p>
                <p>Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p></div>
                """
            return try tokensPage(request, viewer: viewer, banner: shown)
        }
        router.add(.post, "/account/tokens/:id/revoke", options: formOptions) { [self] context, viewer in
            let request = context.request
            _ = try postedForm(request, viewer: viewer)
            guard let id = request.pathParameters["id"].flatMap({ Int64($0) }),
                try APITokenStore(store: store).revoke(id: id, userID: viewer.user.id, at: now())
            else { throw Problem.notFound("token") }
            return .redirect(to: "/account/tokens")
        }
    }

    private func tokensPage(
        _ request: HTTPRequest, viewer: Viewer, name: String = "", nameError: String? = nil, banner: HTML = .empty,
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let tokens = try APITokenStore(store: store).tokens(userID: viewer.user.id)
        let rows: [[HTML]] = tokens.map { token in
            let revoke: HTML =
                token.revokedAt == nil
                ? Form.form(
                    action: "/account/tokens/\(token.id)/revoke", csrfToken: viewer.csrfToken,
                    content: Form.submitButton("Revoke"))
                : "Revoked"
            return [
                "\(token.name)", "\(Self.dayText(token.createdAt))", "\(token.lastUsedAt.map(Self.dayText) ?? "never")",
                revoke,
            ]
        }
        let table = Table(
            columns: ["Name", "Created", "Last used", ""], rows: rows, caption: "Your API tokens",
            emptyMessage: "You have no API tokens yet.")
        let form = Form.form(
            action: "/account/tokens", csrfToken: viewer.csrfToken,
            content: """
                \(Form.textField(name: "name", label: "Token name", value: name, error: nameError, required: true, hint: "What the token is for, e.g. the script that uses it."))
                \(Form.submitButton("Create token"))
                """)
        return page(
            request, viewer: viewer, title: "API tokens", status: status,
            content: "\(banner)\(table.html)<h2>New token</h2>\(form)")
    }

    private static func dayText(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false))
    }
}
