/// A custom question ("task") an admin attaches to orders.
public struct ServiceTask: Sendable, Hashable, Identifiable {
    /// The kind of answer a task takes.
    public enum Kind: Sendable, Hashable {
        case text
        case yesNo
        /// One of the given options.
        case choice([String])
        case number
    }

    /// Which orders a task applies to.
    public enum Scope: Sendable, Hashable {
        case allDevices
        /// Orders for one of these device model IDs.
        case models([Int64])
        /// Orders of one of these customer IDs.
        case customers([Int64])
    }

    public var id: Int64
    /// The question, as shown to the person answering it.
    public var text: String
    public var kind: Kind
    /// Only tasks filled by the customer are asked in the portal.
    public var isFilledByCustomer: Bool
    /// A required task blocks approval until answered.
    public var isRequiredInPortal: Bool
    public var scope: Scope

    /// Makes a task.
    public init(
        id: Int64, text: String, kind: Kind, isFilledByCustomer: Bool, isRequiredInPortal: Bool,
        scope: Scope
    ) {
        self.id = id
        self.text = text
        self.kind = kind
        self.isFilledByCustomer = isFilledByCustomer
        self.isRequiredInPortal = isRequiredInPortal
        self.scope = scope
    }

    /// Whether the task applies to an order for `modelID` of `customerID`.
    public func applies(toModel modelID: Int64, customer customerID: Int64) -> Bool {
        switch scope {
        case .allDevices: true
        case .models(let ids): ids.contains(modelID)
        case .customers(let ids): ids.contains(customerID)
        }
    }

    /// The form field name of this task's answer (`answer.<id>`).
    public var fieldName: String { "answer.\(id)" }
}
