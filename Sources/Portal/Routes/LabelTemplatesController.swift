import Foundation
import HTMLKit
import HTTPServer
import LabelTemplates
import Localization
import RepairApp
import RepairCore

/// Label templates for admins (`/admin/templates`, `/api/v1/admin/templates`): the four files of Labels/, each
/// replaceable by a validated override kept in the store.
struct LabelTemplatesController: FeatureController, PageRendering {
    /// Save and reset the overrides, with their check and audit.
    let templates: TemplateOverrides
    /// The folder of the `Labels/` files a template falls back to.
    let labelsDirectory: String
    /// The shop's default language, whose templates (`Labels/<language>/`) the shipments use.
    let shopLanguage: @Sendable () -> String
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.allowed(.administer)) { router in registerRoutes(&router) }
    }

    private func registerRoutes(_ router: inout RouteGroup) {
        // Templates are a few KiB; allow far more than any real one, far less than an upload.
        let body = RouteOptions(maxBodyBytes: Self.maxTemplateBodyBytes)
        router.add(.get, "/admin/templates") { context, viewer in
            try templatePage(context.request, viewer: viewer, edited: nil, status: .ok)
        }
        router.add(.post, "/admin/templates/:name", options: body) { context, viewer in
            let request = context.request
            let form = try AdminForm(posted: request, viewer: viewer)
            let name = try Self.templateName(request)
            do {
                try templates.save(fileName: name, source: form["source"], by: viewer.user)
            } catch let error as Problem where error.code == .invalidTemplate || !error.fieldErrors.isEmpty {
                let edited = EditedTemplate(
                    name: name, source: form["source"], error: Self.templateError(error, context.localizer))
                return try templatePage(request, viewer: viewer, edited: edited, status: .unprocessableContent)
            }
            return .redirect(to: "/admin/templates?saved=1")
        }
        router.add(.post, "/admin/templates/:name/reset", options: body) { context, viewer in
            let request = context.request
            _ = try AdminForm(posted: request, viewer: viewer)
            try templates.reset(fileName: try Self.templateName(request), by: viewer.user)
            return .redirect(to: "/admin/templates?removed=1")
        }

        router.add(.get, "/api/v1/admin/templates") { _, _ in
            return try jsonResponse(["templates": try templateStates()])
        }
        router.add(.put, "/api/v1/admin/templates/:name", options: body) { context, viewer in
            let request = context.request
            let name = try Self.templateName(request)
            let source = try decodeJSON(TemplateBody.self, from: request).source
            try templates.save(fileName: name, source: source, by: viewer.user)
            return try jsonResponse(try templateStates().first { $0.fileName == name })
        }
        router.add(.delete, "/api/v1/admin/templates/:name") { context, viewer in
            let request = context.request
            try templates.reset(fileName: try Self.templateName(request), by: viewer.user)
            return .empty()
        }
    }

    /// Largest template body accepted (default 256 KiB).
    static let maxTemplateBodyBytes = 256 * 1024

    /// One template as the admin sees it: where it comes from and its text.
    struct TemplateState: Encodable {
        var fileName: String
        /// Whether a stored override replaces the `Labels/` file.
        var isOverridden: Bool
        var source: String
    }

    struct TemplateBody: Decodable {
        var source: String
    }

    /// A template the admin tried to save, shown again with its error.
    struct EditedTemplate {
        var name: String
        var source: String
        var error: String
    }

    // The template language names the file, line and column itself; a text rule is about "the template".
    private static func templateError(_ error: Problem, _ localizer: Localizer) -> String {
        if error.code == .invalidTemplate, case .text(let detail)? = error.parameters["detail"] { return detail }
        let rule = error.fieldErrors.first.map { localizer.text($0.rule) } ?? localizer.message(error)
        return localizer.text("templates.rule", ["rule": .text(rule)])
    }

    private func templateStates() throws -> [TemplateState] {
        let overrides = try templates.overrides()
        let folder = LabelFolder(path: labelsDirectory)
        return LabelTemplateSet.fileNames.map { name in
            TemplateState(
                fileName: name, isOverridden: overrides[name] != nil,
                source: overrides[name] ?? folder.source(name, language: shopLanguage()) ?? "")
        }
    }

    private func templatePage(
        _ request: HTTPRequest, viewer: Viewer, edited: EditedTemplate?, status: HTTPStatus
    ) throws -> HTTPResponse {
        let sections = try templateStates().map { state -> HTML in
            let isEdited = edited?.name == state.fileName
            let origin = state.isOverridden ? L("templates.origin.override") : L("templates.origin.file")
            let reset: HTML =
                state.isOverridden
                ? Form.form(
                    action: "/admin/templates/\(state.fileName)/reset", csrfToken: viewer.csrfToken,
                    content: Form.submitButton(L("templates.reset")))
                : .empty
            let save = Form.form(
                action: "/admin/templates/\(state.fileName)", csrfToken: viewer.csrfToken,
                content: """
                    \(Form.textArea(name: "source", label: L("templates.text"), value: isEdited ? edited?.source : state.source, error: isEdited ? edited?.error : nil, required: true, rows: 16))
                    \(Form.submitButton(L("templates.save", ["name": .text(state.fileName)])))
                    """)
            return "<section><h2>\(state.fileName)</h2><p>\(L("templates.in_use", ["origin": .text(origin)]))</p>\(save)\(reset)</section>"
        }
        let flash = edited == nil ? AdminViews.flash(for: request.query) : Flash(.error, L("templates.not_saved"))
        return page(
            request, viewer: viewer, title: L("admin.section.templates"), flash: flash, status: status,
            content: """
                \(AdminViews.breadcrumbs(L("admin.section.templates"), path: "/admin/templates"))
                <p>\(L("templates.about"))</p>
                \(sections)
                """)
    }

    private static func templateName(_ request: HTTPRequest) throws -> String {
        let name = request.pathParameters["name"] ?? ""
        guard LabelTemplateSet.fileNames.contains(name) else {
            throw Problem.notFound("template", ["name": .text(name)])
        }
        return name
    }
}
