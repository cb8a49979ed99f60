import HTMLKit
import HTTPServer
import RepairCore

// The pages of `/admin/accounts` and `/confirm/:token`.
extension AccountsController {
    /// What the create form holds: the last input and its errors by field.
    struct AccountFormState {
        var customerID = ""
        var email = ""
        var displayName = ""
        var role = ""
        var errors: [String: String] = [:]
    }

    /// The admin's account list with the create form.
    func accountListPage(
        _ request: HTTPRequest, viewer: Viewer, form: AccountFormState = AccountFormState(), flash: Flash? = nil,
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let rows = try accounts.customerAccounts(by: viewer.user).map { entry -> [HTML] in
            let user = entry.user
            return [
                HTML.text(user.displayName), HTML.text(user.email), HTML.text(L("role.\(user.role.rawValue)")),
                HTML.text(entry.customerName),
                "<span class=\"state state-\(user.accountState.rawValue)\">\(L("account_state.\(user.accountState.rawValue)"))</span>",
                accountActions(user, viewer: viewer),
            ]
        }
        let table = Table(
            columns: [
                L("column.name"), L("sign_in.email"), L("column.role"), L("column.customer"), L("column.state"),
                L("column.actions"),
            ], rows: rows,
            caption: L("accounts.caption"), emptyMessage: L("accounts.empty"))
        let customers = try store.customers().map {
            FormOption(value: String($0.id), label: $0.isReseller ? L("accounts.reseller_customer", ["name": .text($0.name)]) : $0.name)
        }
        let roles = [
            FormOption(value: "customer", label: L("role.customer")), FormOption(value: "reseller", label: L("role.reseller")),
        ]
        let createForm = Form.form(
            action: "/admin/accounts", csrfToken: viewer.csrfToken,
            content: """
                \(Form.select(name: "customerID", label: L("column.customer"), options: customers, selected: form.customerID, error: form.errors["customerID"], required: true, placeholder: L("form.choose")))
                \(Form.textField(name: "email", label: L("sign_in.email"), value: form.email, error: form.errors["email"], required: true, type: "email"))
                \(Form.textField(name: "displayName", label: L("column.name"), value: form.displayName, error: form.errors["displayName"], required: true))
                \(Form.select(name: "role", label: L("column.role"), options: roles, selected: form.role, error: form.errors["role"], placeholder: L("accounts.role_match"), hint: L("accounts.role_hint")))
                \(Form.submitButton(L("accounts.create")))
                """)
        return page(
            request, viewer: viewer, title: L("admin.section.accounts"), flash: flash, status: status,
            content: """
                \(table.html)
                <h2>\(L("accounts.create_heading"))</h2>
                <p>\(L("accounts.create_about"))</p>
                \(createForm)
                """)
    }

    private func accountActions(_ user: User, viewer: Viewer) -> HTML {
        var forms: [HTML] = []
        if user.accountState == .invited {
            forms.append(
                Form.form(
                    action: "/admin/accounts/\(user.id)/resend", csrfToken: viewer.csrfToken,
                    content: Form.submitButton(L("accounts.resend"))))
        }
        let toggle = user.isDisabled ? "enable" : "disable"
        forms.append(
            Form.form(
                action: "/admin/accounts/\(user.id)/\(toggle)", csrfToken: viewer.csrfToken,
                content: Form.submitButton(user.isDisabled ? L("accounts.enable") : L("accounts.disable"))))
        return HTML.joined(forms)
    }

    /// The set-password page of a valid link; with errors from a failed attempt.
    func confirmPage(
        _ request: HTTPRequest, token: String, email: String, errors: [String: String] = [:], status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let (csrf, cookie) = anonymousForms.token(for: request)
        let policy = PasswordPolicy.default
        let form = Form.form(
            action: "/confirm/\(token)", csrfToken: csrf,
            content: """
                <p>\(L("confirm.choose_for", ["email": .text(email)]))</p>
                \(Form.textField(name: PasswordPolicy.passwordField, label: L("password.new"), error: errors[PasswordPolicy.passwordField], required: true, type: "password", hint: L("password.hint", ["minimum": .number(policy.minimumLength)]), autocomplete: "new-password"))
                \(Form.textField(name: PasswordPolicy.repeatField, label: L("password.repeat"), error: errors[PasswordPolicy.repeatField], required: true, type: "password", autocomplete: "new-password"))
                \(Form.submitButton(L("confirm.button")))
                """)
        let flash = errors.isEmpty ? nil : Flash(.error, L("password.not_accepted"))
        var response = page(
            request, viewer: nil, title: L("confirm.title"), flash: flash, status: status, content: form)
        if let cookie { response.setCookie(cookie) }
        // The token is in the URL: keep it out of caches and Referer headers.
        response.headers.set("Cache-Control", "no-store")
        response.headers.set("Referrer-Policy", "no-referrer")
        return response
    }

    /// The page for a link that does not work (404 or 410).
    func deadLinkPage(_ context: RequestContext, _ error: Problem) -> HTTPResponse {
        var response = page(
            context.request, viewer: nil,
            title: error.httpStatus == .notFound ? L("link.unknown") : L("link.expired"),
            status: error.httpStatus,
            content: """
                <p class="error" data-problem="\(error.code.rawValue)">\(context.localizer.message(error))</p>\
                <p><a href="/login">\(L("layout.sign_in"))</a></p>
                """)
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
