import Foundation
import LabelTemplates
import RepairCore
import RepairStore

/// Synthetic data for the benchmark: a store full of open orders, and a large shipment document.
enum BenchmarkData {
    /// The order number of the `index`-th synthetic order (unique, valid `RS-XXXX-XXXX`).
    static func number(_ index: Int) -> String {
        var value = index
        var code = ""
        for _ in 0..<8 {
            code.append(OrderNumber.alphabet[value % OrderNumber.alphabet.count])
            value /= OrderNumber.alphabet.count
        }
        return "RS-\(code.prefix(4))-\(code.suffix(4))"
    }

    /// Fills an empty store with the catalogue, one reseller and `settings.openOrders` confirmed orders.
    static func fill(_ store: SQLiteStore, settings: BenchmarkSettings) throws -> User {
        let reseller = try store.addCustomer(
            Customer(
                id: 0, name: "Serwis Partner sp. z o.o.", kind: .company, isReseller: true,
                address: "ul. Piotrkowska 104\n90-926 Łódź\nPolska"))
        let user = try store.addUser(
            User(
                id: 0, email: "reseller@example.com", displayName: "Agnieszka Wójcik", role: .reseller,
                customerID: reseller.id, passwordHash: "x"))
        var methodIDs: [Int64] = []
        for index in 0..<settings.methods {
            methodIDs.append(try store.addShippingMethod(ShippingMethod(id: 0, name: "Method \(index)")).id)
        }
        for index in 0..<settings.locations {
            _ = try store.addLocation(
                Location(
                    id: 0, name: "Location \(index)", address: "ul. Długa \(index)\n00-001 Warszawa", tatDays: 5,
                    isPublic: true, methodIDs: methodIDs))
        }
        let model = try store.addDeviceModel(DeviceModel(id: 0, manufacturer: "Samsung", name: "Galaxy S22"))
        try store.write { db in
            let time = SQLValue.real(Date().timeIntervalSince1970)
            for index in 0..<settings.openOrders {
                try db.run(
                    """
                    INSERT INTO orders (number, customer_id, created_by, model_id, serial, fault, location_id, method_id,
                        contact_first_name, contact_surname, contact_email, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Agnieszka', 'Wójcik', 'reseller@example.com', 'confirmed', ?, ?)
                    """,
                    [
                        .text(number(index)), .integer(reseller.id), .integer(user.id), .integer(model.id),
                        .text("SN\(index)"), .text("Cracked screen, touch does not respond in the lower half."),
                        .integer(Int64(1 + index % settings.locations)), .integer(methodIDs[index % methodIDs.count]),
                        time, time,
                    ])
            }
        }
        return user
    }

    /// A confirmed shipment's document with `count` order lines, Polish and Cyrillic text, long faults.
    static func document(orders count: Int) -> ShipmentDocument {
        ShipmentDocument(
            shipmentID: "SH-000042", date: "2026-11-24", method: "Courier (DPD)",
            sender: .init(
                name: "Serwis Partner sp. z o.o.", addressLines: ["ul. Piotrkowska 104", "90-926 Łódź", "Polska"],
                contact: "Agnieszka Wójcik", phone: "+48 42 630 11 22", email: "reseller@example.com"),
            receiver: .init(name: "Warszawa Centrum", addressLines: ["ul. Marszałkowska 100", "00-026 Warszawa"]),
            orders: (0..<count).map { index in
                .init(
                    number: number(index), device: "Samsung Galaxy S22 Ultra 5G (SM-S908B/DS)",
                    texts: [
                        "serial": "R58N\(index)",
                        "fault":
                            "Экран мерцает, a dotyk nie działa w dolnej połowie ekranu po upadku z wysokości 1,5 m.",
                    ])
            },
            parcelCount: 4, weight: "12.5 kg")
    }
}
