/// Form helpers: every field has a label, `*` on required fields, and its error beside it tied by
/// `aria-describedby`. Forms carry `novalidate` so the server's messages, not the browser's, are shown.
public enum Form {
    /// Name of the hidden input carrying the CSRF token.
    public static let csrfFieldName = "csrf_token"
    /// Default rows of a text area.
    public static let defaultTextAreaRows = 5

    /// A `<form>` posting to `action` with the CSRF token first, then `content`.
    public static func form(action: String, method: String = "post", csrfToken: String?, content: HTML) -> HTML {
        let token = csrfToken.map(csrfField) ?? .empty
        return """
            <form method="\(method)" action="\(HTML.safeURL(action))" novalidate>
            \(token)\(content)
            </form>
            """
    }

    /// The hidden CSRF input every state-changing form needs.
    public static func csrfField(_ token: String) -> HTML {
        hidden(name: csrfFieldName, value: token)
    }

    /// A hidden input.
    public static func hidden(name: String, value: String) -> HTML {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
    }

    /// A one-line input (`type` text, email, password, tel, search, date…).
    public static func textField(
        name: String, label: String, value: String? = nil, error: String? = nil, required: Bool = false,
        type: String = "text", hint: String? = nil, autocomplete: String? = nil
    ) -> HTML {
        let id = fieldID(name)
        let extra: HTML = autocomplete.map { " autocomplete=\"\($0)\"" } ?? .empty
        // Passwords are never echoed back into the page.
        let shownValue = type == "password" ? nil : value
        return field(name: name, label: label, error: error, required: required, hint: hint) { attributes in
            "<input id=\"\(id)\" name=\"\(name)\" type=\"\(type)\" value=\"\(shownValue ?? "")\"\(attributes)\(extra)>"
        }
    }

    /// A number input with optional bounds; the server still checks the value.
    public static func numberField(
        name: String, label: String, value: String? = nil, error: String? = nil, required: Bool = false,
        minimum: Int? = nil, maximum: Int? = nil, hint: String? = nil
    ) -> HTML {
        let id = fieldID(name)
        var bounds = HTML.empty
        if let minimum { bounds.append(" min=\"\(minimum)\"") }
        if let maximum { bounds.append(" max=\"\(maximum)\"") }
        return field(name: name, label: label, error: error, required: required, hint: hint) { attributes in
            """
            <input id="\(id)" name="\(name)" type="number" inputmode="numeric" value="\(value ?? "")"\(bounds)\(attributes)>
            """
        }
    }

    /// A multi-line text input.
    public static func textArea(
        name: String, label: String, value: String? = nil, error: String? = nil, required: Bool = false,
        rows: Int = defaultTextAreaRows, hint: String? = nil
    ) -> HTML {
        let id = fieldID(name)
        return field(name: name, label: label, error: error, required: required, hint: hint) { attributes in
            // No newline after the start tag: the parser would drop one leading newline of the value.
            "<textarea id=\"\(id)\" name=\"\(name)\" rows=\"\(rows)\"\(attributes)>\(value ?? "")</textarea>"
        }
    }

    /// The main button of a form.
    public static func submitButton(_ title: String, name: String? = nil, value: String? = nil) -> HTML {
        let nameAttribute: HTML = name.map { " name=\"\($0)\"" } ?? .empty
        let valueAttribute: HTML = value.map { " value=\"\($0)\"" } ?? .empty
        return "<button type=\"submit\"\(nameAttribute)\(valueAttribute)>\(title)</button>"
    }

    /// The `id` of the input named `name`: letters and digits kept, everything else `-`.
    public static func fieldID(_ name: String) -> String {
        "field-" + String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    /// The `id` of the error message of the input named `name`.
    public static func errorID(_ name: String) -> String {
        fieldID(name) + "-error"
    }

    // The wrapper shared by single-input fields: label with `*`, the input, hint and error.
    private static func field(
        name: String, label: String, error: String?, required: Bool, hint: String?,
        input: (HTML) -> HTML
    ) -> HTML {
        let id = fieldID(name)
        let attributes = inputAttributes(name: name, error: error, required: required, hasHint: hint != nil)
        return """
            <div class="\(error == nil ? "field" : "field has-error")">
            <label for="\(id)">\(label)\(requiredMark(required))</label>
            \(input(attributes))\(hintHTML(name: name, hint: hint))\(errorHTML(name: name, error: error))
            </div>
            """
    }

    public static func inputAttributes(name: String, error: String?, required: Bool, hasHint: Bool) -> HTML {
        var described: [String] = []
        if hasHint { described.append(fieldID(name) + "-hint") }
        if error != nil { described.append(errorID(name)) }
        var attributes = HTML.empty
        if required { attributes.append(" required aria-required=\"true\"") }
        if error != nil { attributes.append(" aria-invalid=\"true\"") }
        if !described.isEmpty { attributes.append(" aria-describedby=\"\(described.joined(separator: " "))\"") }
        return attributes
    }

    public static func requiredMark(_ required: Bool) -> HTML {
        required ? "<span class=\"required\" aria-hidden=\"true\"> *</span>" : .empty
    }

    public static func hintHTML(name: String, hint: String?) -> HTML {
        guard let hint else { return .empty }
        return "<p class=\"hint\" id=\"\(fieldID(name))-hint\">\(hint)</p>"
    }

    public static func errorHTML(name: String, error: String?) -> HTML {
        guard let error else { return .empty }
        return "<p class=\"error\" id=\"\(errorID(name))\">\(error)</p>"
    }
}
