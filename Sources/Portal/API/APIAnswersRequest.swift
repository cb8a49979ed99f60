/// The body of `PUT /api/v1/orders/{number}/answers`: `{"answers": {"<taskID>": "value"}}`.
struct APIAnswersRequest: Sendable, Decodable {
    var answers: [String: JSONValue]?
}
