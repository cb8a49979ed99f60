import Foundation
import HTMLKit
import RepairCore

/// View pieces the admin pages share: checkboxes, the section index, notices.
enum AdminViews {
    /// One checkbox submitting `value` under `name` when ticked.
    static func checkbox(name: String, label: String, isChecked: Bool, value: String = "yes", error: String? = nil)
        -> HTML
    {
        let id = Form.fieldID(name)
        let mark: HTML = isChecked ? " checked" : .empty
        let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(Form.errorID(name))\""
        return """
            <div class="\(error == nil ? "field" : "field has-error")">
            <label class="choice" for="\(id)"><input type="checkbox" id="\(id)" name="\(name)" value="\(value)"\(mark)\(invalid)> \(label)</label>\
            \(Form.errorHTML(name: name, error: error))
            </div>
            """
    }

    /// A fieldset of checkboxes, one per option, all submitted under `name`.
    static func checkboxGroup(
        name: String, label: String, options: [FormOption], checked: Set<String>, error: String? = nil,
        hint: String? = nil
    ) -> HTML {
        let items = options.enumerated().map { index, option -> HTML in
            let id = "\(Form.fieldID(name))-\(index)"
            let mark: HTML = checked.contains(option.value) ? " checked" : .empty
            return """
                <label class="choice" for="\(id)"><input type="checkbox" id="\(id)" name="\(name)" \
                value="\(option.value)"\(mark)> \(option.label)</label>
                """
        }
        let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\""
        return """
            <fieldset class="\(error == nil ? "field" : "field has-error")" id="\(Form.fieldID(name))"\(invalid)>
            <legend>\(label)</legend>
            \(HTML.joined(items, separator: "\n"))\(Form.hintHTML(name: name, hint: hint))\(Form.errorHTML(name: name, error: error))
            </fieldset>
            """
    }

    /// A link styled as an action.
    static func link(_ title: String, to path: String) -> HTML {
        "<a href=\"\(HTML.safeURL(path))\">\(title)</a>"
    }

    /// "Back to admin" and the section's list.
    static func breadcrumbs(_ section: String, path: String) -> HTML {
        "<p class=\"breadcrumbs\"><a href=\"/admin\">\(L("nav.admin"))</a> › <a href=\"\(HTML.safeURL(path))\">\(section)</a></p>"
    }

    /// The flash shown after a redirect with `?saved=1` or `?removed=1`.
    static func flash(for query: (String) -> String?) -> Flash? {
        if query("saved") != nil { return Flash(.notice, L("admin.saved")) }
        if query("removed") != nil { return Flash(.notice, L("admin.removed")) }
        return nil
    }

    /// Multi-line text on one table line.
    static func oneLine(_ text: String) -> String {
        text.split(separator: "\n").joined(separator: ", ")
    }

    /// A time for the audit list, in the admin's zone and language.
    static func timestamp(_ date: Date) -> String { LocalFormat.dateTime(date) }
}
