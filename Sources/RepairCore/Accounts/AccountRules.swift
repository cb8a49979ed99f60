/// The rules every new account keeps, whoever creates it: an admin's invitation (`AccountRequest`) and the
/// operator's `repairshop user add` alike.
public enum AccountRules {
    /// The trimmed e-mail address; records its broken rule (characters, shape, length) in `errors`.
    public static func email(_ raw: String, errors: inout [FieldError]) -> String {
        let email = raw.trimmingSpaces
        if let error = TextRules.violation(of: email, field: "email", lines: .single) {
            errors.append(error)
        } else if let rule = AccountRequest.emailRule(email) {
            errors.append(FieldError(field: "email", rule: rule))
        }
        return email
    }

    /// The trimmed display name; records its broken rule (empty, too long, control characters) in `errors`.
    public static func displayName(_ raw: String, errors: inout [FieldError]) -> String {
        let name = raw.trimmingSpaces
        if let error = TextRules.violation(of: name, field: "displayName", lines: .single) {
            errors.append(error)
        } else if name.isEmpty {
            errors.append(FieldError(field: "displayName", rule: FieldRule(.nameRequired)))
        } else if name.count > AccountRequest.maxDisplayNameLength {
            errors.append(
                FieldError(
                    field: "displayName",
                    rule: FieldRule(.tooLong, ["maximum": .number(AccountRequest.maxDisplayNameLength)])))
        }
        return name
    }

    /// Records in `errors` why an account with `role` cannot belong to `customer` (`customerID` as given, nil
    /// for none; `customer` as found): staff have no customer; customer and reseller accounts belong to an
    /// existing customer whose reseller flag matches their role.
    public static func checkCustomer(
        role: User.Role, customerID: Int64?, customer: Customer?, errors: inout [FieldError]
    ) {
        if role.isStaff {
            if customerID != nil { errors.append(FieldError(field: "role", rule: FieldRule(.staffNoCustomer))) }
            return
        }
        guard let customerID else {
            errors.append(FieldError(field: "customerID", rule: FieldRule(.customerRequired)))
            return
        }
        guard let customer else {
            errors.append(
                FieldError(field: "customerID", rule: FieldRule(.unknownCustomer, ["id": .text(String(customerID))])))
            return
        }
        if role != (customer.isReseller ? .reseller : .customer) {
            errors.append(
                FieldError(
                    field: "role", rule: FieldRule(customer.isReseller ? .roleMustBeReseller : .roleMustBeCustomer)))
        }
    }

    /// `user` tidied (e-mail and name trimmed) if it keeps every rule, else every broken rule as field errors;
    /// `customer` is the customer its `customerID` names, nil when there is none.
    public static func validated(_ user: User, customer: Customer?) throws(Problem) -> User {
        var errors: [FieldError] = []
        var result = user
        result.email = email(user.email, errors: &errors)
        result.displayName = displayName(user.displayName, errors: &errors)
        checkCustomer(role: user.role, customerID: user.customerID, customer: customer, errors: &errors)
        guard errors.isEmpty else { throw .validation(errors) }
        return result
    }
}
