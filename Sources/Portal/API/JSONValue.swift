import RepairCore

/// One JSON value as it was sent, so a value of the wrong type is a 422 naming its field instead of being
/// coerced: `"modelID": "1"` is not an integer, `"serial": false` is not text, `"fault": []` is not empty text.
enum JSONValue: Sendable, Decodable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    /// An array or an object: never a valid scalar.
    case structure

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .structure
        }
    }

    /// The text of a field whose schema is `string`; absent is empty (the core then says what is required).
    static func string(_ value: JSONValue?, field: String, _ errors: inout [FieldError]) -> String {
        switch value {
        case .none: return ""
        case .string(let text): return text
        case .some(let other):
            errors.append(other.typeError(field: field, expected: .string))
            return ""
        }
    }

    /// The decimal text of a field whose schema is `integer`; absent is empty.
    static func integer(_ value: JSONValue?, field: String, _ errors: inout [FieldError]) -> String {
        switch value {
        case .none: return ""
        case .integer(let number): return String(number)
        case .some(let other):
            errors.append(other.typeError(field: field, expected: .integer))
            return ""
        }
    }

    /// The error for a value that is not of the `expected` type (`null` included: no schema here is nullable).
    /// The JSON types a field's schema may ask for; `type.<rawValue>` names them in the catalogues.
    enum Expected: String, CaseIterable {
        case string, integer, object
        /// A string, a number or a boolean (answers).
        case scalar
    }

    func typeError(field: String, expected: Expected) -> FieldError {
        FieldError(
            field: field,
            rule: FieldRule(.wrongType, ["expected": .term("type.\(expected.rawValue)"), "actual": .term("type.\(kind)")]))
    }

    private var kind: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .structure: "structure"
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`: nil when absent, `.null` when sent as `null` (`decodeIfPresent` would make that nil too).
    func jsonValue(forKey key: Key) throws -> JSONValue? {
        guard contains(key) else { return nil }
        return try decodeNil(forKey: key) ? .null : decode(JSONValue.self, forKey: key)
    }
}
