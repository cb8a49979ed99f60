import Foundation
import RepairCore

/// `GET /api/v1/catalogue`: what intake offers: public locations (with TAT and accepted methods), methods, models.
struct APICatalogue: Sendable, Encodable {
    struct LocationItem: Sendable, Encodable {
        var id: Int64
        var name: String
        var tatDays: Int
        var methodIDs: [Int64]
    }
    struct MethodItem: Sendable, Encodable {
        var id: Int64
        var name: String
    }
    struct ModelItem: Sendable, Encodable {
        var id: Int64
        var manufacturer: String
        var name: String
    }

    var locations: [LocationItem]
    var methods: [MethodItem]
    var models: [ModelItem]

    init(_ catalogue: Catalogue) {
        // Only public locations: a non-public one is never offered at intake.
        locations = catalogue.publicLocations.map {
            LocationItem(id: $0.id, name: $0.name, tatDays: $0.tatDays, methodIDs: $0.methodIDs)
        }
        methods = catalogue.methods.map { MethodItem(id: $0.id, name: $0.name) }
        models = catalogue.models.map { ModelItem(id: $0.id, manufacturer: $0.manufacturer, name: $0.name) }
    }
}
