import IcplsDocument

/// Go to definition, find references and document highlights for ids and
/// numbers across the workspace.
public enum Navigation {
    /// The first declaration in workspace order of the symbol under the
    /// cursor (the one every rule reads), also when the cursor is on a later
    /// declaration or on that declaration itself. Nil when nothing declares it.
    public static func definition(at offset: Int, in document: DocumentKey, result: CheckResult) -> Location? {
        guard let symbol = SymbolFinder.symbol(at: offset, in: document, result: result) else { return nil }
        return firstDeclaration(of: symbol.kind, named: symbol.name, in: result)
    }

    /// Every occurrence of the symbol under the cursor in workspace order;
    /// declarations (duplicates too) only when asked for.
    public static func references(
        at offset: Int, in document: DocumentKey, result: CheckResult, includeDeclaration: Bool
    ) -> [Location] {
        guard let symbol = SymbolFinder.symbol(at: offset, in: document, result: result) else { return [] }
        return SymbolFinder.occurrences(of: symbol.kind, named: symbol.name, in: result)
            .filter { includeDeclaration || !$0.isDeclaration }
            .map(\.location)
    }

    /// The occurrences of the symbol under the cursor in the same document, in
    /// text order; `isDeclaration` tells a write from a read.
    public static func highlights(at offset: Int, in document: DocumentKey, result: CheckResult) -> [SymbolOccurrence] {
        guard let symbol = SymbolFinder.symbol(at: offset, in: document, result: result),
              let analyzed = result.index.document(document) else { return [] }
        return SymbolFinder.occurrences(in: analyzed).filter { $0.kind == symbol.kind && $0.name.isExactly(symbol.name) }
    }

    static func firstDeclaration(of kind: SymbolKind, named name: String, in result: CheckResult) -> Location? {
        let index = result.index
        switch kind {
        case .account:
            return index.accounts[name].flatMap { declared in declared.declaration.id.map { index.location(declared.document, $0.range) } }
        case .instance:
            return index.instances[name].flatMap { declared in declared.declaration.id.map { index.location(declared.document, $0.range) } }
        case .serviceNumber:
            return index.serviceNumbers[name].flatMap { declared in declared.declaration.number.map { index.location(declared.document, $0.range) } }
        case .filing:
            // Filings sharing an id stay separate; the first is the one to go to.
            for document in index.documents {
                if let filing = document.model.filings.first(where: { $0.id?.value.isExactly(name) == true }), let id = filing.id {
                    return Location(document: document.key, range: id.range)
                }
            }
            return nil
        }
    }
}
