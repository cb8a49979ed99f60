import HTTPServer
import Localization
import RepairCore

// Reading admin forms and turning refused edits into errors beside the fields.
extension Portal {
    /// The admin's posted form with its CSRF token checked.
    func postedAdminForm(_ request: HTTPRequest, viewer: Viewer) throws -> AdminForm {
        let pairs = try request.formFields()
        var first: [String: String] = [:]
        for (name, value) in pairs where first[name] == nil { first[name] = value }
        try viewer.verifyCSRF(first)
        return AdminForm(pairs: pairs)
    }

    /// Field errors by field name, several rules for one field joined, for showing beside the fields.
    static func errorsByField(_ errors: [FieldError]) -> [String: String] {
        var result: [String: String] = [:]
        for error in errors {
            let rule = Localizer.english.text(error.rule)
            result[error.field] = result[error.field].map { $0 + "; " + rule } ?? rule
        }
        return result
    }

    /// Saves a page's edit, or the field errors to show beside the fields and the status to answer with.
    ///
    /// `save` calls one use case, which also reports the fields the form could not read (its `inputErrors:`).
    static func attempt<T>(_ save: () throws -> T) throws -> AdminOutcome<T> {
        do {
            return .saved(try save())
        } catch let error as Problem where !error.fieldErrors.isEmpty {
            return .refused(error.fieldErrors, error.httpStatus)
        }
    }
}
