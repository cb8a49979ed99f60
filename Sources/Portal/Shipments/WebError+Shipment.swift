import HTTPServer
import RepairCore

extension WebError {
    /// The HTTP face of a refused shipment operation: 403, 404, 409 or 422 with the rule as code.
    public init(_ error: ShipmentError) {
        let status: HTTPStatus
        switch error.rule {
        case .notReseller: status = .forbidden
        case .shipmentNotFound, .orderNotFound: status = .notFound
        case .orderNotConfirmed, .orderInShipment, .alreadyConfirmed, .notConfirmed: status = .conflict
        case .mixedGroups, .emptySelection, .emptyShipment, .orderNotInShipment, .invalidField, .tooManyOrders:
            status = .unprocessableContent
        }
        let message = error.description.prefix(1).uppercased() + error.description.dropFirst() + "."
        self.init(
            status: status, code: error.rule.rawValue, message: message, field: error.field,
            fieldErrors: error.field.map { [FieldError(field: $0, rule: message)] } ?? [])
    }
}

extension Portal {
    /// Runs `body`, turning a `ShipmentError` into the matching `WebError` for the error middleware.
    func mappingShipmentErrors(_ body: () throws -> HTTPResponse) throws -> HTTPResponse {
        do {
            return try body()
        } catch let error as ShipmentError {
            throw WebError(error)
        }
    }
}
