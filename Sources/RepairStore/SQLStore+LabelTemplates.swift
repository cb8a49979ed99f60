import Foundation
import RepairCore

// Admins' replacements of the `Labels/` templates. The store keeps sources only;
// callers validate them with `LabelTemplateSet.makeTemplate` before saving.
extension SQLStore {
    /// Stored overrides: file name → template source.
    public func labelTemplateOverrides() throws -> [String: String] {
        try read { db in
            let pairs = try db.rows("SELECT \(Rows.labelTemplateColumns) FROM label_templates") {
                ($0.text("file_name"), $0.text("source"))
            }
            return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Saves (or replaces) the override of `fileName` and records an audit entry in the same transaction.
    public func saveLabelTemplate(fileName: String, source: String, byUserID: Int64?, at: Date) throws {
        try LabelTemplateOverride.checkFileName(fileName)
        try LabelTemplateOverride.checkSource(source)
        try write { db in
            try db.run(
                Rows.insertSQL("label_templates", Rows.labelTemplateColumns) + """
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
        try LabelTemplateOverride.checkFileName(fileName)
        try write { db in
            try db.run("DELETE FROM label_templates WHERE file_name = ?", [.text(fileName)])
            guard db.changes == 1 else { return }
            try db.recordAudit(
                actorID: byUserID, action: "labelTemplate.reset", entity: "labelTemplate", entityKey: fileName,
                details: "", at: at)
        }
    }
}
