/// A value whose edits the audit list describes field by field.
public protocol AuditDescribable {
    /// The fields a person cares about, in a stable order, as short text.
    var auditFields: [(name: String, value: String)] { get }
}

extension AuditDescribable {
    /// What changed from `old` to `new`, e.g. `tatDays: 5 → 7; isPublic: true → false`.
    ///
    /// With no `old` (a new entry) every field is listed as `name: value`;
    /// with nothing changed the text is `no changes`.
    public static func describeChanges(_ old: Self?, _ new: Self) -> String {
        let after = new.auditFields
        guard let old else {
            return after.map { "\($0.name): \(quoted($0.value))" }.joined(separator: "; ")
        }
        let before = Dictionary(old.auditFields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let changes = after.compactMap { field -> String? in
            let previous = before[field.name] ?? ""
            return previous == field.value ? nil : "\(field.name): \(quoted(previous)) → \(quoted(field.value))"
        }
        return changes.isEmpty ? "no changes" : changes.joined(separator: "; ")
    }

    // Multi-line values (addresses) stay on one audit line.
    private static func quoted(_ value: String) -> String {
        value.contains("\n")
            ? value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " / ") : value
    }
}

extension Location: AuditDescribable {
    public var auditFields: [(name: String, value: String)] {
        [
            ("name", name), ("address", address), ("tatDays", String(tatDays)), ("isPublic", String(isPublic)),
            ("methodIDs", methodIDs.sorted().map(String.init).joined(separator: ",")),
        ]
    }
}

extension ShippingMethod: AuditDescribable {
    public var auditFields: [(name: String, value: String)] { [("name", name)] }
}

extension DeviceModel: AuditDescribable {
    public var auditFields: [(name: String, value: String)] { [("manufacturer", manufacturer), ("name", name)] }
}

extension Customer: AuditDescribable {
    public var auditFields: [(name: String, value: String)] {
        [("name", name), ("kind", kind.rawValue), ("isReseller", String(isReseller)), ("address", address)]
    }
}

extension ServiceTask: AuditDescribable {
    public var auditFields: [(name: String, value: String)] {
        let (kindName, choices): (String, String) =
            switch kind {
            case .text: ("text", "")
            case .yesNo: ("yes_no", "")
            case .number: ("number", "")
            case .choice(let options): ("choice", options.joined(separator: " | "))
            }
        let (scopeName, ids): (String, [Int64]) =
            switch scope {
            case .allDevices: ("all", [])
            case .models(let ids): ("models", ids)
            case .customers(let ids): ("customers", ids)
            }
        return [
            ("text", text), ("kind", kindName), ("choices", choices),
            ("isFilledByCustomer", String(isFilledByCustomer)),
            ("isRequiredInPortal", String(isRequiredInPortal)), ("scope", scopeName),
            ("scopeIDs", ids.map(String.init).joined(separator: ",")),
        ]
    }
}
