/// A parsed template of one kind; parse once, validate against a schema, render many times.
public struct Template: Sendable, Equatable {
    public let kind: TemplateKind
    /// The names the template was validated against; rendering binds loop items by it.
    public let schema: TemplateSchema
    /// The syntax tree, in source order.
    public let nodes: [TemplateNode]

    /// Parses and validates: an unknown name, filter or malformed block throws with its line and column.
    public init(source: String, kind: TemplateKind, schema: TemplateSchema, limits: TemplateLimits = .default)
        throws(TemplateError)
    {
        self.kind = kind
        self.schema = schema
        self.nodes = try Self.parse(source, limits: limits)
        // The first problem in source order is thrown.
        try Self.validate(nodes, schema: schema, scope: [])
        if kind == .zpl {
            try Self.validateZPLFields(nodes)
        }
    }

    /// Parses to a syntax tree without checking names.
    public static func parse(_ source: String, limits: TemplateLimits = .default) throws(TemplateError)
        -> [TemplateNode]
    {
        guard source.utf8.count <= limits.maxTemplateBytes else {
            throw TemplateError(.templateTooLarge, line: 0, column: 0, name: "\(source.utf8.count) bytes")
        }
        var parser = TemplateParser(limits: limits)
        return try parser.parse(source)
    }

    private static func validate(_ nodes: [TemplateNode], schema: TemplateSchema, scope: [TemplateSchema.List])
        throws(TemplateError)
    {
        for node in nodes {
            switch node {
            case .text:
                break
            case .placeholder(let placeholder):
                guard isKnown(placeholder.path, schema: schema, scope: scope, allowsLists: false) else {
                    throw TemplateError(
                        .unknownPlaceholder, line: placeholder.location.line, column: placeholder.location.column,
                        name: placeholder.path)
                }
            case .each(let list, let location, let body):
                guard let declared = schema.lists[list] else {
                    throw TemplateError(.unknownList, line: location.line, column: location.column, name: list)
                }
                try validate(body, schema: schema, scope: scope + [declared])
            case .conditional(let field, let location, let then, let otherwise):
                guard isKnown(field, schema: schema, scope: scope, allowsLists: true) else {
                    throw TemplateError(.unknownPlaceholder, line: location.line, column: location.column, name: field)
                }
                try validate(then, schema: schema, scope: scope)
                try validate(otherwise, schema: schema, scope: scope)
            }
        }
    }

    private static func isKnown(_ path: String, schema: TemplateSchema, scope: [TemplateSchema.List], allowsLists: Bool)
        -> Bool
    {
        if schema.scalars.contains(path) || (allowsLists && schema.lists[path] != nil) { return true }
        for list in scope.reversed() {
            if path == list.itemName { return list.fields.isEmpty }
            let prefix = list.itemName + "."
            if path.hasPrefix(prefix) {
                let field = String(path.dropFirst(prefix.count))
                return field == TemplateSchema.indexField || list.fields.contains(field)
            }
        }
        return false
    }
}
