import Foundation

// Reading a shipment confirmation typed into a form: the one rule for pages, CLI and mail alike.
extension ShipmentLimits {
    /// Parcels (empty = 1) and weight in kg (empty = unknown; a decimal comma is accepted), as typed.
    ///
    /// Only the text is read here; the ranges are `Shipment`'s confirmation rules, checked in the store's transaction.
    public func parseConfirmation(parcels parcelText: String, weight weightText: String) throws(Problem)
        -> (parcelCount: Int, weightKg: Double?)
    {
        let parcelText = parcelText.trimmingCharacters(in: .whitespaces)
        let weightText = weightText.trimmingCharacters(in: .whitespaces).replacing(",", with: ".")
        guard let parcels = parcelText.isEmpty ? 1 : Int(parcelText) else {
            throw .invalid("parcelCount", .parcelCount, ["maximum": .number(maxParcelCount)])
        }
        guard !weightText.isEmpty else { return (parcels, nil) }
        guard let weight = Double(weightText), weight.isFinite else {
            throw .invalid("weightKg", .weight, ["maximum": .number(Int(maxWeightKg))])
        }
        return (parcels, weight)
    }
}
