/// One replacement in a text: the bytes of `replaced` (offsets in the text before) gave
/// way to `insertedCount` new bytes.
public struct TextReplacement: Sendable, Hashable {
    public var replaced: ByteRange
    public var insertedCount: Int

    public init(replaced: ByteRange, insertedCount: Int) {
        self.replaced = replaced
        self.insertedCount = insertedCount
    }

    /// How far the text after the replacement moved.
    public var delta: Int { insertedCount - replaced.length }
}

extension JSONCParser {
    /// Makes `tree`, the tree of the text before one replacement, the tree of `newText` by
    /// parsing again only the smallest array element that holds the replacement strictly
    /// inside it (its first and last bytes untouched), and moving what follows. It changes
    /// in place: when nothing else holds it, no part of it is copied. Returns the range
    /// parsed again.
    ///
    /// Nil, with `tree` as it was, when that cannot give the tree a full parse would (the
    /// caller parses the whole text then): the text before had syntax errors, no array
    /// element holds the edit, or the element no longer reads as one faultless value ending
    /// where it should. A faultless element between unchanged, faultless text is read
    /// exactly as a full parse reads it, so the two trees are equal.
    public static func reparse(
        _ tree: inout JSONSyntaxTree, after replacement: TextReplacement, newText: UnsafeBufferPointer<UInt8>
    ) -> ByteRange? {
        guard tree.errors.isEmpty, newText.count <= sizeLimit,
              let path = tree.root.flatMap({ ElementPath(in: $0, around: replacement.replaced) }) else { return nil }
        let delta = replacement.delta
        let oldElement = path.element.range
        let newEnd = oldElement.end + delta
        guard newEnd <= newText.count,
              UTF8Decoding.badByteRuns(UnsafeBufferPointer(rebasing: newText[oldElement.start..<newEnd])).isEmpty
        else { return nil }
        var parser = Parser(bytes: newText, valueAt: oldElement.start, enclosingClosers: path.closers)
        let read = parser.parseLoneValue(depth: path.depth)
        guard read.errors.isEmpty, read.node.range.end == newEnd, var root = tree.root.take() else { return nil }

        path.replaceElement(in: &root, with: read.node, delta: delta)
        tree.root = root
        tree.lineComments = spliced(tree.lineComments, replacing: oldElement, with: read.lineComments, delta: delta)
        tree.blockComments = spliced(tree.blockComments, replacing: oldElement, with: read.blockComments, delta: delta)
        return read.node.range
    }

    /// Comments before the element kept, those in it replaced, those after it moved.
    private static func spliced(_ comments: [ByteRange], replacing element: ByteRange, with new: [ByteRange], delta: Int) -> [ByteRange] {
        let firstInside = comments.partitioningIndex { $0.start >= element.start }
        let firstAfter = comments.partitioningIndex { $0.start >= element.end }
        var result = Array(comments[..<firstInside])
        result.reserveCapacity(comments.count - (firstAfter - firstInside) + new.count)
        result += new
        for comment in comments[firstAfter...] {
            result.append(ByteRange(start: comment.start + delta, end: comment.end + delta))
        }
        return result
    }
}

/// The way from the top-level object down to the smallest array element around an edit.
private struct ElementPath {
    enum Step {
        case member(Int)
        case element(Int)
    }

    let steps: [Step]
    /// What closes each container around the element, outermost first.
    let closers: [JSONCLexer.Kind]
    let element: JSONNode
    /// The element's nesting level as the parser counts it (the top-level object is 1).
    var depth: Int { closers.count + 1 }

    init?(in root: JSONNode, around edit: ByteRange) {
        var node = root
        var found: (steps: [Step], closers: [JSONCLexer.Kind], element: JSONNode)?
        var steps: [Step] = []
        var closers: [JSONCLexer.Kind] = [.endObject]
        func strictlyInside(_ range: ByteRange) -> Bool { range.start < edit.start && edit.end < range.end }
        descent: while true {
            switch node.value {
            case .object(let object):
                guard let index = object.members.partitionedIndex(where: { $0.value.range.end > edit.start }),
                      strictlyInside(object.members[index].value.range) else { break descent }
                steps.append(.member(index))
                node = object.members[index].value
            case .array(let elements):
                guard let index = elements.partitionedIndex(where: { $0.range.end > edit.start }),
                      strictlyInside(elements[index].range) else { break descent }
                steps.append(.element(index))
                node = elements[index]
                found = (steps, closers, node)
            default:
                break descent
            }
            closers.append(node.object != nil ? .endObject : .endArray)
        }
        guard let found else { return nil }
        self.steps = found.steps
        self.closers = found.closers
        self.element = found.element
    }

    /// Puts `new` where the element was, and moves every range after the edit by `delta`.
    func replaceElement(in root: inout JSONNode, with new: JSONNode, delta: Int) {
        Self.replace(in: &root, steps: steps[...], with: new, delta: delta)
    }

    private static func replace(in node: inout JSONNode, steps: ArraySlice<Step>, with new: JSONNode, delta: Int) {
        guard let step = steps.first else {
            node = new
            return
        }
        node.range.end += delta
        // The payload is taken out of the node while it changes, so that its storage is
        // not shared and changes in place.
        switch step {
        case .member(let index):
            guard var members = node.takeMembers() else { preconditionFailure("the path was found in this tree") }
            replace(in: &members[index].value, steps: steps.dropFirst(), with: new, delta: delta)
            for later in (index + 1)..<members.count { moveMember(&members[later], by: delta) }
            node.value = .object(JSONObjectSyntax(members: members))
        case .element(let index):
            guard var elements = node.takeElements() else { preconditionFailure("the path was found in this tree") }
            replace(in: &elements[index], steps: steps.dropFirst(), with: new, delta: delta)
            for later in (index + 1)..<elements.count { move(&elements[later], by: delta) }
            node.value = .array(elements)
        }
    }

    private static func moveMember(_ member: inout JSONMember, by delta: Int) {
        member.keyRange.start += delta
        member.keyRange.end += delta
        move(&member.value, by: delta)
    }

    private static func move(_ node: inout JSONNode, by delta: Int) {
        node.range.start += delta
        node.range.end += delta
        if var members = node.takeMembers() {
            for index in members.indices { moveMember(&members[index], by: delta) }
            node.value = .object(JSONObjectSyntax(members: members))
        } else if var elements = node.takeElements() {
            for index in elements.indices { move(&elements[index], by: delta) }
            node.value = .array(elements)
        }
    }
}

// Children are taken out of their node while they change: then only the returned array holds
// them, and changing them changes them in place. Binding them in a `switch` over the value
// does not do that: the switch's own copy of the value keeps them shared until the case
// ends, and every change copies the whole array.
extension JSONNode {
    /// The members of an object node, which is left `null` until they are put back; nil for other values.
    fileprivate mutating func takeMembers() -> [JSONMember]? {
        guard case .object(let object) = value else { return nil }
        value = .null
        return object.members
    }

    /// The elements of an array node, which is left `null` until they are put back; nil for other values.
    fileprivate mutating func takeElements() -> [JSONNode]? {
        guard case .array(let elements) = value else { return nil }
        value = .null
        return elements
    }
}

extension Collection {
    /// The first index whose element satisfies a predicate that is false and then true
    /// along the collection (a binary search).
    public func partitioningIndex(where predicate: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if predicate(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }

    /// Like `partitioningIndex(where:)`, or nil when no element satisfies it.
    public func partitionedIndex(where predicate: (Element) -> Bool) -> Index? {
        let found = partitioningIndex(where: predicate)
        return found == endIndex ? nil : found
    }
}
