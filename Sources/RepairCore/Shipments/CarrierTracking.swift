import Foundation

/// The carrier's tracking details of a confirmed shipment, shown to anonymous tracking of its orders.
public struct CarrierTracking: Sendable, Hashable, Codable {
    /// The carrier's name, e.g. `DPD`.
    public var carrier: String
    public var trackingNumber: String
    /// The carrier's tracking page (http or https), when known.
    public var url: String?

    /// Makes tracking details; use `validated` for user input.
    public init(carrier: String, trackingNumber: String, url: String? = nil) {
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.url = url
    }

    /// Checks raw input: carrier and number required, number of letters, digits, spaces and `-`, URL http(s).
    public static func validated(
        carrier: String, trackingNumber: String, url: String?, limits: ShipmentLimits = .default
    ) throws(Problem) -> CarrierTracking {
        let carrier = carrier.trimmingCharacters(in: .whitespacesAndNewlines)
        let number = trackingNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        let link = (url ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        for (text, field) in [(carrier, "carrier"), (number, "trackingNumber"), (link, "trackingURL")] {
            if let error = TextRules.violation(of: text, field: field, lines: .single) {
                throw .validation([error])
            }
        }
        guard !carrier.isEmpty else { throw .invalid("carrier", .carrierRequired) }
        guard carrier.count <= limits.maxCarrierLength else {
            throw .invalid("carrier", .tooLongOneLine, ["maximum": .number(limits.maxCarrierLength)])
        }
        guard !number.isEmpty else { throw .invalid("trackingNumber", .trackingNumberRequired) }
        guard number.count <= limits.maxTrackingNumberLength,
            number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == " ") })
        else {
            throw .invalid(
                "trackingNumber", .trackingNumberCharacters, ["maximum": .number(limits.maxTrackingNumberLength)])
        }
        guard !link.isEmpty else { return CarrierTracking(carrier: carrier, trackingNumber: number) }
        guard link.count <= limits.maxTrackingURLLength, isWebLink(link) else {
            throw .invalid("trackingURL", .webAddress, ["maximum": .number(limits.maxTrackingURLLength)])
        }
        return CarrierTracking(carrier: carrier, trackingNumber: number, url: link)
    }

    // Only web links: a `javascript:` or `data:` URL must never reach a tracking page.
    private static func isWebLink(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
