import Foundation

/// The four shipment templates, loaded from a folder (normally `Labels/`) or from stored sources, validated together.
public struct LabelTemplateSet: Sendable, Equatable {
    /// The file names of the set; the name decides the schema, the extension the kind.
    public static let fileNames = ["packing-list.txt", "packing-list.zpl", "shipping-label.txt", "shipping-label.zpl"]

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

    /// Builds the set from file name → source (e.g. templates kept in the store); every file of `fileNames` is required.
    /// `orderFields` names the intake texts an order line carries (see `TemplateSchema.packingList(orderFields:)`).
    public init(sources: [String: String], orderFields: [String], limits: TemplateLimits = .default)
        throws(TemplateError)
    {
        func make(_ name: String) throws(TemplateError) -> Template {
            guard let source = sources[name] else {
                throw TemplateError(.missingTemplate, line: 0, column: 0, name: name, file: name)
            }
            return try Self.makeTemplate(fileName: name, source: source, orderFields: orderFields, limits: limits)
        }
        self.init(
            packingListText: try make("packing-list.txt"), packingListZPL: try make("packing-list.zpl"),
            shippingLabelText: try make("shipping-label.txt"), shippingLabelZPL: try make("shipping-label.zpl"))
    }

    /// Reads and validates every template of the folder; an error names the file, line and column.
    public static func load(from folder: URL, orderFields: [String], limits: TemplateLimits = .default)
        throws(TemplateError) -> LabelTemplateSet
    {
        var sources: [String: String] = [:]
        for name in fileNames {
            let file = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw TemplateError(.missingTemplate, line: 0, column: 0, name: name, file: name)
            }
            guard let data = try? Data(contentsOf: file), let source = String(data: data, encoding: .utf8) else {
                throw TemplateError(.unreadableFile, line: 0, column: 0, name: name, file: name)
            }
            sources[name] = source
        }
        return try LabelTemplateSet(sources: sources, orderFields: orderFields, limits: limits)
    }

    /// Validates one template of the set by its file name, e.g. an admin's upload of `shipping-label.zpl`.
    public static func makeTemplate(
        fileName: String, source: String, orderFields: [String], limits: TemplateLimits = .default
    ) throws(TemplateError) -> Template {
        let stem = fileName.split(separator: ".").first.map(String.init) ?? ""
        let schemas = [
            "packing-list": TemplateSchema.packingList(orderFields: orderFields), "shipping-label": .shippingLabel,
        ]
        let fileExtension = fileName.split(separator: ".").count == 2 ? String(fileName.split(separator: ".")[1]) : ""
        guard fileNames.contains(fileName), let schema = schemas[stem],
            let kind = TemplateKind(fileExtension: fileExtension)
        else {
            throw TemplateError(.unknownTemplateName, line: 0, column: 0, name: fileName, file: fileName)
        }
        do {
            return try Template(source: source, kind: kind, schema: schema, limits: limits)
        } catch {
            var located = error
            located.file = fileName
            throw located
        }
    }

    /// Order lines on one ZPL packing-list label (the `^FB` block of `Labels/packing-list.zpl`); a longer
    /// shipment's ZPL packing list is that template rendered once per page, one label after another.
    public static let zplOrdersPerLabel = 24

    /// Renders the packing list and the label in both kinds for one shipment.
    public func render(_ document: ShipmentDocument) -> RenderedLabels {
        let context = document.makeContext()
        let zplPages = document.makePageContexts(ordersPerPage: Self.zplOrdersPerLabel)
        return RenderedLabels(
            packingListText: packingListText.render(context),
            packingListZPL: zplPages.map { packingListZPL.render($0) }.joined(),
            shippingLabelText: shippingLabelText.render(context), shippingLabelZPL: shippingLabelZPL.render(context))
    }
}
