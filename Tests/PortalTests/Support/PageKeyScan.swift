import Foundation
import RepairCore

@testable import Portal

/// The catalogue keys the pages, mails and API labels use: the literal keys of `L("…")` and
/// `localizer.text("…")` calls in the sources, and the families a key is built for from data (`status.<status>`,
/// `field.<key>.label`, …), listed here from the same data the sources build them from.
enum PageKeyScan {
    /// Every literal key in the sources.
    static let literalKeys: Set<String> = {
        let call = #/(?:\bL|\.text)\(\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"/#
        return Set(ProblemReasonScan.sources.flatMap { $0.matches(of: call).map { String($0.1) } })
    }()

    /// Keys built from data: the status labels, account states, list filters, admin sections, task kinds and
    /// scopes, customer kinds, outbox states and intake field words.
    static let builtKeys: Set<String> = {
        var keys = Set(OrderStatus.allCases.map(\.labelKey))
        keys.formUnion(AccountState.allCases.map { "account_state.\($0.rawValue)" })
        keys.formUnion(MyOrdersPage.Filter.allCases.map { "my_orders.empty.\($0.rawValue)" })
        for section in AdminController.adminSections {
            keys.formUnion(["admin.section.\(section.key)", "admin.section.\(section.key).about"])
        }
        keys.formUnion(["text", "yes_no", "choice", "number"].map { "task.kind.\($0)" })
        keys.formUnion(["all", "models", "customers"].map { "task.scope.\($0)" })
        keys.formUnion(Customer.Kind.allCases.map { "customer.kind.\($0.rawValue)" })
        keys.formUnion(["sent", "dead", "pending"].map { "outbox.state.\($0)" })
        keys.formUnion(AdminController.auditEntities.map { "audit.entity.\($0)" })
        keys.formUnion(User.Role.allCases.map { "role.\($0.rawValue)" })
        for field in IntakeField.all {
            keys.formUnion(["label", "staff_label", "prompt"].map { "field.\(field.key).\($0)" })
            if field.hint != nil { keys.insert("field.\(field.key).hint") }
        }
        return keys
    }()

    /// Every page key some code path asks for.
    static var usedKeys: Set<String> { literalKeys.union(builtKeys) }
}
