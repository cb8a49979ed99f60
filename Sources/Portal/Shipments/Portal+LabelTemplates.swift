import LabelTemplates

extension Portal {
    /// The shipments' documents as this portal produces and keeps them.
    var shipmentDocuments: ShipmentDocuments {
        ShipmentDocuments(store: store, configuration: configuration, now: now)
    }

    /// The four templates: the files of `configuration.labelsDirectory`, each replaced by its stored override.
    public func labelTemplateSet() throws -> LabelTemplateSet {
        try shipmentDocuments.templateSet()
    }
}
