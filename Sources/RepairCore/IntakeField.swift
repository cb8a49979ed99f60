/// One free-text field of the intake, described once: the intake form's validation, the wizard page's input,
/// the JSON request and answers, OpenAPI, the order pages and the packing list all read `IntakeField.all`
/// instead of naming each field.
///
/// Adding a free-text field: a stored property on `IntakeForm` and on `Intake`, its limit in `IntakeLimits`,
/// one entry in `all`, and the storage (migration, column list, fixtures).
public struct IntakeField: Sendable {
    /// The name in forms, JSON (request and answers), OpenAPI, field errors and templates (`order.<key>`).
    public let key: String
    /// The raw text in the form.
    public let form: any WritableKeyPath<IntakeForm, String> & Sendable
    /// The validated text in the intake.
    public let value: any WritableKeyPath<Intake, String> & Sendable
    /// The longest text allowed.
    public let limit: any KeyPath<IntakeLimits, Int> & Sendable
    /// Whether blank text is refused (`required`).
    public let isRequired: Bool
    /// Whether line breaks are allowed (a text area on the page, one line on the packing list).
    public let lines: TextRules.Lines
    /// The label on the order pages.
    public let label: String
    /// The label on the staff order page.
    public let staffLabel: String
    /// The label of the input on the intake page.
    public let prompt: String
    /// A hint under the input, if any.
    public let hint: String?
    /// The OpenAPI `pattern` of the text, if any.
    public let pattern: String?
    /// Makes trimmed text plain before it is checked and kept (spaces out of a serial number), if anything can.
    public let normalize: (@Sendable (String) -> String)?
    /// A further check of trimmed, normalised, non-empty text within the limit; nil when it passes.
    public let check: (@Sendable (String) -> FieldRule.Code?)?
    /// Whether the field is a column of the packing list (`order.<key>` in shipment templates).
    public let isOnPackingList: Bool

    /// Describes a field.
    public init(
        key: String, form: any WritableKeyPath<IntakeForm, String> & Sendable,
        value: any WritableKeyPath<Intake, String> & Sendable, limit: any KeyPath<IntakeLimits, Int> & Sendable,
        isRequired: Bool, lines: TextRules.Lines, label: String, staffLabel: String? = nil, prompt: String? = nil,
        hint: String? = nil, pattern: String? = nil, normalize: (@Sendable (String) -> String)? = nil,
        check: (@Sendable (String) -> FieldRule.Code?)? = nil, isOnPackingList: Bool = false
    ) {
        self.key = key
        self.form = form
        self.value = value
        self.limit = limit
        self.isRequired = isRequired
        self.lines = lines
        self.label = label
        self.staffLabel = staffLabel ?? label
        self.prompt = prompt ?? label
        self.hint = hint
        self.pattern = pattern
        self.normalize = normalize
        self.check = check
        self.isOnPackingList = isOnPackingList
    }

    /// The free-text fields of the intake, in the order they are asked, shown and listed.
    public static let all: [IntakeField] = [
        IntakeField(
            key: "serial", form: \IntakeForm.serial, value: \Intake.serial, limit: \IntakeLimits.maxSerialLength,
            isRequired: true, lines: .single, label: "Serial number or IMEI", staffLabel: "Serial / IMEI",
            hint: "On a phone, dial *#06# to see the IMEI.",
            // Typed in groups or with an en dash, it is still the number: made plain before the check.
            normalize: TypedNumbers.serial,
            check: { text in
                text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" } ? nil : .serialCharacters
            },
            isOnPackingList: true),
        IntakeField(
            key: "fault", form: \IntakeForm.fault, value: \Intake.fault, limit: \IntakeLimits.maxFaultLength,
            isRequired: true, lines: .multiple, label: "Fault", prompt: "What is wrong with the device?",
            isOnPackingList: true),
    ]

    /// The field named `key`, if it is one.
    public static func named(_ key: String) -> IntakeField? {
        all.first { $0.key == key }
    }

    /// The columns of the packing list, in order: the fields with `isOnPackingList`.
    public static var packingList: [IntakeField] { all.filter(\.isOnPackingList) }

    /// Their keys: the intake texts an order line of a shipment template may name (`order.<key>`), passed to
    /// `LabelTemplates` as data.
    public static var packingListKeys: [String] { packingList.map(\.key) }

    /// Checks `raw` (trimmed) and appends at most one error; returns the trimmed text.
    func validated(_ raw: String, limits: IntakeLimits, _ errors: inout [FieldError]) -> String {
        let trimmed = raw.trimmingSpaces
        let text = normalize?(trimmed) ?? trimmed
        let maximum = limits[keyPath: limit]
        // Control characters are refused as typed, before normalising could drop a tab unseen.
        if let error = TextRules.violation(of: trimmed, field: key, lines: lines) {
            errors.append(error)
        } else if text.isEmpty {
            if isRequired { errors.append(FieldError(field: key, rule: FieldRule(.required))) }
        } else if text.count > maximum {
            errors.append(FieldError(field: key, rule: FieldRule(.tooLong, ["maximum": .number(maximum)])))
        } else if let code = check?(text) {
            errors.append(FieldError(field: key, rule: FieldRule(code)))
        }
        return text
    }
}

extension IntakeForm {
    /// The raw text of `field`.
    public subscript(field: IntakeField) -> String {
        get { self[keyPath: field.form] }
        set { self[keyPath: field.form] = newValue }
    }
}

extension Intake {
    /// The text of `field`.
    public subscript(field: IntakeField) -> String {
        get { self[keyPath: field.value] }
        set { self[keyPath: field.value] = newValue }
    }
}
