/// The rules every store applies to a template override before keeping it.
public enum LabelTemplateOverride {
    /// The template file names an override may have (those of `LabelTemplateSet.fileNames`).
    public static let fileNames: Set<String> = [
        "packing-list.txt", "packing-list.zpl", "shipping-label.txt", "shipping-label.zpl",
    ]

    /// Throws `Problem.invalid("fileName")` unless `fileName` is one of `fileNames`.
    public static func checkFileName(_ fileName: String) throws {
        guard fileNames.contains(fileName) else {
            throw Problem.invalid("fileName", .oneOf, ["choices": .list(fileNames.sorted())])
        }
    }

    /// Throws unless `source` keeps to tab, CR and LF among the control characters.
    public static func checkSource(_ source: String) throws {
        // Templates keep tab, CR and LF (ZPL and packing lists are multi-line) and nothing else of the controls.
        try TextRules.check([(source, "source", .multiple)])
    }
}
