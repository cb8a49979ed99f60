import Foundation
import LabelTemplates

/// Sample data for golden tests: Polish and Cyrillic names, a 300-character fault, an 80-character company.
enum Fixtures {
    static let longCompany = "Przedsiębiorstwo Handlowo-Usługowe Żółć i Wspólnicy Serwis Telefonów Komórkowych"
    static let longFault = String(
        repeating: "Ekran миготить po upadku, dotyk nie reaguje w lewym górnym rogu; ", count: 5
    ).prefix(300).description

    /// The intake texts an order line carries, as the portal passes them (`IntakeField.packingListKeys`).
    static let orderFields = ["serial", "fault"]

    static func makeDocument(orderCount: Int = 3, weight: String? = "4.5 kg") -> ShipmentDocument {
        let orders = [
            ShipmentDocument.OrderLine(
                number: "RS-7K2M-9QXD", device: "Samsung Galaxy S23 Ultra 512 GB",
                texts: ["serial": "356789104563217", "fault": longFault]),
            ShipmentDocument.OrderLine(
                number: "RS-4HT8-2WPL", device: "iPhone 15 Pro",
                texts: ["serial": "F2LX91Q0PL", "fault": "Nie ładuje się"]),
            ShipmentDocument.OrderLine(
                number: "RS-9ZQ3-KD7A", device: "Xiaomi Redmi Note 12",
                texts: ["serial": "8612_34^XZ~JR", "fault": "Не включается после обновления"]),
        ]
        return ShipmentDocument(
            shipmentID: "SH-2026-0042",
            date: "2026-11-24",
            method: "Kurier DPD (odbiór z siedziby)",
            sender: .init(
                name: longCompany,
                addressLines: ["ul. Łukasiewicza 12/4", "00-950 Łódź", "Polska"],
                contact: "Grzegorz Brzęczyszczykiewicz", phone: "+48 600 100 200", email: "serwis@zolc.example.pl"),
            receiver: .init(
                name: "Сервисный центр Иванов и партнёры",
                addressLines: ["ул. Ленина, д. 5, офис 12", "220030 Минск", "Беларусь"]),
            orders: Array(orders.prefix(orderCount)),
            parcelCount: 2,
            weight: weight)
    }

    /// The repository's `Labels/` folder, found from this file's path.
    static var labelsFolder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Labels")
    }
}
