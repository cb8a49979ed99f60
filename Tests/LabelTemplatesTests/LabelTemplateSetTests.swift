import Foundation
import LabelTemplates
import Testing

@Suite struct LabelTemplateSetTests {
    func makeFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let real = Fixtures.labelsFolder
        for name in ["packing-list.txt", "packing-list.zpl", "shipping-label.txt", "shipping-label.zpl"] {
            try FileManager.default.copyItem(
                at: real.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func realLabelsFolderLoads() throws {
        let set = try LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields)
        #expect(set.packingListZPL.kind == .zpl)
        #expect(set.shippingLabelText.kind == .text)
        #expect(set.shippingLabelText.schema == .shippingLabel)
    }

    @Test func errorNamesFileLineAndName() throws {
        let folder = try makeFolder(["shipping-label.txt": "FROM {{ sender.name }}\nTO {{ reciever.name }}\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            throws: TemplateError(
                .unknownPlaceholder, line: 2, column: 4, name: "reciever.name", file: "shipping-label.txt")
        ) {
            try LabelTemplateSet.load(from: folder, orderFields: Fixtures.orderFields)
        }
        let error = try #require(throws: TemplateError.self) {
            try LabelTemplateSet.load(from: folder, orderFields: Fixtures.orderFields)
        }
        #expect(error.description == "shipping-label.txt:2:4: unknown placeholder 'reciever.name'")
    }

    @Test func labelSchemaHasNoOrderLines() throws {
        let folder = try makeFolder(["shipping-label.zpl": "^XA\n{{#each orders}}{{ order.number }}{{/each}}\n^XZ\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: TemplateError.self) {
            try LabelTemplateSet.load(from: folder, orderFields: Fixtures.orderFields)
        }
        #expect(error.kind == .unknownList)
        #expect(error.file == "shipping-label.zpl")
    }

    @Test func missingAndUnreadableFilesAreNamed() throws {
        let folder = try makeFolder(["packing-list.zpl": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("packing-list.zpl"))
        let missing = try #require(throws: TemplateError.self) {
            try LabelTemplateSet.load(from: folder, orderFields: Fixtures.orderFields)
        }
        #expect(missing.kind == .missingTemplate)
        #expect(missing.file == "packing-list.zpl")
        try Data([0x41, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("packing-list.zpl"))
        let unreadable = try #require(throws: TemplateError.self) {
            try LabelTemplateSet.load(from: folder, orderFields: Fixtures.orderFields)
        }
        #expect(unreadable.kind == .unreadableFile)
    }

    @Test func shipmentDocumentFillsEverySchemaField() {
        let context = Fixtures.makeDocument().makeContext()
        let schema = TemplateSchema.packingList(orderFields: Fixtures.orderFields)
        #expect(Set(context.scalars.keys) == schema.scalars)
        #expect(Set(context.lists.keys) == Set(schema.lists.keys))
        #expect(context.scalars["shipment.orderCount"] == "3")
        #expect(Fixtures.makeDocument(weight: nil).makeContext().scalars["shipment.weight"] == nil)
    }

    @Test func singleUploadIsValidatedByItsFileName() throws {
        let template = try LabelTemplateSet.makeTemplate(
            fileName: "shipping-label.zpl", source: "^XA^FH^FD{{ shipment.id }}^FS^XZ",
            orderFields: Fixtures.orderFields)
        #expect(template.kind == .zpl)
        #expect(template.schema == .shippingLabel)
        for name in ["label.zpl", "packing-list.pdf", "packing-list", "shipping-label.txt.zpl", ""] {
            let error = try #require(throws: TemplateError.self) {
                try LabelTemplateSet.makeTemplate(fileName: name, source: "x", orderFields: Fixtures.orderFields)
            }
            #expect(error.kind == .unknownTemplateName)
            #expect(error.file == name)
        }
        let bad = try #require(throws: TemplateError.self) {
            try LabelTemplateSet.makeTemplate(
                fileName: "packing-list.txt", source: "ok\n{{#each orders}}\n", orderFields: Fixtures.orderFields)
        }
        #expect(bad.description == "packing-list.txt:2:1: block '#each orders' is never closed")
    }

    @Test func orderFieldsAreData() throws {
        let source = "{{#each orders}}{{ order.number }} {{ order.place }}\n{{/each}}"
        let refused = try #require(throws: TemplateError.self) {
            try LabelTemplateSet.makeTemplate(
                fileName: "packing-list.txt", source: source, orderFields: Fixtures.orderFields)
        }
        #expect(refused.description == "packing-list.txt:1:36: unknown placeholder 'order.place'")
        let template = try LabelTemplateSet.makeTemplate(
            fileName: "packing-list.txt", source: source, orderFields: Fixtures.orderFields + ["place"])
        var document = Fixtures.makeDocument(orderCount: 1)
        document.orders = [.init(number: "RS-1", device: "Phone", texts: ["place": "Łódź", "serial": "S"])]
        #expect(template.render(document.makeContext()) == "RS-1 Łódź\n")
    }

    @Test func setFromStoredSourcesNeedsAllFour() throws {
        var sources: [String: String] = [:]
        for name in LabelTemplateSet.fileNames {
            sources[name] = try String(contentsOf: Fixtures.labelsFolder.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(
            try LabelTemplateSet(sources: sources, orderFields: Fixtures.orderFields)
                == LabelTemplateSet.load(from: Fixtures.labelsFolder, orderFields: Fixtures.orderFields))
        sources["packing-list.txt"] = nil
        #expect(
            throws: TemplateError(
                .missingTemplate, line: 0, column: 0, name: "packing-list.txt", file: "packing-list.txt")
        ) {
            try LabelTemplateSet(sources: sources, orderFields: Fixtures.orderFields)
        }
    }
}
