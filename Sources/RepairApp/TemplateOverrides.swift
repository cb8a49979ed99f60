import Foundation
import RepairCore

/// An admin's replacements of the `Labels/` templates: save a checked source, or go back to the file.
///
/// `by` is the signed-in admin, or nil for the operator at the console (the CLI, which holds the database file);
/// the store audits each change under that actor.
public struct TemplateOverrides: Sendable {
    let store: any LabelTemplateRepository
    let now: @Sendable () -> Date
    let templateCheck: LabelTemplateCheck

    /// The use cases over `store`; `templateCheck` is the template language's rule.
    public init(
        store: any LabelTemplateRepository, now: @escaping @Sendable () -> Date, templateCheck: LabelTemplateCheck
    ) {
        self.store = store
        self.now = now
        self.templateCheck = templateCheck
    }

    /// The stored overrides: file name → source.
    public func overrides() throws -> [String: String] {
        try store.labelTemplateOverrides()
    }

    /// Checks `source` (file name, then the template language) and stores it as the override of `fileName`;
    /// a template with an unknown placeholder is `invalid_template` and nothing is written.
    public func save(fileName: String, source: String, by admin: User?) throws {
        try admin?.checkIsAdmin()
        try LabelTemplateOverride.checkFileName(fileName)
        try templateCheck.check(fileName, source)
        try store.saveLabelTemplate(fileName: fileName, source: source, byUserID: admin?.id, at: now())
    }

    /// Removes the override of `fileName`, so the `Labels/` file applies again; false when there was none.
    @discardableResult
    public func reset(fileName: String, by admin: User?) throws -> Bool {
        try admin?.checkIsAdmin()
        try LabelTemplateOverride.checkFileName(fileName)
        guard try store.labelTemplateOverrides()[fileName] != nil else { return false }
        try store.deleteLabelTemplateOverride(fileName: fileName, byUserID: admin?.id, at: now())
        return true
    }
}
