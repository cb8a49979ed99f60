extension Template {
    /// Renders deterministically: the same template and context always give the same bytes.
    public func render(_ context: TemplateContext) -> String {
        var output = ""
        render(nodes, context: context, scope: [], into: &output)
        return output
    }

    /// One level of `#each`: the item being rendered and its 1-based position.
    private struct LoopFrame {
        var itemName: String
        var item: [String: String]
        var index: Int
    }

    private func render(
        _ nodes: [TemplateNode], context: TemplateContext, scope: [LoopFrame], into output: inout String
    ) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .placeholder(let placeholder):
                var value = lookUp(placeholder.path, context: context, scope: scope) ?? ""
                // In a ZPL template an explicit `zpl` is redundant: the kind escapes once, after every filter,
                // so widths are measured on what the reader sees.
                for filter in placeholder.filters where !(kind == .zpl && filter == .zpl) {
                    value = filter.apply(value)
                }
                output += kind.escape(value)
            case .each(let list, _, let body):
                let itemName = schema.lists[list]?.itemName ?? list
                for (offset, item) in (context.lists[list] ?? []).enumerated() {
                    let frame = LoopFrame(itemName: itemName, item: item, index: offset + 1)
                    render(body, context: context, scope: scope + [frame], into: &output)
                }
            case .conditional(let field, _, let then, let otherwise):
                let isPresent: Bool
                if let items = context.lists[field] {
                    isPresent = !items.isEmpty
                } else {
                    let value = lookUp(field, context: context, scope: scope) ?? ""
                    isPresent = !value.allSatisfy(\.isWhitespace)
                }
                render(isPresent ? then : otherwise, context: context, scope: scope, into: &output)
            }
        }
    }

    private func lookUp(_ path: String, context: TemplateContext, scope: [LoopFrame]) -> String? {
        for frame in scope.reversed() {
            if path == frame.itemName { return frame.item[""] }
            let prefix = frame.itemName + "."
            if path.hasPrefix(prefix) {
                let field = String(path.dropFirst(prefix.count))
                // An item may carry its own index (an order's position in the whole shipment, across pages).
                return field == TemplateSchema.indexField
                    ? frame.item[field] ?? String(frame.index) : frame.item[field]
            }
        }
        return context.scalars[path]
    }
}
