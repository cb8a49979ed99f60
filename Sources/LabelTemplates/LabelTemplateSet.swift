import Foundation

/// The four shipment templates, loaded from a folder (normally `Labels/`) and validated together.
public struct LabelTemplateSet: Sendable, Equatable {
    /// File names the loader expects, and the schema each one is validated against.
    public static let fileNames = (
        packingListText: "packing-list.txt", packingListZPL: "packing-list.zpl",
        shippingLabelText: "shipping-label.txt", shippingLabelZPL: "shipping-label.zpl"
    )

    public var packingListText: Template
    public var packingListZPL: Template
    public var shippingLabelText: Template
    public var shippingLabelZPL: Template

    public init(
        packingListText: Template, packingListZPL: Template, shippingLabelText: Template, shippingLabelZPL: Template
    ) {
        self.packingListText = packingListText
        self.packingListZPL = packingListZPL
        self.shippingLabelText = shippingLabelText
        self.shippingLabelZPL = shippingLabelZPL
    }

    /// Reads and validates every template; an error names the file, line and column.
    public static func load(from folder: URL, limits: TemplateLimits = .default) throws(TemplateError)
        -> LabelTemplateSet
    {
        func load(_ name: String, _ schema: TemplateSchema) throws(TemplateError) -> Template {
            try loadTemplate(folder.appendingPathComponent(name), schema: schema, limits: limits)
        }
        let names = fileNames
        return LabelTemplateSet(
            packingListText: try load(names.packingListText, .packingList),
            packingListZPL: try load(names.packingListZPL, .packingList),
            shippingLabelText: try load(names.shippingLabelText, .shippingLabel),
            shippingLabelZPL: try load(names.shippingLabelZPL, .shippingLabel))
    }

    /// Reads one template file; the kind comes from the extension (`.txt` or `.zpl`).
    public static func loadTemplate(_ file: URL, schema: TemplateSchema, limits: TemplateLimits = .default)
        throws(TemplateError) -> Template
    {
        let name = file.lastPathComponent
        guard let kind = TemplateKind(fileExtension: file.pathExtension) else {
            throw TemplateError(.unreadableFile, line: 0, column: 0, name: name, file: name)
        }
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw TemplateError(.missingTemplate, line: 0, column: 0, name: name, file: name)
        }
        guard let data = try? Data(contentsOf: file), let source = String(data: data, encoding: .utf8) else {
            throw TemplateError(.unreadableFile, line: 0, column: 0, name: name, file: name)
        }
        do {
            return try Template(source: source, kind: kind, schema: schema, limits: limits)
        } catch {
            var located = error
            located.file = name
            throw located
        }
    }

    /// Renders the packing list and the label in both kinds for one shipment.
    public func render(_ document: ShipmentDocument) -> RenderedLabels {
        let context = document.makeContext()
        return RenderedLabels(
            packingListText: packingListText.render(context), packingListZPL: packingListZPL.render(context),
            shippingLabelText: shippingLabelText.render(context), shippingLabelZPL: shippingLabelZPL.render(context))
    }
}

/// The four documents of a confirmed shipment.
public struct RenderedLabels: Sendable, Equatable {
    public var packingListText: String
    public var packingListZPL: String
    public var shippingLabelText: String
    public var shippingLabelZPL: String
}
