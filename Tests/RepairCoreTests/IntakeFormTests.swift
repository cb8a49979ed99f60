import RepairCore
import Testing

@testable import Localization

struct IntakeFormTests {
    @Test func validFormBecomesAnIntake() throws {
        let intake = try IntakeForm.make().validate(against: .make())
        #expect(intake.modelID == 1 && intake.locationID == 1 && intake.methodID == 1)
        #expect(
            intake.contact
                == Contact(firstName: "Jan", surname: "Łukasiewicz", email: "jan@example.com", phone: "+48 600 100 200")
        )
    }

    static let phoneRule = "may hold only digits, spaces, + - ( ) . / and an extension such as ext. 12"

    /// Typed the way people type them (issue #12): groups, pasted non-breaking spaces, en dashes, an extension.
    @Test(arguments: [
        ("35 678910 451234 5", "356789104512345"),
        ("C02X\u{00A0}1234\u{2013}AB", "C02X1234-AB"),
        ("SN 12/34", "SN12/34"),
    ])
    func serialNumbersAreMadePlain(typed: String, kept: String) throws {
        var form = IntakeForm.make()
        form.serial = typed
        #expect(try form.validate(against: .make()).serial == kept)
    }

    @Test(arguments: [
        ("+48  600 100 200", "+48 600 100 200"),
        ("+48\u{00A0}22\u{2013}123\u{2013}45\u{2013}67", "+48 22-123-45-67"),
        ("22 123 45 67 ext. 12", "22 123 45 67 ext. 12"),
        ("22 123 45 67 wew.12", "22 123 45 67 wew. 12"),
        ("22 123 45 67 Ext 12", "22 123 45 67 Ext 12"),
        ("+7 495 123-45-67 доб. 305", "+7 495 123-45-67 доб. 305"),
        ("(22) 123 45 67 x12", "(22) 123 45 67 x 12"),
    ])
    func phoneNumbersAreMadePlainWithTheirExtension(typed: String, kept: String) throws {
        var form = IntakeForm.make()
        form.contactPhone = typed
        #expect(try form.validate(against: .make()).contact.phone == kept)
    }

    @Test func trimsSpacesAndKeepsAnEmptyPhone() throws {
        var form = IntakeForm.make()
        form.serial = "  ABC-123 "
        form.contactPhone = ""
        let intake = try form.validate(against: .make())
        #expect(intake.serial == "ABC-123")
        #expect(intake.contact.phone == "")
    }

    @Test(arguments: [
        (\IntakeForm.modelID, "", "modelID", "a device model is required"),
        (\IntakeForm.modelID, "99", "modelID", "must be a device model from the catalogue"),
        (\IntakeForm.modelID, "one", "modelID", "must be a device model from the catalogue"),
        (\IntakeForm.serial, " ", "serial", "is required"),
        (\IntakeForm.serial, "AB#CD", "serial", "may hold only letters, digits, - and /"),
        (\IntakeForm.serial, "AB\tCD", "serial", "must be one line, without tabs or line breaks"),
        (\IntakeForm.serial, String(repeating: "9", count: 65), "serial", "must be at most 64 characters"),
        (\IntakeForm.fault, "", "fault", "is required"),
        (\IntakeForm.locationID, "", "locationID", "a service location is required"),
        (\IntakeForm.locationID, "42", "locationID", "must be a service location from the list"),
        (\IntakeForm.locationID, "3", "locationID", "this location does not take orders from the portal"),
        (\IntakeForm.methodID, "", "methodID", "a shipping method is required"),
        (\IntakeForm.methodID, "7", "methodID", "must be a shipping method from the list"),
        (\IntakeForm.contactFirstName, "", "contactFirstName", "is required"),
        (\IntakeForm.contactSurname, "\t", "contactSurname", "is required"),
        (\IntakeForm.contactEmail, "", "contactEmail", "is required"),
        (
            \IntakeForm.contactEmail, "jan.example.com", "contactEmail",
            "must be an e-mail address like name@example.com"
        ),
        (\IntakeForm.contactEmail, "jan@localhost", "contactEmail", "must be an e-mail address like name@example.com"),
        (\IntakeForm.contactPhone, "call me", "contactPhone", Self.phoneRule),
        (\IntakeForm.contactPhone, "600 100 200 ext.", "contactPhone", Self.phoneRule),
        (\IntakeForm.contactPhone, "600 100 200 ext. 1a", "contactPhone", Self.phoneRule),
        (\IntakeForm.contactPhone, "next 600 100 200", "contactPhone", Self.phoneRule),
    ])
    func badFieldIsNamed(
        keyPath: WritableKeyPath<IntakeForm, String> & Sendable, value: String, field: String, rule: String
    ) {
        var form = IntakeForm.make()
        form[keyPath: keyPath] = value
        let error = #expect(throws: Problem.self) { try form.validate(against: .make()) }
        #expect(error?.fieldErrors.map(\.field) == [field])
        #expect(error?.fieldErrors.map { Localizer.english.text($0.rule) } == [rule])
    }

    @Test func methodTheLocationDoesNotTakeIsRefused() {
        var form = IntakeForm.make()
        form.locationID = "2"
        #expect(throws: Problem.invalid("methodID", .methodNotAccepted, ["location": "Kraków", "method": "Courier"])) {
            try form.validate(against: .make())
        }
    }

    @Test func reportsEveryBadFieldAtOnce() {
        let form = IntakeForm()
        #expect(throws: Problem.self) { try form.validate(against: .make()) }
        do {
            _ = try form.validate(against: .make())
        } catch {
            #expect(
                error.fieldErrors.map(\.field) == [
                    "modelID", "serial", "fault", "locationID", "methodID", "contactFirstName", "contactSurname",
                    "contactEmail",
                ])
        }
    }

    @Test func resumingADraftPrefillsTheForm() throws {
        let intake = try IntakeForm.make().validate(against: .make())
        #expect(try IntakeForm(intake).validate(against: .make()) == intake)
    }

    @Test func catalogueOffersPublicLocationsAndAcceptedMethodsOnly() {
        let catalogue = Catalogue.make()
        #expect(catalogue.publicLocations.map(\.id) == [1, 2])
        #expect(catalogue.methods(acceptedAt: 2).map(\.id) == [2])
        #expect(catalogue.methods(acceptedAt: 99).isEmpty)
    }

    @Test func contactIsPrefilledFromTheUser() {
        var user = User.make()
        user.displayName = "Jan Maria Łukasiewicz"
        let form = IntakeForm.prefilled(for: user)
        #expect(form.contactFirstName == "Jan" && form.contactSurname == "Maria Łukasiewicz")
        #expect(form.contactEmail == "u1@example.com" && form.modelID.isEmpty)
        user.displayName = "Admin"
        #expect(IntakeForm.prefilled(for: user).contactSurname == "")
    }
}
