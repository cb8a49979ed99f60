import HTTPServer
import RepairCore

/// A posted admin form: every name=value pair in order, since checkbox groups repeat a name.
struct AdminForm {
    var pairs: [(name: String, value: String)]

    /// The form an admin posted in `request`, with its CSRF token checked for `viewer`.
    init(posted request: HTTPRequest, viewer: Viewer) throws {
        let pairs = try request.formFields()
        var first: [String: String] = [:]
        for (name, value) in pairs where first[name] == nil { first[name] = value }
        try viewer.verifyCSRF(first)
        self.pairs = pairs
    }

    /// The first value of `name`, or the empty string.
    subscript(_ name: String) -> String {
        pairs.first { $0.name == name }?.value ?? ""
    }

    /// Every value of `name`, in order (a checkbox group).
    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// Whether the checkbox `name` was ticked (browsers send a ticked box only).
    func isChecked(_ name: String) -> Bool {
        values(name).contains { !$0.isEmpty && $0 != "no" && $0 != "false" }
    }

    /// The IDs ticked in the group `name`; anything but a positive whole number is a field error.
    func ids(_ name: String, errors: inout [FieldError]) -> [Int64] {
        var result: [Int64] = []
        for value in values(name) {
            guard let id = Int64(value), id > 0 else {
                errors.append(FieldError(field: name, rule: FieldRule(.notAnID, ["value": .text(value)])))
                continue
            }
            result.append(id)
        }
        return result
    }
}
