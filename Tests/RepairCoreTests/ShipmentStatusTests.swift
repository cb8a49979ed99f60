import Testing

@testable import RepairCore

@Suite("Shipment status machine, as a table")
struct ShipmentStatusTests {
    enum Event: CaseIterable { case edit, discard, confirm, recordCarrier }

    /// Status × event → next status, or the rule that refuses it.
    static let table: [(ShipmentStatus, Event, Result<ShipmentStatus?, Problem>)] = [
        (.draft, .edit, .success(.draft)),
        (.draft, .discard, .success(nil)),
        (.draft, .confirm, .success(.confirmed)),
        (.draft, .recordCarrier, .failure(Problem(.notConfirmed, reference: "SH-000001"))),
        (.confirmed, .edit, .failure(Problem(.alreadyConfirmed, reference: "SH-000001"))),
        (.confirmed, .discard, .failure(Problem(.alreadyConfirmed, reference: "SH-000001"))),
        (.confirmed, .confirm, .failure(Problem(.alreadyConfirmed, reference: "SH-000001"))),
        (.confirmed, .recordCarrier, .success(.confirmed)),
    ]

    @Test func tableCoversEveryStatusAndEvent() {
        #expect(Self.table.count == ShipmentStatus.allCases.count * Event.allCases.count)
    }

    @Test(arguments: 0..<8) func eventFollowsTheTable(row: Int) {
        let (status, event, expected) = Self.table[row]
        let result: Result<ShipmentStatus?, Problem> = Result { () throws(Problem) -> ShipmentStatus? in
            switch event {
            case .edit: return try status.editing("SH-000001")
            case .discard:
                try status.discarding("SH-000001")
                return nil
            case .confirm: return try status.confirming("SH-000001")
            case .recordCarrier: return try status.recordingCarrier("SH-000001")
            }
        }
        #expect(result == expected, "\(status) + \(event)")
    }

    @Test func referencesRoundTripAndRejectJunk() {
        #expect(Shipment.reference(for: 42) == "SH-000042")
        #expect(Shipment.reference(for: 12_345_678) == "SH-12345678")
        #expect(Shipment.id(fromReference: "sh-000042") == 42)
        for junk in ["", "SH-", "SH-0", "XX-000001", "SH-12a", "SH--1", "SH-٣"] {
            #expect(Shipment.id(fromReference: junk) == nil, "\(junk)")
        }
    }

    @Test func weightIsFormattedWithoutLocale() {
        #expect(Shipment.formatWeight(4.5) == "4.5 kg")
        #expect(Shipment.formatWeight(12) == "12 kg")
        #expect(Shipment.formatWeight(0.04) == "0 kg")
        #expect(Shipment.formatWeight(2.26) == "2.3 kg")
    }
}
