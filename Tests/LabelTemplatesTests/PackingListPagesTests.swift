import LabelTemplates
import Testing

/// A ZPL packing list holds 24 order lines per label: a longer shipment prints one label per 24 orders.
@Suite struct PackingListPagesTests {
    static func document(orders count: Int) -> ShipmentDocument {
        var document = Fixtures.makeDocument()
        document.orders = (1...count).map { position in
            ShipmentDocument.OrderLine(
                number: "RS-TEST-\(position)", device: "Phone \(position)",
                texts: ["serial": "SN\(position)", "fault": "Screen"])
        }
        return document
    }

    /// The labels of a rendered ZPL packing list, each from `^XA` to `^XZ`.
    static func labels(orders count: Int) throws -> [String] {
        let zpl = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields).render(
            document(orders: count)
        ).packingListZPL
        return zpl.components(separatedBy: "^XZ\n").dropLast().map { $0 + "^XZ\n" }
    }

    @Test(arguments: [(1, 1), (24, 1), (25, 2), (48, 2), (49, 3), (1_000, 42)])
    func oneLabelPerTwentyFourOrders(orders: Int, labels: Int) throws {
        let printed = try Self.labels(orders: orders)
        #expect(printed.count == labels)
        for (page, label) in printed.enumerated() {
            #expect(label.hasPrefix("^XA\n") || label.contains("\n^XA\n"))
            #expect(label.contains("^FDPage \(page + 1)/\(labels)^FS"))
            // The totals stay the whole shipment's on every label.
            #expect(label.contains("Orders: \(orders)"))
        }
    }

    @Test func orderNumbersCountAcrossLabelsAndEveryOrderIsPrintedOnce() throws {
        let printed = try Self.labels(orders: 30)
        #expect(printed.count == 2)
        #expect(printed[0].contains("1. RS-TEST-1 ") && printed[0].contains("24. RS-TEST-24 "))
        #expect(!printed[0].contains("25. RS-TEST-25 "))
        #expect(printed[1].contains("25. RS-TEST-25 ") && printed[1].contains("30. RS-TEST-30 "))
        #expect(!printed[1].contains("24. RS-TEST-24 "))
        let all = printed.joined()
        for position in 1...30 {
            #expect(all.components(separatedBy: "RS-TEST-\(position) ").count == 2, "order \(position)")
        }
    }

    @Test func theTextPackingListIsOnePageWithEveryOrder() throws {
        let text = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields).render(
            Self.document(orders: 30)
        )
        .packingListText
        #expect(text.contains("RS-TEST-1 ") && text.contains("RS-TEST-30 "))
    }

    @Test func pageContextsSliceTheOrdersAndKeepTheirPositions() {
        let pages = Self.document(orders: 5).makePageContexts(ordersPerPage: 2)
        #expect(pages.map { $0.scalars["page.number"] } == ["1", "2", "3"])
        #expect(pages.map { $0.scalars["page.count"] } == ["3", "3", "3"])
        #expect(pages.map { $0.lists["orders"]?.compactMap { $0["index"] } } == [["1", "2"], ["3", "4"], ["5"]])
        #expect(pages.allSatisfy { $0.scalars["shipment.orderCount"] == "5" })
        var empty = Self.document(orders: 1)
        empty.orders = []
        #expect(empty.makePageContexts(ordersPerPage: 24).count == 1)
    }
}
