/// A JSON scalar read as text: a string, number or boolean, so `"modelID": 3` and `"modelID": "3"` both work
/// and a value of the wrong kind reaches the core's validation (422 naming the field) instead of a 400.
struct FlexibleText: Sendable, Decodable, Hashable {
    /// The text; arrays and objects give nil, which the caller reports as a field error.
    var text: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let string = try? container.decode(String.self) {
            text = string
        } else if let integer = try? container.decode(Int64.self) {
            text = String(integer)
        } else if let number = try? container.decode(Double.self) {
            text = String(number)
        } else if let flag = try? container.decode(Bool.self) {
            text = flag ? "yes" : "no"
        } else {
            text = nil
        }
    }
}

extension Optional where Wrapped == FlexibleText {
    /// The text, empty when absent or null; `invalid` when the value was an array or object.
    func text(invalid: String) -> String {
        switch self {
        case .none: ""
        case .some(let value): value.text ?? invalid
        }
    }
}
