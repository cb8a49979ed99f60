/// A rule an input field must satisfy, as data: a stable code and named parameters.
///
/// The words live in the catalogues (`rule.<code>`, e.g. `rule.too_long` = "must be at most {maximum} characters"),
/// so the core, the use cases and the store never write a sentence.
public struct FieldRule: Sendable, Hashable, CustomStringConvertible {
    /// Every rule a field can break.
    public enum Code: String, Sendable, Hashable, CaseIterable, Codable {
        // Presence.
        case required = "required"
        case answerRequired = "answer_required"
        case nameRequired = "name_required"
        case emailRequired = "email_required"
        case passwordRequired = "password_required"
        case modelRequired = "model_required"
        case locationRequired = "location_required"
        case methodRequired = "method_required"
        case carrierRequired = "carrier_required"
        case trackingNumberRequired = "tracking_number_required"
        case tatRequired = "tat_required"
        // Length and characters.
        case tooLong = "too_long"
        case tooLongBytes = "too_long_bytes"
        case tooLongOneLine = "too_long_one_line"
        case tooShort = "too_short"
        case controlCharacter = "control_character"
        case singleLine = "single_line"
        case serialCharacters = "serial_characters"
        case phoneCharacters = "phone_characters"
        case trackingNumberCharacters = "tracking_number_characters"
        case webAddress = "web_address"
        case emailFormat = "email_format"
        case emailShape = "email_shape"
        case emailCharacters = "email_characters"
        case orderNumberFormat = "order_number_format"
        // Kinds and choices.
        case notANumber = "not_a_number"
        case notAWholeNumber = "not_a_whole_number"
        case yesOrNo = "yes_or_no"
        case oneOf = "one_of"
        case outOfRange = "out_of_range"
        case tatRange = "tat_range"
        case tatWholeNumber = "tat_whole_number"
        case parcelCount = "parcel_count"
        case weight = "weight"
        case wrongType = "wrong_type"
        case wrongTypeOrNull = "wrong_type_or_null"
        case notAnID = "not_an_id"
        case answersObject = "answers_object"
        case customerRequired = "customer_required"
        case byteCount = "byte_count"
        case hexDigits = "hex_digits"
        // The catalogue and the order.
        case unknownModel = "unknown_model"
        case unknownLocation = "unknown_location"
        case unknownMethod = "unknown_method"
        case unknownMethods = "unknown_methods"
        case unknownCustomer = "unknown_customer"
        case unknownUser = "unknown_user"
        case unknownTask = "unknown_task"
        case locationNotPublic = "location_not_public"
        case methodNotAccepted = "method_not_accepted"
        case notAQuestion = "not_a_question"
        case unanswered = "unanswered"
        case notAssignable = "not_assignable"
        // Tasks.
        case choicesTooFew = "choices_too_few"
        case choicesTooMany = "choices_too_many"
        case choiceLine = "choice_line"
        case scopeModelsRequired = "scope_models_required"
        case scopeCustomersRequired = "scope_customers_required"
        case scopeUnknownModels = "scope_unknown_models"
        case scopeUnknownCustomers = "scope_unknown_customers"
        case requiredNeedsCustomer = "required_needs_customer"
        // Accounts.
        case passwordDistinct = "password_distinct"
        case passwordContainsEmail = "password_contains_email"
        case passwordsDiffer = "passwords_differ"
        case roleMustBeReseller = "role_must_be_reseller"
        case roleMustBeCustomer = "role_must_be_customer"
        case accountAlreadyConfirmed = "account_already_confirmed"
        case accountAlreadyDisabled = "account_already_disabled"
        case accountNotDisabled = "account_not_disabled"
        case accountDisabledEnableFirst = "account_disabled_enable_first"
        case staffNoCustomer = "staff_no_customer"
        case wrongPassword = "wrong_password"
        case unknownTimeZone = "unknown_time_zone"
        // API tokens.
        case tokenNameRequired = "token_name_required"
        case tokenNameTooLong = "token_name_too_long"
        // Uniqueness and use.
        case taken = "taken"
        case emailTaken = "email_taken"
        case locationNameTaken = "location_name_taken"
        case methodNameTaken = "method_name_taken"
        case modelTaken = "model_taken"
        case methodInOpenOrders = "method_in_open_orders"
        case methodInHistory = "method_in_history"
        case noFreeNumber = "no_free_number"
    }

    /// Which rule.
    public var code: Code
    /// Its parameters by name (`maximum`, `choices`, …), as the catalogue's words refer to them.
    public var parameters: [String: ProblemValue]

    /// The rule `code` with `parameters`.
    public init(_ code: Code, _ parameters: [String: ProblemValue] = [:]) {
        self.code = code
        self.parameters = parameters
    }

    /// The code and its parameters in a stable order, for logs and test output.
    public var description: String {
        guard !parameters.isEmpty else { return code.rawValue }
        let list = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "\(code.rawValue)(\(list))"
    }
}
