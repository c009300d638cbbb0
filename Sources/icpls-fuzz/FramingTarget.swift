import IcplsJSONRPC

/// The input as a byte stream from a client: cut into messages by `MessageFramer`,
/// fed whole and in random pieces, and every body classified as JSON-RPC.
struct FramingTarget: FuzzTarget {
    /// The server's limits, and small ones so that inputs reach them.
    static let limits: [(body: Int, header: Int)] = [
        (MessageFramer.defaultMaximumBodyLength, MessageFramer.defaultMaximumHeaderBlockLength),
        (96, 64),
    ]

    var tokens: [[UInt8]] {
        FuzzTokens.bytes(FuzzTokens.syntax + [
            "Content-Length: ", "Content-Length: 0\r\n\r\n", "Content-Length: 2\r\n\r\n{}", "content-LENGTH:\t7 \r\n",
            "Content-Length: 99999999999999999999\r\n", "Content-Length: -1\r\n", "Content-Length: 1e3\r\n",
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n", "\r\n\r\n", "X-Junk\r\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}", "\"jsonrpc\":\"2.0\"",
            "\"jsonrpc\":\"1.0\"", "\"id\":null", "\"id\":1.5", "\"id\":\"x\"", "\"id\":[]", "\"method\":7",
            "\"method\":\"shutdown\"", "\"params\":3", "\"params\":null", "\"result\":null", "\"error\":{\"code\":1}",
            "\"error\":{\"code\":-32601,\"message\":\"m\"}", "[{}]", "\"\\u0000\"", "\"\\uD800\"", "9223372036854775808",
            "-9223372036854775809", "1e400", "-0",
        ])
    }

    /// Bodies cut out, one of them mutated, and the stream framed again with correct
    /// lengths (or, now and then, a wrong one), so mutations reach the JSON-RPC reader.
    func structuredMutation(_ input: [UInt8], _ random: inout FuzzRandom, _ mutator: Mutator) -> [UInt8]? {
        var framer = MessageFramer()
        var bodies: [[UInt8]] = framer.feed(input).compactMap {
            if case .message(let body) = $0 { return body }
            return nil
        }
        if bodies.isEmpty { bodies = [input] }
        let chosen = random.below(bodies.count)
        bodies[chosen] = mutator.mutate(bodies[chosen], &random)
        var stream: [UInt8] = []
        for body in bodies {
            var framed = OutgoingMessage.framed(body: body)
            if random.chance(5) { framed = Array("Content-Length: \(body.count + random.within(-2...2))\r\n\r\n".utf8) + body }
            stream.append(contentsOf: framed)
        }
        return stream
    }

    func run(_ input: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.checking { features throws(InvariantFailure) in
            var random = FuzzRandom(hashing: input)
            for (index, limits) in Self.limits.enumerated() {
                let events = try checkSplits(input, limits: limits, random: &random)
                if index == 0 {
                    for event in events { try classify(event, &features) }
                }
            }
            // The whole input as one body too: JSON that is not framed at all.
            try classify(.message(input), &features)
        }
    }

    /// Feeds the input whole, then in random pieces, in single bytes and in a few large
    /// pieces: the same events must come out, and the framer never holds more than its limits.
    private func checkSplits(_ input: [UInt8], limits: (body: Int, header: Int), random: inout FuzzRandom) throws(InvariantFailure) -> [MessageFramer.Event] {
        let bound = max(limits.body, limits.header)
        var whole = MessageFramer(maximumBodyLength: limits.body, maximumHeaderBlockLength: limits.header)
        let expected = whole.feed(input)
        try expect(whole.bufferedByteCount <= bound, "\(whole.bufferedByteCount) bytes buffered, more than \(bound)")
        for trial in 0..<3 {
            var framer = MessageFramer(maximumBodyLength: limits.body, maximumHeaderBlockLength: limits.header)
            var events: [MessageFramer.Event] = []
            var position = 0
            while position < input.count {
                let length: Int
                switch trial {
                case 0: length = random.runLength(upTo: input.count - position)
                case 1: length = input.count <= 4_096 ? 1 : random.within(1...7)
                default: length = random.within(1...max(1, input.count / 3))
                }
                let end = min(input.count, position + length)
                events += framer.feed(Array(input[position..<end]))
                try expect(framer.bufferedByteCount <= bound, "\(framer.bufferedByteCount) bytes buffered at \(end), more than \(bound)")
                position = end
            }
            try expect(events == expected, "split \(trial) gave \(events.count) events, whole \(expected.count): \(Self.firstDifference(events, expected))")
            try expect(framer.isInsideMessage == whole.isInsideMessage, "split \(trial) ends inside a message and whole does not, or the reverse")
            try expect(framer.bufferedByteCount == whole.bufferedByteCount, "split \(trial) holds \(framer.bufferedByteCount) bytes, whole \(whole.bufferedByteCount)")
        }
        return expected
    }

    private static func firstDifference(_ left: [MessageFramer.Event], _ right: [MessageFramer.Event]) -> String {
        for (index, (one, other)) in zip(left, right).enumerated() where one != other {
            return "event \(index): \(String(describing: one).prefix(200)) vs \(String(describing: other).prefix(200))"
        }
        return "one list is longer"
    }

    /// A body is read the same way as JSON and as a message; JSON re-encodes to an equal value;
    /// a rejected message gets an error response that is itself one well-formed framed message.
    private func classify(_ event: MessageFramer.Event, _ features: inout Set<String>) throws(InvariantFailure) {
        guard case .message(let body) = event else {
            features.insert(String(String(describing: event).prefix { $0 != "(" }))
            return
        }
        let json = try? JSONValue.decode(body)
        if let json {
            // JSON has no infinity: a number too large for a double is read as one and written as `null`.
            let again = try? JSONValue.decode(json.encoded())
            try expect(again == json.withInfinitiesAsNull, "JSON does not survive encoding: \(String(describing: json).prefix(300)) → \(String(decoding: json.encoded().prefix(300), as: UTF8.self))")
        }
        let message = Result { () throws(RejectedMessage) in try IncomingMessage(body: body) }
        switch message {
        case .success(let message):
            try expect(json != nil, "a body that is not JSON was read as a message")
            let fromJSON = json.flatMap { try? IncomingMessage(json: $0) }
            try expect(fromJSON == message, "the body and its JSON give different messages")
            switch message {
            case .request: features.insert("request")
            case .notification: features.insert("notification")
            case .response(_, let outcome): features.insert((try? outcome.get()) == nil ? "error response" : "response")
            }
        case .failure(let rejected):
            try expect(json != nil || rejected.error.code == .parseError, "a body that is not JSON got \(rejected.error), not a parse error")
            // The reason, without the offsets a parse error names.
            features.insert("rejected: " + rejected.error.message.prefix { !$0.isNumber })
            try checkErrorResponse(rejected)
        }
    }

    private func checkErrorResponse(_ rejected: RejectedMessage) throws(InvariantFailure) {
        var framer = MessageFramer()
        let events = framer.feed(rejected.errorResponse)
        guard events.count == 1, case .message(let body) = events[0], !framer.isInsideMessage else {
            throw InvariantFailure(description: "the error response for \(rejected.error) is not one framed message")
        }
        let json = try? JSONValue.decode(body)
        try expect(
            json?["jsonrpc"] == "2.0" && json?["id"] == (rejected.id?.jsonValue ?? .null)
                && json?["error"]?["code"]?.intValue == rejected.error.code.rawValue,
            "the error response for \(rejected.error) is not a JSON-RPC error: \(String(decoding: body.prefix(300), as: UTF8.self))"
        )
    }
}

extension JSONValue {
    /// The value as its encoding reads back: infinite numbers become `null`.
    fileprivate var withInfinitiesAsNull: JSONValue {
        switch self {
        case .number(let number) where !number.isFinite: return .null
        case .array(let elements): return .array(elements.map(\.withInfinitiesAsNull))
        case .object(let object):
            var normalized = object
            for (key, value) in object { normalized[key] = value.withInfinitiesAsNull }
            return .object(normalized)
        default: return self
        }
    }
}
