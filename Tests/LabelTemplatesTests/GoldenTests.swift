import Foundation
import LabelTemplates
import Testing

/// Renders the real `Labels/` templates and compares them byte for byte with `Golden/`.
/// Run with `UPDATE_GOLDEN=1` to rewrite the golden files in the source tree (then review them by eye).
@Suite struct GoldenTests {
    static let cases: [(file: String, select: @Sendable (RenderedLabels) -> String)] = [
        ("packing-list.txt", { $0.packingListText }),
        ("packing-list.zpl", { $0.packingListZPL }),
        ("shipping-label.txt", { $0.shippingLabelText }),
        ("shipping-label.zpl", { $0.shippingLabelZPL }),
    ]

    @Test(arguments: 0..<4)
    func renderedTemplateMatchesGoldenFile(index: Int) throws {
        let (file, select) = Self.cases[index]
        let templates = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields)
        let rendered = select(templates.render(Fixtures.makeDocument()))
        let goldenName = "sample-" + file
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            let sourceGolden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent(goldenName)
            try Data(rendered.utf8).write(to: sourceGolden)
            print("rewrote \(sourceGolden.path)")
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: goldenName, withExtension: nil, subdirectory: "Golden"),
            "missing golden file \(goldenName); run with UPDATE_GOLDEN=1")
        let expected = try Data(contentsOf: url)
        guard Data(rendered.utf8) != expected else { return }
        // Point at the first differing line so a reviewer need not diff by hand.
        let actualLines = rendered.components(separatedBy: "\n")
        let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let line =
            Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 }
            ?? min(actualLines.count, expectedLines.count)
        let actualLine = line < actualLines.count ? actualLines[line] : "<end>"
        let expectedLine = line < expectedLines.count ? expectedLines[line] : "<end>"
        Issue.record(
            "\(file) differs from Golden/\(goldenName) at line \(line + 1):\n got: \(actualLine)\nwant: \(expectedLine)"
        )
    }

    @Test func textPackingListLinesFitEightyColumns() throws {
        let templates = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields)
        let text = templates.render(Fixtures.makeDocument()).packingListText
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 10)
        for line in lines {
            #expect(line.count <= 80, "too wide (\(line.count)): \(line)")
        }
        #expect(text.contains("Łukasiewicza"))
        #expect(text.contains("Иванов"))
        #expect(text.contains("…"))
    }

    @Test func textLabelLinesFitFortyEightColumns() throws {
        let templates = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields)
        let text = templates.render(Fixtures.makeDocument()).shippingLabelText
        for line in text.split(separator: "\n") {
            #expect(line.count <= 48, "too wide (\(line.count)): \(line)")
        }
        #expect(text.contains("СЕРВИСНЫЙ ЦЕНТР"))
    }

    @Test func zplLabelIsOneEscapedFormatWithBarcode() throws {
        let templates = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields)
        var document = Fixtures.makeDocument()
        document.sender.name = "Evil ^XZ^XA~JR_ Co"
        let zpl = templates.render(document).shippingLabelZPL
        #expect(zpl.hasPrefix("^XA\n^CI28\n"))
        #expect(zpl.hasSuffix("^XZ\n"))
        #expect(zpl.components(separatedBy: "^XA").count == 2)
        #expect(zpl.components(separatedBy: "^XZ").count == 2)
        #expect(zpl.contains("Evil _5EXZ_5EXA_7EJR_5F Co"))
        #expect(zpl.contains("^BCN,200,N,N,N^FH^FDSH-2026-0042^FS"))
    }

    @Test func weightSectionDisappearsWhenUnknown() throws {
        let templates = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields)
        let rendered = templates.render(Fixtures.makeDocument(weight: nil))
        #expect(!rendered.shippingLabelText.contains("Weight"))
        #expect(!rendered.packingListZPL.contains("Weight"))
        #expect(templates.render(Fixtures.makeDocument()).shippingLabelText.contains("Weight:   4.5 kg"))
    }

    @Test func printSamples() throws {
        let templates = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields)
        let rendered = templates.render(Fixtures.makeDocument())
        print(rendered.shippingLabelText)
        print(rendered.packingListText)
    }
}

@Suite struct LargeShipmentTests {
    /// Not a timed assertion: checks the output of a 1 000-order shipment and prints how long rendering took.
    @Test func thousandOrderPackingListRendersEveryLine() throws {
        let templates = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields)
        var document = Fixtures.makeDocument()
        document.orders = (1...1000).map { index in
            .init(
                number: "RS-\(index)", device: "Model \(index)",
                texts: ["serial": "SN\(index)", "fault": Fixtures.longFault])
        }
        let clock = ContinuousClock()
        var rendered: RenderedLabels?
        let elapsed = clock.measure { rendered = templates.render(document) }
        let text = try #require(rendered).packingListText
        #expect(text.contains("1000  RS-1000"))
        #expect(text.contains("Orders: 1000"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        print("rendered 4 documents for a 1 000-order shipment in \(elapsed)")
    }
}
