import Foundation
import HTMLKit
import HTTPServer
import Localization
import RepairApp
import RepairCore

/// `/account/tokens`: any signed-in user lists, creates and revokes their own API tokens (`manageOwnTokens`).
struct APITokensController: FeatureController, PageRendering {
    /// Create, list and revoke a user's own tokens.
    let apiTokens: APITokens
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.allowed(.manageOwnTokens)) { router in registerRoutes(&router) }
    }

    private func registerRoutes(_ router: inout RouteGroup) {
        let formOptions = router.bodyOptions
        router.add(.get, "/account/tokens") { context, viewer in
            let request = context.request
            return try tokensPage(request, viewer: viewer)
        }
        router.add(.post, "/account/tokens", options: formOptions) { context, viewer in
            let request = context.request
            let fields = try postedForm(request, viewer: viewer)
            let created: (record: APITokenRecord, token: String)
            do {
                created = try apiTokens.create(name: fields["name"] ?? "", by: viewer.user)
            } catch let error as Problem where !error.fieldErrors.isEmpty {
                let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return try tokensPage(
                    request, viewer: viewer, name: name,
                    nameError: Self.tokenNameError(error.fieldErrors[0].rule, context.localizer),
                    status: .unprocessableContent)
            }
            let name = created.record.name
            // The token is shown in this answer only: the database keeps just its hash.
            let shown: HTML = """
                <div class="flash success" role="status"><p>\(L("tokens.created", ["name": .text(name)]))</p>
                <p><code class="new-token">\(created.token)</code></p>
                <p>\(L("tokens.send_as")) <code>Authorization: Bearer &lt;token&gt;</code></p></div>
                """
            return try tokensPage(request, viewer: viewer, banner: shown)
        }
        router.add(.post, "/account/tokens/:id/revoke", options: formOptions) { context, viewer in
            let request = context.request
            _ = try postedForm(request, viewer: viewer)
            guard let id = request.pathParameters["id"].flatMap({ Int64($0) }) else { throw Problem.notFound("token") }
            try apiTokens.revoke(id: id, by: viewer.user)
            return .redirect(to: "/account/tokens")
        }
    }

    private func tokensPage(
        _ request: HTTPRequest, viewer: Viewer, name: String = "", nameError: String? = nil, banner: HTML = .empty,
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let tokens = try apiTokens.tokens(of: viewer.user)
        let rows: [[HTML]] = tokens.map { token in
            let revoke: HTML =
                token.revokedAt == nil
                ? Form.form(
                    action: "/account/tokens/\(token.id)/revoke", csrfToken: viewer.csrfToken,
                    content: Form.submitButton(L("tokens.revoke")))
                : HTML.text(L("tokens.revoked"))
            return [
                "\(token.name)", "\(Self.dayText(token.createdAt))", "\(token.lastUsedAt.map(Self.dayText) ?? L("tokens.never"))",
                revoke,
            ]
        }
        let table = Table(
            columns: [L("column.name"), L("column.created"), L("column.last_used"), ""], rows: rows,
            caption: L("tokens.caption"),
            emptyMessage: L("tokens.empty"))
        let form = Form.form(
            action: "/account/tokens", csrfToken: viewer.csrfToken,
            content: """
                \(Form.textField(name: "name", label: L("tokens.name"), value: name, error: nameError, required: true, hint: L("tokens.name_hint")))
                \(Form.submitButton(L("tokens.create")))
                """)
        return page(
            request, viewer: viewer, title: L("nav.api_tokens"), status: status,
            content: "\(banner)\(table.nowrap(1, 2).html)<h2>\(L("tokens.new"))</h2>\(form)")
    }

    // The token rules' words are sentences of their own; a text rule shared with other fields is about "the name".
    private static func tokenNameError(_ rule: FieldRule, _ localizer: Localizer) -> String {
        switch rule.code {
        case .tokenNameRequired, .tokenNameTooLong: localizer.text(rule)
        default: localizer.text("tokens.name_rule", ["rule": .text(localizer.text(rule))])
        }
    }

    private static func dayText(_ date: Date) -> String {
        LocalFormat.dateTime(date)
    }
}
