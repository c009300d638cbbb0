import IcplsDocument

/// The first declaration of each id, in workspace order, and where to find it by id. Ids
/// compare byte for byte (`ExactTextPositions`).
public struct DeclarationTable<Declaration: Sendable>: Sendable {
    /// First declarations in workspace order.
    public private(set) var ordered: [Declared<Declaration>] = []
    /// The position of each of `ordered` among its document's declarations of its kind.
    private(set) var placesInDocuments: [Int] = []
    /// The ids of `ordered`, at the same positions.
    private var ids = ExactTextPositions()

    public subscript(id: String) -> Declared<Declaration>? {
        ids.position(of: id).map { ordered[$0] }
    }

    /// The position of the first declaration of `id` in `ordered`.
    public func position(of id: String) -> Int? {
        ids.position(of: id)
    }

    public var count: Int { ordered.count }

    /// The ids of `ordered`, in its order: the table's own, nothing copied.
    public var orderedIDs: [String] { ids.texts }

    mutating func reserveCapacity(_ capacity: Int) {
        ordered.reserveCapacity(capacity)
        placesInDocuments.reserveCapacity(capacity)
        if ids.count == 0 { ids = ExactTextPositions(minimumCapacity: capacity) }
    }
}

extension DeclarationTable where Declaration: IdentifiedDeclaration {
    /// The first declaration of each id among `declarations` (each document's, in workspace
    /// order), and the later ones as duplicates of it; `keys` are the documents'.
    static func first(
        of declarations: [[Declaration]], as kind: DeclarationKind, keys: [DocumentKey]
    ) -> (table: DeclarationTable, duplicates: [DuplicateDeclaration]) {
        var table = DeclarationTable()
        var duplicates: [DuplicateDeclaration] = []
        // Sized up front: growing a table of tens of thousands of entries rehashes every key again and again.
        table.reserveCapacity(declarations.reduce(0) { $0 + $1.count })
        for (document, inDocument) in declarations.enumerated() {
            // A declaration is copied once, into the table, and only when it is the first of its id.
            for place in inDocument.indices {
                guard let id = inDocument[place].identifier else { continue }
                let (position, isNew) = table.ids.insert(id.value)
                if isNew {
                    table.ordered.append(Declared(document: document, declaration: inDocument[place]))
                    table.placesInDocuments.append(place)
                    continue
                }
                let first = table.ordered[position]
                duplicates.append(DuplicateDeclaration(
                    kind: kind, id: id.value, document: document, range: id.range,
                    first: Location(document: keys[first.document], range: first.declaration.identifier!.range)
                ))
            }
        }
        return (table, duplicates)
    }
}

/// A declaration with an id of its own.
protocol IdentifiedDeclaration: Sendable {
    var identifier: Located<String>? { get }
}

extension AccountDeclaration: IdentifiedDeclaration {
    var identifier: Located<String>? { id }
}

extension InstanceDeclaration: IdentifiedDeclaration {
    var identifier: Located<String>? { id }
}

extension ServiceNumberDeclaration: IdentifiedDeclaration {
    var identifier: Located<String>? { number }
}
