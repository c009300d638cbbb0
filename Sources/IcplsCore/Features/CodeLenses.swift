import IcplsDocument

/// A line of text shown above a range, with no command behind it.
public struct CodeLens: Hashable, Sendable {
    public var range: ByteRange
    public var title: String
}

/// Quota use above each instance declaration: "3 of 5 slots used".
public enum CodeLenses {
    /// One lens per instance declaration of the document that the rules read
    /// (a later duplicate gets none), at its `id` value. Instances without a
    /// valid product get none: their quota is unknown.
    public static func codeLenses(in document: DocumentKey, result: CheckResult) -> [CodeLens] {
        let index = result.index
        guard let documentIndex = index.documentIndex(of: document) else { return [] }
        var lenses: [CodeLens] = []
        for instance in index.documents[documentIndex].model.instances {
            guard let id = instance.id, let product = instance.product?.value,
                  let counted = index.instances[id.value], counted.document == documentIndex,
                  counted.declaration.open == instance.open else { continue }
            let title = slotsTitle(of: instance, product: product, quotaUsage: result.context.quotaUsage) ?? "cannot host a filing"
            lenses.append(CodeLens(range: id.range, title: title))
        }
        return lenses
    }

    /// "N of Q slots used", with the account when the quota is shared by its
    /// elastic-web-hosting instances; nil for a product that cannot host a filing.
    static func slotsTitle(of instance: InstanceDeclaration, product: Product, quotaUsage: QuotaUsage) -> String? {
        guard let hosting = product.hosting else { return nil }
        let used = quotaUsage.pool(of: instance)?.slots.count ?? 0
        var title = "\(used) of \(hosting.quota) slots used"
        if case .elasticWebHosting(let account)? = QuotaUsage.poolKey(of: instance) {
            title += " (pooled for \(account))"
        }
        return title
    }
}
