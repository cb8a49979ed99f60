import Foundation
import LabelTemplates
import RepairCore

extension ShipmentDocument {
    /// The packing list and label data of `shipment`: the reseller sends, the location receives.
    ///
    /// Pure: the date comes from the shipment (confirmation, else last change), formatted in UTC.
    init(
        shipment: Shipment, orders: [ServiceOrder], sender: Customer, senderUser: User?, catalogue: Catalogue
    ) {
        let location = catalogue.location(id: shipment.group.locationID)
        let phone = orders.lazy.map(\.intake.contact.phone).first { !$0.isEmpty }
        self.init(
            shipmentID: shipment.reference,
            date: Self.dateText(shipment.confirmedAt ?? shipment.updatedAt),
            method: catalogue.method(id: shipment.group.methodID)?.name ?? "method \(shipment.group.methodID)",
            sender: Party(
                name: sender.name, addressLines: Self.lines(sender.address), contact: senderUser?.displayName,
                phone: phone, email: senderUser?.email),
            receiver: Party(
                name: location?.name ?? "location \(shipment.group.locationID)",
                addressLines: Self.lines(location?.address ?? "")),
            orders: orders.map { order in
                OrderLine(
                    number: order.number.description,
                    device: catalogue.deviceName(modelID: order.intake.modelID),
                    texts: Self.texts(of: order.intake))
            },
            parcelCount: shipment.parcelCount, weight: shipment.weightText)
    }

    /// `2026-11-24`: the calendar date in UTC, the same on every server.
    static func dateText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : String(value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
    }

    /// Address lines: trimmed, blank ones dropped.
    static func lines(_ address: String) -> [String] {
        address.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// The packing list's intake texts by field key (`IntakeField.packingList`); a multi-line text is one line.
    static func texts(of intake: Intake) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: IntakeField.packingList.map { field in
                (field.key, field.lines == .multiple ? oneLine(intake[field]) : intake[field])
            })
    }

    // A fault typed over several lines reads as one line on the list; the template truncates it.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
