/// Intake as entered (raw strings, as from a form); `validate` turns it into an `Intake`.
public struct IntakeForm: Sendable, Hashable {
    public var modelID: String
    public var serial: String
    public var fault: String
    public var locationID: String
    public var methodID: String
    public var contactFirstName: String
    public var contactSurname: String
    public var contactEmail: String
    public var contactPhone: String

    /// Makes a form; every field defaults to empty.
    public init(
        modelID: String = "", serial: String = "", fault: String = "", locationID: String = "",
        methodID: String = "", contactFirstName: String = "", contactSurname: String = "",
        contactEmail: String = "", contactPhone: String = ""
    ) {
        self.modelID = modelID
        self.serial = serial
        self.fault = fault
        self.locationID = locationID
        self.methodID = methodID
        self.contactFirstName = contactFirstName
        self.contactSurname = contactSurname
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
    }

    /// Makes a form prefilled with `intake` (to resume a draft: going back keeps what was entered).
    public init(_ intake: Intake) {
        self.init(
            modelID: String(intake.modelID), serial: intake.serial, fault: intake.fault,
            locationID: String(intake.locationID), methodID: String(intake.methodID),
            contactFirstName: intake.contact.firstName, contactSurname: intake.contact.surname,
            contactEmail: intake.contact.email, contactPhone: intake.contact.phone)
    }

    /// Makes an empty form with the contact prefilled from `user` (first word of the display name, the rest as surname).
    public static func prefilled(for user: User) -> IntakeForm {
        let words = user.displayName.split(separator: " ", maxSplits: 1).map(String.init)
        return IntakeForm(
            contactFirstName: words.first ?? "", contactSurname: words.count > 1 ? words[1] : "",
            contactEmail: user.email)
    }

    /// Checks every field against `catalogue` and `limits`; throws all field errors at once.
    public func validate(
        against catalogue: Catalogue, limits: IntakeLimits = IntakeLimits()
    ) throws(Problem) -> Intake {
        var errors: [FieldError] = []
        func fail(_ field: String, _ rule: FieldRule.Code, _ parameters: [String: ProblemValue] = [:]) {
            errors.append(FieldError(field: field, rule: FieldRule(rule, parameters)))
        }

        let model = Int64(modelID.trimmingSpaces).flatMap(catalogue.model(id:))
        if modelID.trimmingSpaces.isEmpty {
            fail("modelID", .modelRequired)
        } else if model == nil {
            fail("modelID", .unknownModel)
        }
        var texts = Intake(
            modelID: 0, serial: "", fault: "", locationID: 0, methodID: 0,
            contact: Contact(firstName: "", surname: "", email: ""))
        for field in IntakeField.all {
            texts[field] = field.validated(self[field], limits: limits, &errors)
        }

        let location = Int64(locationID.trimmingSpaces).flatMap(catalogue.location(id:))
        if locationID.trimmingSpaces.isEmpty {
            fail("locationID", .locationRequired)
        } else if location == nil {
            fail("locationID", .unknownLocation)
        } else if location?.isPublic == false {
            fail("locationID", .locationNotPublic)
        }
        let method = Int64(methodID.trimmingSpaces).flatMap(catalogue.method(id:))
        if methodID.trimmingSpaces.isEmpty {
            fail("methodID", .methodRequired)
        } else if method == nil {
            fail("methodID", .unknownMethod)
        } else if let location, let method, !location.methodIDs.contains(method.id) {
            fail("methodID", .methodNotAccepted, ["location": .text(location.name), "method": .text(method.name)])
        }

        let firstName = requiredText(contactFirstName, "contactFirstName", limits.maxNameLength, .single, &errors)
        let surname = requiredText(contactSurname, "contactSurname", limits.maxNameLength, .single, &errors)
        let email = requiredText(contactEmail, "contactEmail", limits.maxNameLength, .single, &errors)
        if !email.isEmpty, !errors.contains(where: { $0.field == "contactEmail" }), !Self.looksLikeEmail(email) {
            fail("contactEmail", .emailFormat)
        }
        var phone = contactPhone.trimmingSpaces
        if let error = TextRules.violation(of: phone, field: "contactPhone", lines: .single) {
            errors.append(error)
        } else if phone.count > limits.maxPhoneLength {
            fail("contactPhone", .tooLong, ["maximum": .number(limits.maxPhoneLength)])
        } else if !phone.isEmpty {
            if let plain = TypedNumbers.phone(phone) { phone = plain } else { fail("contactPhone", .phoneCharacters) }
        }

        guard errors.isEmpty, let model, let location, let method else {
            throw .validation(errors)
        }
        var intake = texts
        intake.modelID = model.id
        intake.locationID = location.id
        intake.methodID = method.id
        intake.contact = Contact(firstName: firstName, surname: surname, email: email, phone: phone)
        return intake
    }

    private func requiredText(
        _ raw: String, _ field: String, _ limit: Int, _ lines: TextRules.Lines, _ errors: inout [FieldError]
    ) -> String {
        let text = raw.trimmingSpaces
        if let error = TextRules.violation(of: text, field: field, lines: lines) {
            errors.append(error)
        } else if text.isEmpty {
            errors.append(FieldError(field: field, rule: FieldRule(.required)))
        } else if text.count > limit {
            errors.append(FieldError(field: field, rule: FieldRule(.tooLong, ["maximum": .number(limit)])))
        }
        return text
    }

    /// A deliberately loose check: one `@`, something before it, a dot after it, no spaces.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}

/// Length limits of intake fields.
public struct IntakeLimits: Sendable, Hashable {
    /// Longest serial number or IMEI (default 64).
    public var maxSerialLength = 64
    /// Longest fault description (default 2 000).
    public var maxFaultLength = 2_000
    /// Longest name or e-mail (default 100).
    public var maxNameLength = 100
    /// Longest phone number (default 32).
    public var maxPhoneLength = 32

    /// The default limits.
    public init() {}
}
