/// One choice in a select or radio group.
public struct FormOption: Sendable, Equatable {
    /// The value submitted.
    public var value: String
    /// The text shown.
    public var label: String

    /// A choice submitting `value`, shown as `label`.
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

extension Form {
    /// A drop-down; with `placeholder`, a first empty option so nothing is chosen by accident.
    public static func select(
        name: String, label: String, options: [FormOption], selected: String? = nil, error: String? = nil,
        required: Bool = false, placeholder: String? = "Choose…", hint: String? = nil
    ) -> HTML {
        let id = fieldID(name)
        let attributes = inputAttributes(name: name, error: error, required: required, hasHint: hint != nil)
        let first: HTML = placeholder.map { "<option value=\"\">\($0)</option>" } ?? .empty
        let items = options.map { option -> HTML in
            let mark: HTML = option.value == selected ? " selected" : .empty
            return "<option value=\"\(option.value)\"\(mark)>\(option.label)</option>"
        }
        return """
            <div class="\(error == nil ? "field" : "field has-error")">
            <label for="\(id)">\(label)\(requiredMark(required))</label>
            <select id="\(id)" name="\(name)"\(attributes)>\(first)\(items)</select>\
            \(hintHTML(name: name, hint: hint))\(errorHTML(name: name, error: error))
            </div>
            """
    }

    /// Radio buttons in a fieldset whose legend is the label.
    public static func radioGroup(
        name: String, label: String, options: [FormOption], selected: String? = nil, error: String? = nil,
        required: Bool = false, hint: String? = nil
    ) -> HTML {
        let groupAttributes = groupDescription(name: name, error: error, hasHint: hint != nil)
        let items = options.enumerated().map { index, option -> HTML in
            let id = "\(fieldID(name))-\(index)"
            let mark: HTML = option.value == selected ? " checked" : .empty
            // `required` on one radio of a group makes the whole group required.
            let requiredAttribute: HTML = required && index == 0 ? " required" : .empty
            return """
                <label class="choice" for="\(id)"><input type="radio" id="\(id)" name="\(name)" \
                value="\(option.value)"\(mark)\(requiredAttribute)> \(option.label)</label>
                """
        }
        return """
            <fieldset class="\(error == nil ? "field" : "field has-error")" id="\(fieldID(name))"\(groupAttributes)>
            <legend>\(label)\(requiredMark(required))</legend>
            \(HTML.joined(items, separator: "\n"))\(hintHTML(name: name, hint: hint))\(errorHTML(name: name, error: error))
            </fieldset>
            """
    }

    /// A yes/no question as two radio buttons submitting `yes` or `no`; nil value means unanswered.
    public static func yesNo(
        name: String, label: String, value: Bool? = nil, error: String? = nil, required: Bool = false,
        hint: String? = nil, labels: (yes: String, no: String) = ("Yes", "No")
    ) -> HTML {
        radioGroup(
            name: name, label: label,
            options: [FormOption(value: "yes", label: labels.yes), FormOption(value: "no", label: labels.no)],
            selected: value.map { $0 ? "yes" : "no" }, error: error, required: required, hint: hint)
    }

    // A fieldset is described through role=group plus aria-describedby, like a single input.
    private static func groupDescription(name: String, error: String?, hasHint: Bool) -> HTML {
        var described: [String] = []
        if hasHint { described.append(fieldID(name) + "-hint") }
        if error != nil { described.append(errorID(name)) }
        guard !described.isEmpty else { return .empty }
        let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\""
        return " role=\"group\" aria-describedby=\"\(described.joined(separator: " "))\"\(invalid)"
    }
}
