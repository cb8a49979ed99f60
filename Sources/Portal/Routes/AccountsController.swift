import HTMLKit
import HTTPServer
import RepairApp
import RepairCore

/// Customer accounts: `/admin/accounts` and its JSON twin (admins create, resend, disable, enable; the policy's
/// `administer`), and `/confirm/:token` (anyone with the link).
struct AccountsController: FeatureController, PageRendering {
    /// Create, invite, confirm and disable accounts, with the account rules.
    let accounts: Accounts
    /// Read for the customers the create form offers.
    let store: any RepairRepository
    /// The CSRF tokens of the confirmation form, whose visitor has no session.
    let anonymousForms: AnonymousForms
    let layout: PageLayout

    func register(in routes: inout PortalRoutes) {
        routes.group(.allowed(.administer)) { router in
            registerAccountPageRoutes(&router)
            registerAccountAPIRoutes(&router)
        }
        routes.group(.visitor) { router in registerConfirmationRoutes(&router) }
    }

    private func registerAccountPageRoutes(_ router: inout RouteGroup) {
        let form = router.bodyOptions
        router.add(.get, "/admin/accounts") { context, viewer in
            let request = context.request
            return try accountListPage(request, viewer: viewer, flash: Self.accountFlash(request.query("done")))
        }
        router.add(.post, "/admin/accounts", options: form) { context, viewer in
            let request = context.request
            let fields = try postedForm(request, viewer: viewer)
            var state = AccountFormState(
                customerID: fields["customerID"] ?? "", email: fields["email"] ?? "",
                displayName: fields["displayName"] ?? "", role: fields["role"] ?? "")
            do {
                _ = try accounts.create(
                    AccountRequest(
                        customerIDText: state.customerID, email: state.email, displayName: state.displayName,
                        roleText: state.role),
                    by: viewer.user)
            } catch let error as Problem where !error.fieldErrors.isEmpty {
                state.errors = Dictionary(
                    error.fieldErrors.map { ($0.field, context.localizer.text($0.rule)) },
                    uniquingKeysWith: { first, _ in first })
                return try accountListPage(
                    request, viewer: viewer, form: state,
                    flash: Flash(.error, L("accounts.not_created")),
                    status: error.httpStatus)
            }
            return .redirect(to: "/admin/accounts?done=created")
        }
        for action in ["resend", "disable", "enable"] {
            router.add(.post, "/admin/accounts/:id/\(action)", options: form) { context, viewer in
                let request = context.request
                _ = try postedForm(request, viewer: viewer)
                _ = try accountAction(action, userID: try request.rowID(.user), by: viewer.user)
                return .redirect(to: "/admin/accounts?done=\(action)")
            }
        }
    }

    /// The same actions as JSON under `/api/v1/admin/accounts`.
    private func registerAccountAPIRoutes(_ router: inout RouteGroup) {
        let json = router.bodyOptions
        router.add(.get, "/api/v1/admin/accounts") { _, viewer in
            return try jsonResponse(try accounts.customerAccounts(by: viewer.user).map { AccountBody($0.user) })
        }
        router.add(.post, "/api/v1/admin/accounts", options: json) { context, viewer in
            let request = context.request
            let body = try decodeJSON(NewAccountBody.self, from: request)
            let user = try accounts.create(
                AccountRequest(
                    customerID: body.customerID, email: body.email, displayName: body.displayName,
                    role: try AccountRequest.role(from: body.role ?? "")),
                by: viewer.user)
            return try jsonResponse(AccountBody(user), status: .created)
        }
        for action in ["resend", "disable", "enable"] {
            router.add(.post, "/api/v1/admin/accounts/:id/\(action)", options: json) { context, viewer in
                let request = context.request
                return try jsonResponse(
                    AccountBody(try accountAction(action, userID: try request.rowID(.user), by: viewer.user)))
            }
        }
    }

    /// `/confirm/:token` and `/api/v1/confirm/:token`: anyone with the link.
    private func registerConfirmationRoutes(_ router: inout RouteGroup) {
        let form = router.bodyOptions
        router.add(.get, "/confirm/:token") { context in
            let request = context.request
            let token = request.pathParameters["token"] ?? ""
            do {
                return confirmPage(request, token: token, email: try accounts.invitee(token: token).email)
            } catch let error as Problem where ProblemCode.accounts.contains(error.code) {
                return deadLinkPage(context, error)
            }
        }
        router.add(.post, "/confirm/:token", options: form) { context in
            let request = context.request
            let token = request.pathParameters["token"] ?? ""
            let fields = try request.formDictionary()
            try anonymousForms.verify(request, fields: fields)
            do {
                let user = try accounts.confirm(
                    token: token, password: fields[PasswordPolicy.passwordField] ?? "",
                    repeated: fields[PasswordPolicy.repeatField] ?? "")
                return page(
                    request, viewer: nil, title: L("confirm.done_title"),
                    content:
                        "<p>\(L("confirm.done", ["name": .text(user.displayName)]))</p><p><a class=\"button\" href=\"/login\">\(L("layout.sign_in"))</a></p>"
                )
            } catch let error as Problem where ProblemCode.accounts.contains(error.code) {
                return deadLinkPage(context, error)
            } catch let error as Problem where !error.fieldErrors.isEmpty {
                let user: User
                do { user = try accounts.invitee(token: token) } catch let dead as Problem
                    where ProblemCode.accounts.contains(dead.code)
                {
                    return deadLinkPage(context, dead)
                }
                let errors = Dictionary(
                    error.fieldErrors.map { ($0.field, context.localizer.text($0.rule)) },
                    uniquingKeysWith: { first, _ in first })
                return confirmPage(
                    request, token: token, email: user.email, errors: errors, status: .unprocessableContent)
            }
        }
        router.add(.post, "/api/v1/confirm/:token", options: form) { context in
            let request = context.request
            let body = try decodeJSON(ConfirmBody.self, from: request)
            do {
                let user = try accounts.confirm(
                    token: request.pathParameters["token"] ?? "", password: body.password, repeated: body.passwordRepeat
                )
                return try jsonResponse(AccountBody(user))
            } catch let problem as Problem where problem.code == .invalidField {
                // The policy names the form's field; the JSON body calls it `passwordRepeat`.
                throw Problem.validation(
                    problem.fieldErrors.map { error in
                        var error = error
                        if error.field == PasswordPolicy.repeatField { error.field = "passwordRepeat" }
                        return error
                    })
            }
        }
    }

    private func accountAction(_ action: String, userID: Int64, by admin: User) throws -> User {
        switch action {
        case "resend": return try accounts.resendConfirmation(userID: userID, by: admin)
        case "disable": return try accounts.setDisabled(userID: userID, true, by: admin)
        default: return try accounts.setDisabled(userID: userID, false, by: admin)
        }
    }

    private static func accountFlash(_ done: String?) -> Flash? {
        switch done {
        case "created": Flash(.notice, L("accounts.flash.created"))
        case "resend": Flash(.notice, L("accounts.flash.resend"))
        case "disable": Flash(.notice, L("accounts.flash.disable"))
        case "enable": Flash(.notice, L("accounts.flash.enable"))
        default: nil
        }
    }
}
