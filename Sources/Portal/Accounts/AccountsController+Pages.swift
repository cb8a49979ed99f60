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
                HTML.text(user.displayName), HTML.text(user.email), HTML.text(user.role.rawValue),
                HTML.text(entry.customerName),
                "<span class=\"state state-\(user.accountState.rawValue)\">\(user.accountState.label)</span>",
                accountActions(user, viewer: viewer),
            ]
        }
        let table = Table(
            columns: ["Name", "E-mail", "Role", "Customer", "State", "Actions"], rows: rows,
            caption: "Customer and reseller accounts", emptyMessage: "No customer accounts yet.")
        let customers = try store.customers().map {
            FormOption(value: String($0.id), label: $0.name + ($0.isReseller ? " (reseller)" : ""))
        }
        let roles = [
            FormOption(value: "customer", label: "Customer"), FormOption(value: "reseller", label: "Reseller"),
        ]
        let createForm = Form.form(
            action: "/admin/accounts", csrfToken: viewer.csrfToken,
            content: """
                \(Form.select(name: "customerID", label: "Customer", options: customers, selected: form.customerID, error: form.errors["customerID"], required: true))
                \(Form.textField(name: "email", label: "E-mail", value: form.email, error: form.errors["email"], required: true, type: "email"))
                \(Form.textField(name: "displayName", label: "Name", value: form.displayName, error: form.errors["displayName"], required: true))
                \(Form.select(name: "role", label: "Role", options: roles, selected: form.role, error: form.errors["role"], placeholder: "Match the customer", hint: "A reseller customer's accounts are resellers; others are customers."))
                \(Form.submitButton("Create account and send the confirmation e-mail"))
                """)
        return page(
            request, viewer: viewer, title: "User accounts", flash: flash, status: status,
            content: """
                \(table.html)
                <h2>Create a user account for a customer</h2>
                <p>The person gets an e-mail with a link to confirm the address and choose a password. The link works once, for 48 hours.</p>
                \(createForm)
                """)
    }

    private func accountActions(_ user: User, viewer: Viewer) -> HTML {
        var forms: [HTML] = []
        if user.accountState == .invited {
            forms.append(
                Form.form(
                    action: "/admin/accounts/\(user.id)/resend", csrfToken: viewer.csrfToken,
                    content: Form.submitButton("Resend link")))
        }
        let toggle = user.isDisabled ? "enable" : "disable"
        forms.append(
            Form.form(
                action: "/admin/accounts/\(user.id)/\(toggle)", csrfToken: viewer.csrfToken,
                content: Form.submitButton(user.isDisabled ? "Enable" : "Disable")))
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
                <p>Choose a password for <strong>\(email)</strong>.</p>
                \(Form.textField(name: PasswordPolicy.passwordField, label: "New password", error: errors[PasswordPolicy.passwordField], required: true, type: "password", hint: "At least \(policy.minimumLength) characters; a few words make a good password.", autocomplete: "new-password"))
                \(Form.textField(name: PasswordPolicy.repeatField, label: "The same password again", error: errors[PasswordPolicy.repeatField], required: true, type: "password", autocomplete: "new-password"))
                \(Form.submitButton("Confirm my account"))
                """)
        let flash = errors.isEmpty ? nil : Flash(.error, "The password was not accepted; see below.")
        var response = page(
            request, viewer: nil, title: "Confirm your account", flash: flash, status: status, content: form)
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
            title: error.httpStatus == .notFound ? "Unknown link" : "Link no longer valid",
            status: error.httpStatus,
            content: """
                <p class="error" data-problem="\(error.code.rawValue)">\(context.localizer.message(error))</p>\
                <p><a href="/login">Sign in</a></p>
                """)
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
