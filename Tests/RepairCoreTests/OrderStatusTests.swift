import Testing

@testable import RepairCore

struct OrderStatusTests {
    @Test(arguments: [
        (OrderStatus.draft, OrderStatus.submitted), (.draft, .confirmed), (.submitted, .confirmed),
        (.confirmed, .received), (.confirmed, .shipped), (.received, .inRepair), (.inRepair, .waitingForCustomer),
        (.waitingForCustomer, .inRepair), (.inRepair, .onHold), (.onHold, .inRepair), (.inRepair, .resolved),
        (.resolved, .shipped), (.resolved, .readyForPickup), (.resolved, .inRepair), (.readyForPickup, .closed),
        (.shipped, .closed), (.submitted, .cancelled),
    ])
    func allowsTransitionsInTheTable(from: OrderStatus, to: OrderStatus) throws {
        #expect(try from.moved(to: to) == to)
    }

    @Test(arguments: [
        (OrderStatus.draft, OrderStatus.inRepair), (.submitted, .resolved), (.closed, .inRepair), (.cancelled, .draft),
        (.resolved, .cancelled), (.readyForPickup, .inRepair), (.inRepair, .draft), (.received, .received),
        (.closed, .closed), (.shipped, .draft),
    ])
    func refusesTransitionsOutsideTheTable(from: OrderStatus, to: OrderStatus) {
        #expect(throws: Problem.illegalTransition(from: from, to: to)) { try from.moved(to: to) }
    }

    @Test func everyStatusHasARowAndTerminalStatusesLeadNowhere() {
        for status in OrderStatus.allCases {
            #expect(OrderStatus.transitions[status] != nil, "no row for \(status)")
        }
        #expect(OrderStatus.transitions[.closed] == [])
        #expect(OrderStatus.transitions[.cancelled] == [])
        #expect(!OrderStatus.closed.isOpen && !OrderStatus.cancelled.isOpen && OrderStatus.inRepair.isOpen)
    }

    @Test func rawValuesAreTheSpecNames() {
        #expect(
            OrderStatus.allCases.map(\.rawValue) == [
                "draft", "submitted", "confirmed", "received", "in_repair", "waiting_for_customer", "on_hold",
                "resolved",
                "shipped", "ready_for_pickup", "closed", "cancelled",
            ])
    }
}
