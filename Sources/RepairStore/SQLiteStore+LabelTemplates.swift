import Foundation
import RepairCore

// Admins' replacements of the `Labels/` templates. The store keeps sources only;
// callers validate them with `LabelTemplateSet.makeTemplate` before saving.
extension SQLiteStore {
    /// The template file names an override may have (those of `LabelTemplateSet.fileNames`).
    public static let labelTemplateFileNames: Set<String> = [
        "packing-list.txt", "packing-list.zpl", "shipping-label.txt", "shipping-label.zpl",
    ]

    /// Stored overrides: file name → template source.
    public func labelTemplateOverrides() throws -> [String: String] {
        try read { db in
            let pairs = try db.rows("SELECT file_name, source FROM label_templates") { ($0.text(0), $0.text(1)) }
            return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Saves (or replaces) the override of `fileName` and records an audit entry in the same transaction.
    public func saveLabelTemplate(fileName: String, source: String, byUserID: Int64?, at: Date) throws {
        try Self.checkTemplateName(fileName)
        // Templates keep tab, CR and LF (ZPL and packing lists are multi-line) and nothing else of the controls.
        try TextRules.check([(source, "source", .multiple)])
        try write { db in
            try db.run(
                """
                INSERT INTO label_templates (file_name, source, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (file_name) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """,
                [.text(fileName), .text(source), .real(at.timeIntervalSince1970), .nullable(byUserID)])
            try db.recordAudit(
                actorID: byUserID, action: "labelTemplate.save", entity: "labelTemplate", entityKey: fileName,
                details: "\(source.utf8.count) bytes", at: at)
        }
    }

    /// Deletes the override of `fileName` (the `Labels/` file applies again); records an audit entry if one existed.
    public func deleteLabelTemplateOverride(fileName: String, byUserID: Int64?, at: Date) throws {
        try Self.checkTemplateName(fileName)
        try write { db in
            try db.run("DELETE FROM label_templates WHERE file_name = ?", [.text(fileName)])
            guard db.changes == 1 else { return }
            try db.recordAudit(
                actorID: byUserID, action: "labelTemplate.reset", entity: "labelTemplate", entityKey: fileName,
                details: "", at: at)
        }
    }

    private static func checkTemplateName(_ fileName: String) throws {
        guard labelTemplateFileNames.contains(fileName) else {
            throw Problem.invalid("fileName", .oneOf, ["choices": .list(labelTemplateFileNames.sorted())])
        }
    }
}
