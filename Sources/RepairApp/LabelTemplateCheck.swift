import RepairCore

/// The template language's check of a label template source, passed in by the edge that knows the language
/// (the portal's `LabelTemplates`), so the use case refuses a bad template whichever adapter sends it.
public struct LabelTemplateCheck: Sendable {
    /// Throws `Problem(.invalidTemplate, field: "source")` with `detail`, `line` and `column` when `source` is not
    /// a valid template for `fileName`.
    public var check: @Sendable (_ fileName: String, _ source: String) throws -> Void

    /// A check from the given function.
    public init(_ check: @escaping @Sendable (_ fileName: String, _ source: String) throws -> Void) {
        self.check = check
    }

    /// For adapters that store no templates: every source is refused, so nothing is ever stored unchecked.
    public static let refusingAll = LabelTemplateCheck { _, _ in
        throw Problem(.invalidTemplate, field: "source", parameters: ["detail": .text("")])
    }
}
