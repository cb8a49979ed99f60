import Foundation
import HTMLKit
import HTTPServer
import RepairApp
import RepairCore
import WebSecurity

/// `/account/settings` and `/api/v1/me/settings`, `/api/v1/me/password`: a signed-in user's language, time zone,
/// list page size and password (seed 001).
struct AccountSettingsController: FeatureController, PageRendering, FormHandling {
    let settings: AccountSettings
    /// The shop's defaults, named beside the "use the default" choices.
    let shop: @Sendable () -> ShopSettings
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.signedIn) { router in
            let form = router.bodyOptions
            router.add(.get, "/account/settings") { context, viewer in
                settingsPage(context, viewer, preferences: try settings.preferences(of: viewer.user))
            }
            router.add(.post, "/account/settings", options: form) { context, viewer in
                try savePreferencesFromPage(context, viewer)
            }
            router.add(.post, "/account/password", options: form) { context, viewer in
                try changePasswordFromPage(context, viewer)
            }
            router.add(.get, "/api/v1/me/settings") { _, viewer in
                try jsonResponse(SettingsBody(try settings.preferences(of: viewer.user)))
            }
            router.add(.put, "/api/v1/me/settings", options: form) { context, viewer in
                let body = try decodeJSON(SettingsBody.self, from: context.request)
                let saved = try settings.savePreferences(
                    language: body.language ?? "", timeZone: body.timeZone ?? "",
                    pageSize: body.pageSize.map(String.init), for: viewer.user)
                return try jsonResponse(SettingsBody(saved))
            }
            router.add(.post, "/api/v1/me/password", options: form) { context, viewer in
                let body = try decodeJSON(PasswordChangeBody.self, from: context.request)
                try settings.changePassword(
                    current: body.currentPassword, new: body.newPassword, repeated: body.newPassword,
                    for: viewer.user, keepingSession: viewer.sessionTokenHash,
                    keepingToken: Self.bearerTokenHash(context.request))
                return .empty()
            }
        }
    }

    private func savePreferencesFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let fields = try postedForm(context.request, viewer: viewer)
        do {
            _ = try settings.savePreferences(
                language: fields["language"], timeZone: fields["timeZone"], pageSize: fields["pageSize"],
                for: viewer.user)
            return .redirect(to: "/account/settings?saved=preferences")
        } catch let problem as Problem where !problem.fieldErrors.isEmpty {
            let typed = UserPreferences(
                language: fields["language"], timeZone: fields["timeZone"],
                pageSize: Int(fields["pageSize"] ?? "") ?? UserPreferences.defaultPageSize)
            return settingsPage(
                context, viewer, preferences: typed,
                errors: OrderPageFormat.errorsByField(problem.fieldErrors, context.localizer),
                status: .unprocessableContent)
        }
    }

    private func changePasswordFromPage(_ context: RequestContext, _ viewer: Viewer) throws -> HTTPResponse {
        let fields = try postedForm(context.request, viewer: viewer)
        do {
            try settings.changePassword(
                current: fields["currentPassword"] ?? "", new: fields[PasswordPolicy.passwordField] ?? "",
                repeated: fields[PasswordPolicy.repeatField] ?? "", for: viewer.user,
                keepingSession: viewer.sessionTokenHash, keepingToken: nil)
            return .redirect(to: "/account/settings?saved=password")
        } catch let problem as Problem where !problem.fieldErrors.isEmpty {
            return settingsPage(
                context, viewer, preferences: try settings.preferences(of: viewer.user),
                errors: OrderPageFormat.errorsByField(problem.fieldErrors, context.localizer),
                status: .unprocessableContent)
        }
    }

    private func settingsPage(
        _ context: RequestContext, _ viewer: Viewer, preferences: UserPreferences, errors: [String: String] = [:],
        status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let shop = shop()
        let flash: Flash? =
            switch context.request.query("saved") {
            case "preferences": Flash(.notice, L("settings.saved"))
            case "password": Flash(.notice, L("settings.password_changed"))
            default: errors.isEmpty ? nil : Flash(.error, L("form.check_fields"))
            }
        let content = SettingsPage(
            preferences: preferences, shop: shop, csrfToken: viewer.csrfToken, errors: errors
        ).html
        return layout.page(context, title: L("settings.title"), flash: flash, status: status, content: content)
    }

    /// The stored hash of the request's bearer token, so a change made with it keeps it.
    static func bearerTokenHash(_ request: HTTPRequest) -> String? {
        guard let header = request.headers["Authorization"] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return SecureToken.storageHash(String(parts[1]))
    }
}

/// The settings as the API reads and writes them; a missing language or zone follows the defaults.
struct SettingsBody: Codable, Sendable {
    var language: String?
    var timeZone: String?
    var pageSize: Int?

    init(_ preferences: UserPreferences) {
        language = preferences.language
        timeZone = preferences.timeZone
        pageSize = preferences.pageSize
    }
}

/// `POST /api/v1/me/password`.
struct PasswordChangeBody: Codable, Sendable {
    var currentPassword: String
    var newPassword: String
}
