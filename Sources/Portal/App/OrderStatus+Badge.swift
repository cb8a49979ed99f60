import HTMLKit
import RepairCore

extension OrderStatus {
    /// The badge's look for this status (the words come from `label`).
    var tone: StatusBadge.Tone {
        switch self {
        case .draft, .submitted, .confirmed: .pending
        case .received, .inRepair: .active
        case .waitingForCustomer, .onHold: .attention
        case .resolved, .shipped, .readyForPickup: .done
        case .closed: .closed
        case .cancelled: .cancelled
        }
    }

    /// The status as a badge reading `label` (passed in, so the words stay wherever labels are made).
    func badge(_ label: String) -> HTML {
        StatusBadge(label, tone: tone).html
    }
}
