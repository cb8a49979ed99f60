import HTMLKit
import HTTPServer
import RepairApp
import RepairCore
import WebSecurity

/// `/password/forgot` and `/password/reset/:token`: a reset link by e-mail, then a new password.
///
/// The forgot form answers the same page whether or not the address has an account; requests are limited per
/// typed address here (a visible 429, the same for every address) and per account in the use case (silently).
struct PasswordResetController: FeatureController, PageRendering {
    let passwordResets: PasswordResets
    let anonymousForms: AnonymousForms
    /// Reset requests per e-mail address as typed (folded).
    let perAddress: RateLimiter
    let isRateLimited: Bool
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.anyone) { router in
            let form = router.bodyOptions
            router.add(.get, "/password/forgot") { context in forgotPage(context.request, status: .ok) }
            router.add(.post, "/password/forgot", options: form) { context in try requestLink(context) }
            router.add(.get, "/password/reset/:token") { context in
                let token = context.request.pathParameters["token"] ?? ""
                try passwordResets.checkLink(token: token)
                return resetPage(context.request, token: token)
            }
            router.add(.post, "/password/reset/:token", options: form) { context in try reset(context) }
        }
    }

    private func requestLink(_ context: RequestContext) throws -> HTTPResponse {
        let request = context.request
        let fields = try request.formDictionary()
        try anonymousForms.verify(request, fields: fields)
        let email = EmailAddress.lookUpKey(fields["email"] ?? "")
        if let problem = TextRules.violation(of: email, field: "email", lines: .single) {
            throw Problem.validation([problem])
        }
        guard !email.isEmpty else { throw Problem.invalid("email", .emailRequired) }
        if isRateLimited, case .limited(let wait) = perAddress.acquire(email) {
            throw Problem.tooManyRequests(retryAfter: wait)
        }
        try passwordResets.request(email: email)
        return page(
            request, viewer: nil, title: L("reset.sent_title"),
            content: "<p class=\"sent\">\(L("reset.sent", ["email": .text(email)]))</p>")
    }

    private func reset(_ context: RequestContext) throws -> HTTPResponse {
        let request = context.request
        let token = request.pathParameters["token"] ?? ""
        let fields = try request.formDictionary()
        try anonymousForms.verify(request, fields: fields)
        do {
            _ = try passwordResets.reset(
                token: token, password: fields[PasswordPolicy.passwordField] ?? "",
                repeated: fields[PasswordPolicy.repeatField] ?? "")
        } catch let problem as Problem where problem.code == .invalidField {
            return resetPage(
                request, token: token, errors: OrderPageFormat.errorsByField(problem.fieldErrors, context.localizer),
                status: .unprocessableContent)
        }
        return page(
            request, viewer: nil, title: L("reset.done_title"),
            content: "<p>\(L("reset.done"))</p><p><a class=\"button\" href=\"/login\">\(L("layout.sign_in"))</a></p>")
    }

    private func forgotPage(_ request: HTTPRequest, status: HTTPStatus) -> HTTPResponse {
        let (token, cookie) = anonymousForms.token(for: request)
        let form = Form.form(
            action: "/password/forgot", csrfToken: token,
            content: """
                <p>\(L("reset.about"))</p>
                \(Form.textField(name: "email", label: L("sign_in.email"), required: true, type: "email", autocomplete: "username"))
                \(Form.submitButton(L("reset.send")))
                """)
        var response = page(request, viewer: nil, title: L("reset.forgot_title"), status: status, content: form)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func resetPage(
        _ request: HTTPRequest, token: String, errors: [String: String] = [:], status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let (csrf, cookie) = anonymousForms.token(for: request)
        let form = Form.form(
            action: "/password/reset/\(token)", csrfToken: csrf,
            content: """
                \(Form.textField(name: PasswordPolicy.passwordField, label: L("password.new"), error: errors[PasswordPolicy.passwordField], required: true, type: "password", hint: L("password.hint", ["minimum": .number(PasswordPolicy.default.minimumLength)]), autocomplete: "new-password"))
                \(Form.textField(name: PasswordPolicy.repeatField, label: L("password.repeat"), error: errors[PasswordPolicy.repeatField], required: true, type: "password", autocomplete: "new-password"))
                \(Form.submitButton(L("reset.set")))
                """)
        let flash = errors.isEmpty ? nil : Flash(.error, L("password.not_accepted"))
        var response = page(request, viewer: nil, title: L("reset.title"), flash: flash, status: status, content: form)
        if let cookie { response.setCookie(cookie) }
        // The token is in the URL: keep it out of caches and Referer headers.
        response.headers.set("Cache-Control", "no-store")
        response.headers.set("Referrer-Policy", "no-referrer")
        return response
    }
}
