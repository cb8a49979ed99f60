import Foundation

/// Admins' replacements of the `Labels/` templates; the store keeps sources only.
///
/// Callers validate a source with `LabelTemplateSet.makeTemplate` before saving; the store checks the
/// file name (`LabelTemplateOverride.fileNames`) and the control characters, and audits each change.
public protocol LabelTemplateRepository: Sendable {
    /// Stored overrides: file name → template source.
    func labelTemplateOverrides() throws -> [String: String]
    /// Saves (or replaces) the override of `fileName` and records an audit entry in the same transaction.
    func saveLabelTemplate(fileName: String, source: String, byUserID: Int64?, at: Date) throws
    /// Deletes the override of `fileName` (the `Labels/` file applies again); audited if one existed.
    func deleteLabelTemplateOverride(fileName: String, byUserID: Int64?, at: Date) throws
}
