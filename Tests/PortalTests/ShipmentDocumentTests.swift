import Foundation
import LabelTemplates
import RepairCore
import RepairStore
import Testing

@testable import Portal

/// Packing lists and labels of the demo data, compared byte for byte with `Golden/`.
///
/// Run with `UPDATE_GOLDEN=1` to rewrite the golden files in the source tree, then review the diff.
@Suite("Shipment documents of the demo data (golden files)")
struct ShipmentDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")
    /// 2026-11-24 09:30 UTC: every date in the documents is fixed.
    static let date = Date(timeIntervalSince1970: 1_795_512_600)

    /// A portal on a fresh demo database with seeded (repeatable) order numbers.
    static func makePortal() throws -> Portal {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ship-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = SQLiteStore.Configuration(path: directory.appendingPathComponent("docs.sqlite").path)
        configuration.migrations = Portal.migrations
        configuration.numbers = .seeded(2026)
        let store = try SQLiteStore(configuration)
        try store.load(FixtureSet.load(directory: root.appendingPathComponent("Fixtures").path))
        return try Portal(store: store, now: { date })
    }

    /// The demo reseller's courier group to Warszawa: Polish names and addresses.
    static func demoDocument() throws -> ShipmentDocument {
        let portal = try makePortal()
        let reseller = try #require(try portal.store.user(email: "reseller@example.com"))
        let draft = try portal.store.createShipment(
            orderNumbers: [OrderNumber("RS-9PWX-6T1C")!, OrderNumber("RS-2DFG-H7JK")!], by: reseller, at: date)
        let shipment = try portal.store.confirmShipment(
            id: draft.id, parcelCount: 1, weightKg: nil, by: reseller, at: date)
        return try portal.shipmentDocuments.document(for: shipment)
    }

    /// A reseller with a Cyrillic, over-long name and orders with over-long serials and faults.
    static func longDocument() throws -> ShipmentDocument {
        let portal = try makePortal()
        let store = portal.store
        let company = try store.addCustomer(
            Customer(
                id: 0, name: "Общество с ограниченной ответственностью «Ремонт-Сервис Плюс», филиал Łódź-Bałuty",
                kind: .company, isReseller: true,
                address:
                    "ул. Большая Садовая 302-бис, подъезд 4, офис 50 (вход со двора, код домофона 1234)\n344002 Ростов-на-Дону\n\nРоссия"
            ))
        let user = try store.addUser(
            User(
                id: 0, email: "zolkiewski@example.com", displayName: "Świętosław Żółkiewski", role: .reseller,
                customerID: company.id, passwordHash: "x"))
        let intakes = [
            Intake(
                modelID: 3, serial: "SN-0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0042",
                fault: String(repeating: "Экран мерцает, a dotyk nie działa w dolnej połowie; ", count: 6)
                    + "\nконец.",
                locationID: 2, methodID: 3,
                contact: Contact(
                    firstName: "Świętosław", surname: "Żółkiewski", email: "zolkiewski@example.com",
                    phone: "+7 863 200-00-00")),
            Intake(
                modelID: 10, serial: "HW-P30-0001", fault: "Не заряжается.", locationID: 2, methodID: 3,
                contact: Contact(firstName: "Świętosław", surname: "Żółkiewski", email: "zolkiewski@example.com")),
        ]
        var numbers: [OrderNumber] = []
        for intake in intakes {
            let order = try store.createDraft(customerID: company.id, intake: intake, by: user, at: date)
            _ = try store.answerDraft(orderID: order.id, answers: [1: "yes"], by: user, at: date)
            numbers.append(try store.approve(orderID: order.id, by: user, at: date).number)
        }
        let draft = try store.createShipment(orderNumbers: numbers, by: user, at: date)
        let shipment = try store.confirmShipment(id: draft.id, parcelCount: 3, weightKg: 12.25, by: user, at: date)
        return try portal.shipmentDocuments.document(for: shipment)
    }

    static let files: [(name: String, select: @Sendable (RenderedLabels) -> String)] = [
        ("packing-list.txt", { $0.packingListText }), ("packing-list.zpl", { $0.packingListZPL }),
        ("shipping-label.txt", { $0.shippingLabelText }), ("shipping-label.zpl", { $0.shippingLabelZPL }),
    ]

    @Test(arguments: ["demo", "long"], 0..<4)
    func documentMatchesGoldenFile(caseName: String, index: Int) throws {
        let templates = try LabelTemplateSet.load(
            from: Self.root.appendingPathComponent("Labels"), orderFields: IntakeField.packingListKeys)
        let document = caseName == "demo" ? try Self.demoDocument() : try Self.longDocument()
        let (file, select) = Self.files[index]
        let rendered = select(templates.render(document))
        let golden = Self.goldenFolder.appendingPathComponent("\(caseName)-\(file)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: golden)
            return
        }
        let expected = try #require(
            FileManager.default.contents(atPath: golden.path),
            "missing \(golden.lastPathComponent); run with UPDATE_GOLDEN=1")
        guard Data(rendered.utf8) != expected else { return }
        let got = rendered.components(separatedBy: "\n")
        let want = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let line = Array(zip(got, want)).firstIndex { $0 != $1 } ?? min(got.count, want.count)
        Issue.record(
            "\(golden.lastPathComponent) differs at line \(line + 1):\n got: \(line < got.count ? got[line] : "<end>")\nwant: \(line < want.count ? want[line] : "<end>")"
        )
    }

    @Test func documentsCarryTheShipmentsFacts() throws {
        let demo = try Self.demoDocument()
        #expect(demo.shipmentID == "SH-000001" && demo.date == "2026-11-24" && demo.method == "Courier (DPD)")
        #expect(
            demo.sender.name == "Serwis Partner sp. z o.o."
                && demo.sender.addressLines == ["ul. Piotrkowska 104", "90-926 Łódź", "Polska"])
        #expect(demo.sender.contact == "Agnieszka Wójcik" && demo.sender.phone == "+48 42 630 11 22")
        #expect(demo.receiver.name == "Warszawa Centrum" && demo.receiver.addressLines.count == 3)
        #expect(demo.orders.map(\.number) == ["RS-9PWX-6T1C", "RS-2DFG-H7JK"])
        #expect(demo.orders.map(\.device) == ["Samsung Galaxy A54", "Xiaomi Redmi Note 12"])
        let long = try Self.longDocument()
        #expect(long.weight == "12.3 kg" && long.parcelCount == 3)
        #expect(long.sender.addressLines.count == 3)
        #expect(!long.orders[0].texts["fault", default: ""].contains("\n"))
        #expect(try Self.longDocument() == long)
    }

    @Test func longTextStaysWithinTheColumns() throws {
        let templates = try LabelTemplateSet.load(
            from: Self.root.appendingPathComponent("Labels"), orderFields: IntakeField.packingListKeys)
        let labels = templates.render(try Self.longDocument())
        for line in labels.packingListText.split(separator: "\n") {
            #expect(line.count <= 80, "packing list line too wide: \(line)")
        }
        for line in labels.shippingLabelText.split(separator: "\n") {
            #expect(line.count <= 48, "label line too wide: \(line)")
        }
        #expect(labels.packingListText.contains("…"))
        #expect(labels.shippingLabelText.contains("KRAKÓW SERWIS") && labels.shippingLabelText.contains("Общество"))
    }

    @Test func printPageEscapesEveryValue() {
        let document = ShipmentDocument(
            shipmentID: "SH-000001", date: "2026-11-24", method: "<b>Courier</b>",
            sender: .init(name: "A & B \"<script>\"", addressLines: ["<i>x</i>"], contact: "<c>"),
            receiver: .init(name: "R", addressLines: []),
            orders: [.init(number: "RS-1", device: "<d>", texts: ["serial": "s", "fault": "<f>"])], weight: "<w>")
        let html = PackingListPage(document: document, siteName: "repairshop").html.rendered
        for raw in ["<script>", "<b>Courier", "<i>x", "<c>", "<d>", "<f>", "<w>"] {
            #expect(!html.contains(raw), "\(raw) is not escaped")
        }
        #expect(html.contains("A &amp; B &quot;&lt;script&gt;&quot;"))
        #expect(html.contains("Weight: &lt;w&gt;"))
        // The columns come from `IntakeField.packingList`; the markup is the one written out before.
        #expect(
            html.contains(
                "<thead><tr><th>#</th><th>Order</th><th>Device</th><th>Serial / IMEI</th><th>Fault</th></tr></thead>"))
        #expect(
            html.contains(
                "<tr><td>1</td><td class=\"number\">RS-1</td><td>&lt;d&gt;</td><td>s</td><td>&lt;f&gt;</td></tr>"))
    }
}
