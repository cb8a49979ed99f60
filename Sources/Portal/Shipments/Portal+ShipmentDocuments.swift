extension Portal {
    /// The shipments' documents as this portal produces and keeps them.
    var shipmentDocuments: ShipmentDocuments {
        ShipmentDocuments(store: store, configuration: configuration, now: now) { [self] in shopSettings.language }
    }
}
