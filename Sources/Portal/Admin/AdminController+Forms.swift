import HTTPServer
import Localization
import RepairCore

// Turning refused edits into errors beside the fields.
extension AdminController {
    /// Field errors by field name, several rules for one field joined, for showing beside the fields.
    static func errorsByField(_ errors: [FieldError], _ localizer: Localizer) -> [String: String] {
        var result: [String: String] = [:]
        for error in errors {
            let rule = localizer.text(error.rule)
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
