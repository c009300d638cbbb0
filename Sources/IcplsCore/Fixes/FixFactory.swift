import IcplsDocument

/// Builds the quick fixes of SPEC §4 as text edits; every edit keeps the rest
/// of the file byte for byte and leaves valid JSONC.
public struct FixFactory: Sendable {
    let index: WorkspaceIndex
    let catalog: any MessageCatalog
    private let numberUsage: NumberUsage
    /// The first unused numbers in workspace order, enough to fill a fix list with
    /// numbers of other instances than any one preferred instance.
    private let firstUnused: [(number: String, instance: String)]

    init(index: WorkspaceIndex, numberUsage: NumberUsage, catalog: any MessageCatalog) {
        self.index = index
        self.catalog = catalog
        self.numberUsage = numberUsage
        var first: [(number: String, instance: String)] = []
        // A list of 2 × `offered` holds at least `offered` numbers of other instances than any one
        // instance with fewer than `offered` of its own; one with `offered` needs no others.
        for position in index.inventory.readyNumbers where !numberUsage.isNamed(declaredNumber: position) {
            first.append(index.inventory.readyNumber(position))
            if first.count == 2 * Self.offered { break }
        }
        firstUnused = first
    }

    /// How many numbers a fix list offers at most.
    private static let offered = 3

    /// Unused numbers in workspace order: declared, not `used`, named by no
    /// website, applied for by their instance's purchaser, on an eligible host.
    public var unusedNumbers: [(number: String, instance: String)] {
        index.inventory.readyNumbers.filter { !numberUsage.isNamed(declaredNumber: $0) }.map(index.inventory.readyNumber)
    }

    /// The first `offered` unused numbers of an instance, in workspace order.
    private func firstUnused(of instance: String) -> [(number: String, instance: String)] {
        var chosen: [(number: String, instance: String)] = []
        guard let instancePosition = index.instances.position(of: instance) else { return [] }
        for readyPosition in index.inventory.readyNumbersByInstance[instancePosition] {
            let position = index.inventory.readyNumbers[readyPosition]
            if numberUsage.isNamed(declaredNumber: position) { continue }
            chosen.append(index.inventory.readyNumber(position))
            if chosen.count == Self.offered { break }
        }
        return chosen
    }

    /// Up to three unused numbers, those of `preferredInstance` first; the first is preferred.
    public func useUnusedNumber(document: Int, replacing range: ByteRange, preferredInstance: String?) -> [Fix] {
        candidates(preferredInstance: preferredInstance).enumerated().map { offset, candidate in
            Fix(
                title: catalog.text(.fixUseServiceNumber(candidate.number, instance: candidate.instance)),
                edits: [TextEdit(location: index.location(document, range), newText: JSONText.quoted(candidate.number))],
                isPreferred: offset == 0,
                assignsServiceNumber: candidate.number
            )
        }
    }

    /// For a website that names no host: insert a `serviceNumber` member before its first
    /// member, or give the number to the invalid `serviceNumber` already there.
    public func addUnusedNumber(document: Int, website: WebsiteDeclaration) -> [Fix] {
        let text = index.documents[document].text
        let insertion = MemberInsertion(text: text, objectRange: website.objectRange)
        return candidates(preferredInstance: nil).enumerated().map { offset, candidate in
            let number = JSONText.quoted(candidate.number)
            let edit = website.serviceNumberWritten.map { TextEdit(location: index.location(document, $0), newText: number) }
                ?? insertion.edit(member: "\"serviceNumber\": \(number)", location: index.location(document, .empty(at: insertion.offset)))
            return Fix(
                title: catalog.text(.fixUseServiceNumber(candidate.number, instance: candidate.instance)),
                edits: [edit],
                isPreferred: offset == 0,
                assignsServiceNumber: candidate.number
            )
        }
    }

    /// Replaces `"instance": "…"` with `"serviceNumber": "…"`, a number of that same instance;
    /// the key and the value are replaced apart, so a comment between them stays.
    public func replaceInstanceWithNumber(document: Int, website: WebsiteDeclaration) -> [Fix] {
        guard let instance = website.instance, let key = website.instanceKey else { return [] }
        return firstUnused(of: instance.value).map { candidate in
            Fix(
                title: catalog.text(.fixReplaceInstanceWithNumber(candidate.number)),
                edits: [
                    TextEdit(location: index.location(document, key), newText: "\"serviceNumber\""),
                    TextEdit(location: index.location(document, instance.range), newText: JSONText.quoted(candidate.number)),
                ],
                isPreferred: false,
                assignsServiceNumber: candidate.number
            )
        }
    }

    /// The known names closest to a typed one; preferred only when one is closest.
    public func closestName(document: Int, range: ByteRange, typed: String, candidates: [String]) -> [Fix] {
        replaceWithClosest(document: document, range: range, closest: ClosestName.closest(typed, among: candidates))
    }

    /// Fixes that replace a value with each of the closest names found; preferred only when there is one.
    public func replaceWithClosest(document: Int, range: ByteRange, closest: [String]) -> [Fix] {
        closest.prefix(3).map { name in
            Fix(
                title: catalog.text(.fixReplace(with: name)),
                edits: [TextEdit(location: index.location(document, range), newText: JSONText.quoted(name))],
                isPreferred: closest.count == 1
            )
        }
    }

    public func bareHostName(document: Int, range: ByteRange, host: String) -> Fix {
        Fix(
            title: catalog.text(.fixUseBareHostName(host)),
            edits: [TextEdit(location: index.location(document, range), newText: JSONText.quoted(host))],
            isPreferred: true
        )
    }

    /// Removes a member or an array element (`range` is its whole range) with one adjacent comma.
    public func remove(document: Int, range: ByteRange, title: Message, isPreferred: Bool) -> Fix? {
        let analyzed = index.documents[document]
        guard let removals = ElementRemoval.ranges(removing: range, in: analyzed.text, tree: analyzed.tree) else { return nil }
        return Fix(
            title: catalog.text(title),
            edits: removals.map { TextEdit(location: index.location(document, $0), newText: "") },
            isPreferred: isPreferred
        )
    }

    private func candidates(preferredInstance: String?) -> [(number: String, instance: String)] {
        guard let preferredInstance else { return Array(firstUnused.prefix(Self.offered)) }
        var chosen = firstUnused(of: preferredInstance)
        for candidate in firstUnused where !candidate.instance.isExactly(preferredInstance) {
            if chosen.count == Self.offered { break }
            chosen.append(candidate)
        }
        return chosen
    }
}

enum JSONText {
    /// A JSON string literal for `value`.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
