import Foundation
import HTMLKit
import HTTPServer
import RepairCore
import WebSecurity

/// Sign-in (`/login`), sign-out (`/logout`) and who is signed in (`/api/v1/me`).
struct AuthController: FeatureController, PageRendering {
    /// Read for the account an e-mail names.
    let users: any RepairRepository
    /// Verifies the password (and costs one hash for an unknown e-mail).
    let passwords: PasswordHasher
    /// Counts failed sign-ins by account and address; one per portal, shared by its requests.
    let loginThrottle: LoginThrottle
    /// Whether `loginThrottle` is applied.
    let isRateLimited: Bool
    /// Opens and closes browser sessions.
    let sessions: SessionStore
    /// The session cookie's name, lifetime and `Secure` flag.
    let sessionCookie: SessionCookie
    /// The CSRF tokens of the sign-in form, whose visitor has no session.
    let anonymousForms: AnonymousForms
    /// The time a session starts.
    let now: @Sendable () -> Date
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.anyone) { router in registerSessionRoutes(&router) }
        // Signing in reads no session, so a stale token in the request does not stand in the way.
        routes.group(.visitor) { router in
            router.add(.post, "/login", options: router.bodyOptions) { context in try signIn(context) }
        }
        routes.group(.signedIn) { router in
            router.add(.get, "/api/v1/me") { _, viewer in try jsonResponse(MeBody(viewer.user)) }
        }
    }

    /// The sign-in form (a signed-in viewer goes to the start page) and signing out.
    private func registerSessionRoutes(_ router: inout RouteGroup) {
        router.add(.get, "/login") { context in
            let request = context.request
            if context.viewer != nil { return .redirect(to: "/") }
            return signInPage(request, email: "", next: request.query("next") ?? "", error: nil, status: .ok)
        }
        router.add(.post, "/logout", options: router.bodyOptions) { context in
            let request = context.request
            let fields = try request.formDictionary()
            if let viewer = context.viewer, let hash = viewer.sessionTokenHash {
                try viewer.verifyCSRF(fields)
                try sessions.delete(tokenHash: hash)
            }
            var response = HTTPResponse.redirect(to: "/")
            response.headers.add("Set-Cookie", sessionCookie.expiredSetCookieValue())
            return response
        }
    }

    /// `GET /api/v1/me`: who the token or session belongs to.
    struct MeBody: Encodable {
        var id: Int64
        var email: String
        var displayName: String
        var role: String
        var customerID: Int64?

        init(_ user: User) {
            id = user.id
            email = user.email
            displayName = user.displayName
            role = user.role.rawValue
            customerID = user.customerID
        }
    }

    private func signIn(_ context: RequestContext) throws -> HTTPResponse {
        let request = context.request
        let fields = try request.formDictionary()
        try anonymousForms.verify(request, fields: fields)
        let email = EmailAddress.lookUpKey(fields["email"] ?? "")
        let password = fields["password"] ?? ""
        let next = fields["next"] ?? ""
        guard !email.isEmpty, !password.isEmpty else {
            return signInPage(
                request, email: email, next: next, error: L("sign_in.enter_both"),
                status: .unprocessableContent)
        }
        // Refused before the throttle and the look-up: a NUL once made a new throttle key for the same account.
        if let problem = TextRules.violation(of: email, field: "email", lines: .single)
            ?? TextRules.violation(of: password, field: "password", lines: .single)
        {
            let label = problem.field == "email" ? L("sign_in.email") : L("sign_in.password")
            return signInPage(
                request, email: "", next: next, error: "\(label): \(context.localizer.text(problem.rule)).",
                status: .unprocessableContent)
        }
        // The failure is counted before the password is verified (and refunded when it is right), so
        // concurrent guesses cannot all pass a check before any of them is counted.
        if isRateLimited,
            case .limited(let wait) = loginThrottle.acquire(account: email, address: request.remoteAddress)
        {
            throw Problem.tooManyRequests(retryAfter: wait)
        }
        let user = try users.user(email: email)
        // An unknown e-mail still costs one hash, so timing does not tell which accounts exist.
        let isPasswordRight = passwords.verify(password, against: user?.passwordHash ?? PasswordHasher.decoyHash)
        guard let user, isPasswordRight else {
            return signInPage(
                request, email: email, next: next, error: L("sign_in.wrong"), status: .unauthorized)
        }
        if isRateLimited { loginThrottle.recordSuccess(account: email, address: request.remoteAddress) }
        guard user.isConfirmed else {
            return signInPage(
                request, email: email, next: next, error: L("sign_in.not_confirmed"),
                status: .forbidden)
        }
        guard !user.isDisabled else {
            return signInPage(request, email: email, next: next, error: L("sign_in.disabled"), status: .forbidden)
        }
        let token = try sessions.create(userID: user.id, at: now())
        let target = Portal.isLocalPath(next) ? next : "/"
        var response = HTTPResponse.redirect(to: target)
        response.headers.add("Set-Cookie", sessionCookie.setCookieValue(token: token))
        return response
    }

    private func signInPage(_ request: HTTPRequest, email: String, next: String, error: String?, status: HTTPStatus)
        -> HTTPResponse
    {
        let (token, cookie) = anonymousForms.token(for: request)
        let form = Form.form(
            action: "/login", csrfToken: token,
            content: """
                \(Form.hidden(name: "next", value: next))
                \(Form.textField(name: "email", label: L("sign_in.email"), value: email, required: true, type: "email", autocomplete: "username"))
                \(Form.textField(name: "password", label: L("sign_in.password"), value: "", required: true, type: "password", autocomplete: "current-password"))
                \(Form.submitButton(L("layout.sign_in")))
                <p><a href="/password/forgot">\(L("sign_in.forgot"))</a></p>
                """)
        let flash = error.map { Flash(.error, $0) }
        var response = page(request, viewer: nil, title: L("layout.sign_in"), flash: flash, status: status, content: form)
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
